"""Open the real window on a seeded conversation (code, table, thinking, a document) for screenshots.

    python scripts/chat_screenshot.py           # the window on the seeded chat, to look at or capture
    python scripts/chat_screenshot.py --dark

`scripts/screenshots.py` uses `seed()` for the Chat page in docs/screenshots/pages/.

Everything goes to a temporary RUNYARD_HOME; the stand-in Ollama (tests/support) provides the models.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["RUNYARD_HOME"] = tempfile.mkdtemp(prefix="runyard-shot-")

from PySide6.QtWidgets import QApplication

from runyard_desktop.core.appdata.paths import app_paths
from runyard_desktop.core.chat.conversation import KIND_TEXT, Attachment, ReplyMetrics, summarize_prompt
from runyard_desktop.core.chat.history import HistoryStore
from runyard_desktop.ui.theme import apply_theme
from tests.support.fake_ollama import FakeOllama

MODEL = "qwen3.5:9b"
DOC = """# Q3 2026 operating review
Revenue: 4.2 M EUR (+12 % QoQ). Gross margin 61 %. Churn 2.1 %.
Decision (30 Sep): hire two support engineers; freeze the EU data-centre move until Q1.
Open: pricing for the team plan; SOC 2 audit date.
"""
THINKING = (
    "The user wants a concise summary that keeps numbers, dates and decisions. The document lists revenue, "
    "margin and churn, one decision with a date, and two open items. A short table will make the figures "
    "easy to scan, then the decisions and open questions as bullets."
)
REPLY = """**Q3 2026 in one line:** revenue grew 12 % to **4.2 M EUR** with a healthy 61 % gross margin.

| Metric | Q3 2026 | Change |
|---|---|---|
| Revenue | 4.2 M EUR | +12 % QoQ |
| Gross margin | 61 % | — |
| Churn | 2.1 % | — |

**Decisions (30 Sep)**
- Hire two support engineers.
- Freeze the EU data-centre move until Q1.

**Open questions:** team-plan pricing; the SOC 2 audit date.

To recompute the growth from the raw figures:

```python
previous, current = 3.75, 4.2  # M EUR
print(f"growth: {current / previous - 1:.0%}")
```
"""


def seed() -> None:
    store = HistoryStore(app_paths().ensure().history_db)
    for title in ("Trip ideas for Lisbon", "Regex for ISO dates"):
        c = store.create_conversation(model="qwen3.5:4b", title=title)
        store.add_message(c.id, "user", title)
        r = store.begin_reply(c.id, "qwen3.5:4b")
        store.finish_reply(r.id, content="…", thinking="", status="complete")
    c = store.create_conversation(model=MODEL, title="Q3 report summary", num_ctx=8192, temperature=0.3)
    doc = Attachment(kind=KIND_TEXT, name="q3-review.md", text=DOC, tokens=96)
    store.add_message(c.id, "user", summarize_prompt(["q3-review.md"]), attachments=[doc])
    r = store.begin_reply(c.id, MODEL)
    metrics = ReplyMetrics(
        model=MODEL,
        prompt_eval_count=2890,
        eval_count=230,
        eval_duration_s=5.6,
        ttft_s=0.42,
        num_ctx=8192,
        thinking_s=3.1,
    )
    store.finish_reply(r.id, content=REPLY, thinking=THINKING, status="complete", metrics=metrics)
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    fake = FakeOllama(0)
    for tag, size in ((MODEL, 6_600_000_000), ("qwen3.5:4b", 3_400_000_000)):
        fake.add_installed(tag, size=size, capabilities=("completion", "vision", "tools", "thinking"))
    fake.start()
    seed()
    app = QApplication(sys.argv[:1])
    apply_theme("dark" if args.dark else "light", app)  # the app's own theme (Fusion + its palettes)
    from runyard_desktop.app import create_main_window
    from runyard_desktop.ui.chat.chat_pane import ChatPane

    window = create_main_window(host=fake.url)
    window.resize(1280, 800)
    window.show()
    window.show_page("chat")
    pane = window.findChild(ChatPane, "chatPane")
    assert pane is not None
    pane.composer.input.setPlainText("Which of these numbers should go in the board deck?")
    code = app.exec()
    fake.stop()
    return code


if __name__ == "__main__":
    sys.exit(main())
