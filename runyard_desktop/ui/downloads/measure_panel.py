"""The measured-vs-estimated card: what a short real run showed beside what the fit engine expected.

Shows "Measured: 100 % GPU, 41 tok/s" over "Estimated: runs on GPU, 35–60 tok/s", then one plain
sentence per disagreement. It renders a `core.measure.Comparison`; it never measures or decides.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from runyard_desktop.core.fit.measured import Comparison, Measurement
from runyard_desktop.ui.models.catalogue_delegates import ERROR_COLOUR, INSTALLED_COLOUR
from runyard_desktop.ui.theme import CARD_MARGINS, SMALL_SCALE, SPACE_XS, scaled, section_font, spaced
from runyard_desktop.ui.widgets.plain_text import plain_label

WARN_COLOUR = "#b36b00"


class MeasureCard(QFrame):
    """One model's measured check.

    Signals:
        measure_requested(str): "Measure again" was pressed for the shown tag.
    """

    measure_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._tag: str | None = None
        self.title = plain_label("Measured check")
        self.title.setObjectName("measureTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.measured = plain_label()
        self.measured.setObjectName("measuredLabel")
        self.measured.setFont(section_font(self.measured.font()))
        self.estimated = plain_label()
        self.estimated.setObjectName("estimatedLabel")
        self.verdict = plain_label()
        self.verdict.setObjectName("measureVerdict")
        self.verdict.setWordWrap(True)
        self.notes = plain_label()
        self.notes.setObjectName("measureNotes")
        self.notes.setWordWrap(True)
        self.notes.setFont(scaled(self.notes.font(), SMALL_SCALE))
        self.again = QPushButton("Measure again")
        self.again.setObjectName("measureAgainButton")
        self.again.clicked.connect(self._on_again_clicked)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.again)
        layout = QVBoxLayout(self)
        spaced(layout, CARD_MARGINS, SPACE_XS)
        layout.addLayout(head)
        layout.addWidget(self.measured)
        layout.addWidget(self.estimated)
        layout.addWidget(self.verdict)
        layout.addWidget(self.notes)
        layout.addStretch(1)
        self.show_empty()

    @property
    def tag(self) -> str | None:
        return self._tag

    def show_empty(self) -> None:
        self._tag = None
        self.title.setText("Measured check")
        self.measured.setText("No measurement yet")
        self.estimated.setText("")
        self.verdict.setText(
            "After a download, Runyard loads the model once, runs a short prompt and "
            "shows how fast it really runs here next to the estimate."
        )
        self._colour(self.verdict, None)
        self.notes.setText("")
        self.again.setVisible(False)

    def show_measuring(self, tag: str) -> None:
        self._tag = tag
        self.title.setText(f"Measured check · {tag}")
        self.measured.setText("Measuring…")
        self.estimated.setText("")
        self.verdict.setText(
            f"Loading {tag} and running one short prompt. This takes a few seconds, longer the first time."
        )
        self._colour(self.verdict, None)
        self.notes.setText("")
        self.again.setVisible(False)

    def show_failed(self, tag: str, message: str) -> None:
        self._tag = tag
        self.title.setText(f"Measured check · {tag}")
        self.measured.setText("Could not measure")
        self.estimated.setText("")
        self.verdict.setText(message)
        self._colour(self.verdict, ERROR_COLOUR.name())
        self.notes.setText("")
        self.again.setVisible(True)
        self.again.setEnabled(True)

    def show_comparison(self, measurement: Measurement, comparison: Comparison, *, what_if: bool = False) -> None:
        self._tag = measurement.tag
        ctx = measurement.loaded_context or measurement.context
        ctx_text = f" · {ctx // 1024}K context" if ctx else ""
        self.title.setText(f"Measured check · {measurement.tag}{ctx_text}")
        self.measured.setText(comparison.measured_text)
        self.estimated.setText(
            comparison.estimated_text if not what_if else "Estimated: — (the Models page shows a what-if machine)"
        )
        head, *rest = comparison.notes
        self.verdict.setText(("✓ " if comparison.agrees else "⚠ ") + head)
        self._colour(self.verdict, INSTALLED_COLOUR.name() if comparison.agrees else WARN_COLOUR)
        self.notes.setText("\n".join(rest))
        self.notes.setVisible(bool(rest))
        self.again.setVisible(True)
        self.again.setEnabled(True)

    def _colour(self, label: QLabel, colour: str | None) -> None:
        palette = label.palette()
        if colour is None:
            palette = self.palette()
        else:
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        label.setPalette(palette)

    @Slot()
    def _on_again_clicked(self) -> None:
        if self._tag:
            self.again.setEnabled(False)
            self.measure_requested.emit(self._tag)
