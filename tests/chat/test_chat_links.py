"""Links in a reply: web links open, a mailto asks first (showing its address) and loses its parameters,
anything else does nothing; hovering a link shows where it goes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QScrollArea

from runyard_desktop.core.links import LinkAction, decide
from runyard_desktop.ui.chat.rich_text import MessageBody


@pytest.fixture
def clicks(open_chat):
    """(pane, opened urls, asked targets); the asking answers from `answer[0]`."""
    _window, pane = open_chat()
    opened: list[str] = []
    asked: list[str] = []
    answer = [True]

    def confirm(_parent, target: str) -> bool:
        asked.append(target)
        return answer[0]

    pane.open_link = lambda url: opened.append(url.toString())
    pane.confirm_link = confirm
    return pane, opened, asked, answer


def test_a_web_link_opens_without_asking(clicks) -> None:
    pane, opened, asked, _answer = clicks
    pane.view.link_clicked.emit(QUrl("https://doc.qt.io/qt-6/"))
    assert opened == ["https://doc.qt.io/qt-6/"] and asked == []


def test_a_mailto_asks_first_with_the_address_only(clicks) -> None:
    pane, opened, asked, answer = clicks
    pane.view.link_clicked.emit(QUrl("mailto:someone@example.com?attach=/home/me/.ssh/id_rsa&body=hi"))
    assert asked == ["mailto:someone@example.com"]
    assert opened == ["mailto:someone@example.com"]
    answer[0] = False
    pane.view.link_clicked.emit(QUrl("mailto:other@example.com"))
    assert asked[-1] == "mailto:other@example.com" and opened == ["mailto:someone@example.com"]


@pytest.mark.parametrize(
    "url",
    [
        "mailto:?attach=/etc/passwd",
        "mailto:?to=a@example.com&attach=/etc/passwd",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "smb://host/share",
        "ms-settings:privacy",
    ],
)
def test_other_links_do_nothing(clicks, url: str) -> None:
    pane, opened, asked, _answer = clicks
    pane.view.link_clicked.emit(QUrl(url))
    assert opened == [] and asked == []


def test_decide() -> None:
    assert decide("HTTPS://Example.com/a?b=1").action is LinkAction.OPEN
    assert decide("http:///no-host").action is LinkAction.REFUSE
    assert decide("mailto:a@example.com?cc=b@example.com#x").target == "mailto:a@example.com"
    assert decide("mailto:a%40example.com%3Fattach%3D%2Fetc%2Fpasswd").action is LinkAction.REFUSE


def test_hovering_a_link_shows_its_target(qtbot) -> None:
    body = MessageBody()
    holder = QScrollArea()
    holder.setWidgetResizable(True)
    holder.setWidget(body)
    qtbot.addWidget(holder)
    holder.resize(500, 300)
    holder.show()
    body.set_markdown("[the docs](https://evil.example/<img>)\n")
    body.highlighted.emit(QUrl("https://evil.example/<img>"))  # what QTextBrowser emits on hovering a link
    assert body.toolTip() == "https://evil.example/%3Cimg%3E"
    body.highlighted.emit(QUrl())
    assert body.toolTip() == ""
