"""*Summarize documents…* in the Chat page against the stand-in: a folder of 20, Cancel mid-batch, failures."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QListWidget, QPushButton, QRadioButton, QSplitter, QToolButton

from runyard_desktop.core.chat.batch_summary import FileState
from runyard_desktop.ui.chat.summarize_panel import SummarizePanel

T = TypeVar("T", bound=QObject)


def _child(parent: QObject, kind: type[T], name: str) -> T:
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


SUMMARY = ["- Agreed: ", "the plan.", "\n- Budget: ", "3 k€."]


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(n):
        (folder / f"note{i:02d}.txt").write_text(f"Meeting {i}: the plan is agreed.\n", encoding="utf-8")
    return folder


def _open_panel(open_chat, folder: Path) -> tuple[Any, SummarizePanel]:
    _window, pane = open_chat()
    button = pane.findChild(QToolButton, "summarizeDocumentsButton")
    assert button is not None and button.accessibleName() == "Summarize documents"
    button.click()
    panel = pane.findChild(SummarizePanel, "summarizePanel")
    assert panel is not None and panel.isVisible()
    splitter = panel.parentWidget()
    assert isinstance(splitter, QSplitter)  # shown in the splitter with room, not squeezed to nothing:
    assert splitter.sizes()[splitter.indexOf(panel)] >= panel.minimumWidth()
    panel.pick_folder = lambda _parent: str(folder)
    _child(panel, QPushButton, "summarizeAddFolderButton").click()
    return pane, panel


def _rows(panel: SummarizePanel) -> list[str]:
    view = _child(panel, QListWidget, "summaryProgressList")
    return [view.item(i).text() for i in range(view.count())]


def test_a_folder_of_20_ends_with_20_conversations(open_chat, chat_fake, qtbot, tmp_path) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=SUMMARY)
    pane, panel = _open_panel(open_chat, _folder(tmp_path, 20))
    before = len(pane.controller.conversations())
    with qtbot.waitSignal(panel.batch.batch_finished, timeout=60_000) as finished:
        _child(panel, QPushButton, "summaryStartButton").click()
    assert finished.args == ["20 of 20 summarized."]
    rows = _rows(panel)
    assert len(rows) == 20 and all(" — done — saved as the conversation “Summary: note" in r for r in rows)
    summaries = [c for c in pane.controller.conversations() if c.title.startswith("Summary: ")]
    assert len(summaries) == 20 == len(pane.controller.conversations()) - before
    stored = pane.controller.store.messages(summaries[0].id)
    assert [m.role for m in stored] == ["user", "assistant"]
    assert stored[0].attachments[0].name == summaries[0].title.removeprefix("Summary: ")
    assert stored[1].content == "".join(SUMMARY) and stored[1].metrics is not None
    assert pane.sidebar.list.model().rowCount() >= 20  # the sidebar shows them
    bodies = chat_fake.bodies("/api/chat")
    assert len(bodies) == 20 and all(b["model"] == "qwen3.5:4b" and b["think"] is False for b in bodies)


def test_cancel_mid_batch_keeps_the_finished_markdown_files(open_chat, chat_fake, qtbot, tmp_path) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=SUMMARY * 10)
    chat_fake.token_delay_s = 0.01  # ≈ 0.4 s a file: time to cancel in the middle
    folder = _folder(tmp_path, 20)
    _pane, panel = _open_panel(open_chat, folder)
    _child(panel, QRadioButton, "summarySaveMarkdown").setChecked(True)
    _child(panel, QPushButton, "summaryStartButton").click()
    batch = panel.batch
    qtbot.waitUntil(lambda: sum(r.state is FileState.DONE for r in batch.rows) >= 3, timeout=30_000)
    qtbot.waitUntil(lambda: any(r.state is FileState.SUMMARIZING and r.tokens for r in batch.rows), timeout=10_000)
    assert any("summarizing… " in r for r in _rows(panel))
    with qtbot.waitSignal(batch.batch_finished, timeout=10_000) as finished:
        _child(panel, QPushButton, "summaryCancelButton").click()
    done = [r for r in batch.rows if r.state is FileState.DONE]
    assert 3 <= len(done) < 20 and all(r.state is FileState.CANCELLED for r in batch.rows[len(done) :])
    assert finished.args[0] == f"{len(done)} of 20 summarized; {20 - len(done)} cancelled."
    written = sorted(p.name for p in folder.glob("*.summary.md"))
    assert written == [f"note{i:02d}.summary.md" for i in range(len(done))]
    assert "- Budget: 3 k€." in (folder / "note00.summary.md").read_text(encoding="utf-8")
    chat_fake.wait_disconnect("chat")  # the reply in progress was stopped, its socket closed
    assert _child(panel, QPushButton, "summaryStartButton").isEnabled() is False  # nothing queued now


def test_a_file_that_cannot_be_read_fails_alone_with_its_reason(open_chat, chat_fake, qtbot, tmp_path) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=SUMMARY)
    folder = _folder(tmp_path, 2)
    (folder / "broken.log").write_bytes(b"\0\1\2" * 100)
    _pane, panel = _open_panel(open_chat, folder)
    with qtbot.waitSignal(panel.batch.batch_finished, timeout=20_000) as finished:
        _child(panel, QPushButton, "summaryStartButton").click()
    assert finished.args == ["2 of 3 summarized; 1 failed."]
    assert _rows(panel)[0].startswith("broken.log — failed: broken.log looks like a binary file")


def test_without_a_model_it_says_what_to_do(open_chat, qtbot, tmp_path) -> None:
    pane, panel = _open_panel(open_chat, _folder(tmp_path, 1))
    pane.controller.update_current(model="")
    pane.controller.default_model = ""
    _child(panel, QPushButton, "summaryStartButton").click()
    assert not panel.batch.is_running
    assert "Pick a model" in panel.status.text()


def test_cancel_while_a_summary_is_being_written_keeps_it_and_starts_no_other(
    open_chat, chat_fake, qtbot, tmp_path, monkeypatch
) -> None:
    import threading

    from runyard_desktop.core.chat.batch_summary import write_summary as real_write
    from runyard_desktop.tasks import summary_batch

    chat_fake.script_reply("qwen3.5:4b", content=SUMMARY)
    release = threading.Event()

    def slow_write(*args: Any) -> Path:
        release.wait(10)  # the disk is slow: Cancel arrives while the first summary is written
        return real_write(*args)

    monkeypatch.setattr(summary_batch, "write_summary", slow_write)
    folder = _folder(tmp_path, 3)
    _pane, panel = _open_panel(open_chat, folder)
    _child(panel, QRadioButton, "summarySaveMarkdown").setChecked(True)
    _child(panel, QPushButton, "summaryStartButton").click()
    batch = panel.batch
    qtbot.waitUntil(lambda: batch._saving, timeout=10_000)
    with qtbot.waitSignal(batch.batch_finished, timeout=10_000) as finished:
        _child(panel, QPushButton, "summaryCancelButton").click()
        release.set()
    assert finished.args == ["1 of 3 summarized; 2 cancelled."]
    assert [r.state for r in batch.rows] == [FileState.DONE, FileState.CANCELLED, FileState.CANCELLED]
    assert [p.name for p in folder.glob("*.summary.md")] == ["note00.summary.md"]
    assert len(chat_fake.bodies("/api/chat")) == 1


def test_a_file_that_is_not_utf8_says_which_encoding_it_was_read_as(open_chat, chat_fake, qtbot, tmp_path) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=SUMMARY)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_bytes("prix: 5 €\n".encode("cp1252"))
    (folder / "b.txt").write_bytes("naïve café \x81 ok\n".encode("latin-1"))  # 0x81: no character in cp1252
    _pane, panel = _open_panel(open_chat, folder)
    with qtbot.waitSignal(panel.batch.batch_finished, timeout=20_000):
        _child(panel, QPushButton, "summaryStartButton").click()
    rows = _rows(panel)
    assert "(not UTF-8: read as Windows-1252" in rows[0]
    assert "(not UTF-8: read as Latin-1" in rows[1]
