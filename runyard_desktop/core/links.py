"""What a click on a link in outside text (a model's reply) may do: open, ask first, or nothing.

Web links (http, https, with a host) open in the browser. A `mailto:` link opens the mail program
only after the user has seen its address and agreed, and only with the address: its parameters
(`?attach=`, `?body=`, `?cc=` …) are dropped, since some mail programs attach a local file named in
`attach` or pre-fill text the user never saw. Every other scheme (`file:`, `javascript:`, `data:`,
`smb:`, custom handlers …) does nothing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

WEB_SCHEMES = ("http", "https")


class LinkAction(enum.Enum):
    OPEN = "open"
    ASK = "ask"
    REFUSE = "refuse"


@dataclass(frozen=True)
class LinkDecision:
    """`target`: the link to open (and to show when asking); empty when refused."""

    action: LinkAction
    target: str = ""


def decide(url: str) -> LinkDecision:
    """The action for a clicked link, and the target to open: a mailto keeps its address only."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return LinkDecision(LinkAction.REFUSE)
    scheme = parts.scheme.lower()
    if scheme in WEB_SCHEMES and parts.hostname:
        return LinkDecision(LinkAction.OPEN, parts.geturl())
    if scheme == "mailto":
        address = unquote(parts.path).strip()
        if address and address.isprintable() and not any(c in address for c in "?&<>\"'"):
            return LinkDecision(LinkAction.ASK, f"mailto:{address}")
    return LinkDecision(LinkAction.REFUSE)
