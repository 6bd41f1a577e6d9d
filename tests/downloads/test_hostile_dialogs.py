"""Dialogs show outside text plain: a model name from /api/tags or a server's words with an
`<img src=…>` in them are shown as characters, never read from disk (see `fifo_probe`)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from runyard_desktop.core.downloads.preflight import CheckLevel, PreflightIssue
from runyard_desktop.ui.downloads.download_dialogs import delete_box, preflight_box
from runyard_desktop.ui.installed.installed_view import yes_no_box
from runyard_desktop.ui.widgets.plain_text import plain_message_box
from tests.support.fifo_probe import FifoProbe


def rendered_texts(box: QMessageBox, probe: FifoProbe) -> dict[str, Qt.TextFormat]:
    """Lay out and paint `box` (not exec'd); each label's text → its format, once nothing opened the FIFO."""
    box.grab()
    QApplication.processEvents()
    assert probe.opens() == 0, "a dialog read the file named in an <img>"
    return {label.text(): label.textFormat() for label in box.findChildren(QLabel) if label.text()}


def test_deleting_a_model_with_a_hostile_name_asks_in_plain_text(open_window, dl_fake, qtbot, fifo_probe) -> None:
    name = f"evil{fifo_probe.img}:latest"  # /api/tags is the server's word: any characters can come
    dl_fake.add_installed(name, size=1_000_000_000)
    window = open_window()
    window.show_page("installed")
    page = window.page("installed")
    qtbot.waitUntil(lambda: page.select_installed(name), timeout=10_000)
    shown: list[dict[str, Qt.TextFormat]] = []

    def confirm_delete(parent: QWidget, title: str, text: str) -> bool:  # the real dialog, without exec()
        box = delete_box(parent, title, text)
        shown.append(rendered_texts(box, fifo_probe))
        box.deleteLater()
        return False

    window.downloads.confirm_delete = confirm_delete
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert shown, "Delete asked first"
    formats = [fmt for text, fmt in shown[0].items() if fifo_probe.img in text]
    assert formats == [Qt.TextFormat.PlainText]


def test_dialog_builders_show_outside_text_plain(qtbot, fifo_probe) -> None:
    hostile = f"{fifo_probe.img} said the server"
    boxes = [
        yes_no_box(None, "Delete?", hostile),
        plain_message_box(QMessageBox.Icon.Warning, "Failed", hostile, QMessageBox.StandardButton.Ok, None, hostile),
        preflight_box(None, PreflightIssue(CheckLevel.CONFIRM, f"{fifo_probe.img} title", hostile)),
    ]
    for box in boxes:
        texts = rendered_texts(box, fifo_probe)
        assert all(fmt == Qt.TextFormat.PlainText for text, fmt in texts.items() if "<img" in text)
        assert any(fifo_probe.img in text for text in texts) or "&lt;img" in box.text()
        box.deleteLater()


def test_labels_made_before_the_first_paint_become_plain_right_after_it(qtbot) -> None:
    """Before the first paint `plain_label` only queues its label (building `QtCore.Qt` costs ≈40 ms there);
    `apply_pending`, the window's first step after the paint, makes them plain, and skips deleted ones."""
    from runyard_desktop.ui.widgets import plain_text

    queued, gone = QLabel(), QLabel()
    qtbot.addWidget(queued)
    plain_text._pending.extend([queued, gone])  # as make_plain does while the Qt namespace is not built
    gone.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(gone), timeout=2000)
    assert queued.textFormat() is Qt.TextFormat.AutoText
    plain_text.apply_pending()
    assert queued.textFormat() is Qt.TextFormat.PlainText and plain_text._pending == []
