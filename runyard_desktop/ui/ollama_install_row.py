"""The managed install's progress row: what it is doing, bytes, %, speed, ETA, Cancel and Resume, and
the plain message when it failed. Shown in the first-run card while an install runs or can be resumed.

`install_words()` is the wording (plain, testable); the widget renders it and forwards clicks.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from runyard_desktop.core.formatting import human_bytes, human_duration, human_rate
from runyard_desktop.ui.theme import SPACE_S, spaced
from runyard_desktop.ui.widgets.plain_text import plain_label


def install_words(step: object) -> tuple[str, int | None]:
    """(the line, the percentage or None) for one InstallStep."""
    progress = getattr(step, "progress", None)
    text = str(getattr(step, "text", ""))
    if progress is None:
        return text, None
    if progress.total and progress.fraction is not None:
        percent = int(progress.fraction * 100)
        line = (
            f"{text}  {human_bytes(progress.done)} of {human_bytes(progress.total)} ({percent}%)"
            f" · {human_rate(progress.speed_bps)} · {human_duration(progress.eta_s)} left"
        )
        return line, percent
    return f"{text}  {human_bytes(progress.done)}", None


class InstallProgressRow(QWidget):
    """objectName `ollamaInstallRow`; the line `ollamaInstallText`, the bar `ollamaInstallProgress`,
    `ollamaInstallCancel`, `ollamaInstallResume`.

    Signals:
        cancel_requested(), resume_requested().
    """

    cancel_requested = Signal()
    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ollamaInstallRow")
        self.text = plain_label()
        self.text.setObjectName("ollamaInstallText")
        self.text.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("ollamaInstallProgress")
        self.bar.setRange(0, 100)
        self.cancel = QPushButton("Cancel")
        self.cancel.setObjectName("ollamaInstallCancel")
        self.resume = QPushButton("Resume")
        self.resume.setObjectName("ollamaInstallResume")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel)
        row.addWidget(self.resume)
        layout = QVBoxLayout(self)
        spaced(layout, (0, 0, 0, 0), SPACE_S)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.cancel.clicked.connect(self.cancel_requested)
        self.resume.clicked.connect(self.resume_requested)
        self.hide()

    def started(self) -> None:
        self.text.setText("Starting the download…")
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel.show()
        self.resume.hide()
        self.show()

    @Slot(object)
    def show_step(self, step: object) -> None:
        line, percent = install_words(step)
        self.text.setText(line)
        if percent is None:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 100)
            self.bar.setValue(percent)

    def stopped(self, message: str, *, can_resume: bool) -> None:
        """The install ended without success: say why; offer Resume when part of it is kept."""
        self.text.setText(message)
        self.bar.hide()
        self.cancel.hide()
        self.resume.setVisible(can_resume)
        self.show()

    def finished(self, message: str) -> None:
        self.text.setText(message)
        self.bar.hide()
        self.cancel.hide()
        self.resume.hide()
        self.show()
