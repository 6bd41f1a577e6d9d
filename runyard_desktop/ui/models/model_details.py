"""Details of the selected model: verdict badge, the plain reason, the memory breakdown bar, and
the facts behind the estimate (context, speed, download vs disk, parameters, capabilities).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from runyard_desktop.core.downloads.row_status import RowStatus
from runyard_desktop.core.fit.calibration import CalibratedSpeed, calibrated_text
from runyard_desktop.core.fit.catalogue import Catalogue, ModelTag
from runyard_desktop.core.fit.engine import FitReport
from runyard_desktop.core.fit.measured import beside_estimate_text
from runyard_desktop.core.fit.report import verdict_label
from runyard_desktop.core.fit.text import context_phrase, range_reliability_text, speed_phrase
from runyard_desktop.core.formatting import human_bytes
from runyard_desktop.ui.models.breakdown_bar import BreakdownBar
from runyard_desktop.ui.models.catalogue_delegates import verdict_colour
from runyard_desktop.ui.theme import CARD_MARGINS, SECTION_SCALE, SPACE_XS, scaled, spaced
from runyard_desktop.ui.widgets.plain_text import escaped_html, plain_label


def _label(wrap: bool = True) -> QLabel:
    label = plain_label()
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ModelDetails(QFrame):
    """Read-only panel for one FitReport.

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelDetails")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        spaced(layout, CARD_MARGINS, SPACE_XS)
        self.title = _label()
        self.title.setFont(scaled(self.title.font(), SECTION_SCALE, bold=True))
        layout.addWidget(self.title)
        self.badge = plain_label()
        self.badge.setObjectName("verdictBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        self.reason = _label()
        self.reason.setObjectName("fitReason")
        layout.addWidget(self.reason)
        self.bar = BreakdownBar()
        layout.addWidget(self.bar)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(3)
        self.context = _label()
        self.max_gpu_context = _label()
        self.max_gpu_context.setObjectName("maxGpuContext")
        self.speed = _label()
        self.speed.setObjectName("speedText")
        self.speed.setToolTip(range_reliability_text())
        self.download = _label()
        self.about = _label()
        for name, widget in (
            ("Context", self.context),
            ("Fully on GPU", self.max_gpu_context),
            ("Speed", self.speed),
            ("Download", self.download),
            ("Model", self.about),
        ):
            form.addRow(name, widget)
        layout.addLayout(form)
        self.recommendation = _label()
        self.recommendation.setObjectName("recommendationText")
        self.recommendation.setTextFormat(Qt.TextFormat.RichText)  # the app's own bold; the text is escaped
        layout.addWidget(self.recommendation)
        self._report: FitReport | None = None  # the report shown, None while the panel is empty
        self._calibrated: CalibratedSpeed | None = None  # its speed re-centred on this machine's checks
        self.show_report(None, None, None)

    def show_report(
        self,
        report: FitReport | None,
        entry: ModelTag | None,
        catalogue: Catalogue | None,
        *,
        unified: bool = False,
        status: RowStatus | None = None,
        calibrated: CalibratedSpeed | None = None,
    ) -> None:
        self.bar.set_report(report, unified=unified)
        self._report = report if entry is not None else None
        self._calibrated = calibrated
        if report is None or entry is None:
            self.title.setText("No model selected" if catalogue is not None else "Waiting for the hardware profile…")
            self.badge.hide()
            labels = (self.reason, self.context, self.max_gpu_context, self.speed, self.download, self.about)
            for w in (*labels, self.recommendation):
                w.setText("")
            return
        star = "  ★ Recommended" if report.recommended else ""
        self.title.setText(f"{entry.tag}{star}")
        colour = verdict_colour(report.verdict.value).name()
        self.badge.setText(
            verdict_label(report) + (f" · {report.placement}" if report.placement == "experts on CPU" else "")
        )
        self.badge.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; border-radius: 9px; padding: 3px 10px; font-weight: bold; }}"
        )
        self.badge.show()
        self.reason.setText(report.reason)
        self.context.setText(
            f"{context_phrase(report.context, report.context_is_default)}, KV cache {report.kv_cache_type}"
        )
        self.max_gpu_context.setText(max_gpu_context_text(report))
        self.set_status(status)
        disk = (
            "disk space unknown"
            if report.disk_free_bytes is None
            else f"{human_bytes(report.disk_free_bytes)} free" + ("" if report.disk_ok else " — not enough")
        )
        unconfirmed = " (size unconfirmed)" if "download_bytes" in entry.unconfirmed else ""
        self.download.setText(f"{human_bytes(entry.download_bytes)}{unconfirmed} · {disk}")
        size = entry.size
        active = f" ({size.active_params / 1e9:.1f} B active, MoE)" if size.is_moe else ""
        self.about.setText(
            f"{size.total_params / 1e9:.2f} B parameters{active}, {entry.quant} · "
            f"{', '.join(entry.capabilities)} · {entry.license} · Ollama ≥ {entry.min_ollama} · "
            f"native context {entry.native_context // 1024}K"
        )
        self.recommendation.setText(
            f"<b>Recommended:</b> {escaped_html(report.recommendation)}" if report.recommended else ""
        )

    def set_status(self, status: RowStatus | None) -> None:
        """Update only what depends on the row status (the measured speed); the rest stays as shown."""
        if self._report is None:
            return
        measured = ""
        if status is not None and status.measurement is not None:
            measured = f" — {beside_estimate_text(status.measurement)}"
        elif status is not None and status.measured:
            measured = f" — {status.measured}"
        self.speed.setText(speed_text(self._report, self._calibrated) + measured)


def speed_text(report: FitReport, calibrated: CalibratedSpeed | None = None) -> str:
    """ "9–18 tok/s (estimate) · …", or the range re-centred on this machine's measured checks with the plain
    estimate beside it."""
    if calibrated is None:
        return f"{speed_phrase(report.tokens_per_second)} (estimate){full_context_text(report)}"
    return (
        f"{speed_phrase(calibrated.tokens_per_second)} ({calibrated_text(calibrated)}; "
        f"the estimate alone: {speed_phrase(report.tokens_per_second)})"
        f"{full_context_text(report, calibrated.tokens_per_second, calibrated.tokens_per_second_full_context)}"
    )


def full_context_text(
    report: FitReport,
    start: tuple[float, float] | None = None,
    full: tuple[float, float] | None = None,
) -> str:
    """ " · 21–40 tok/s with all 256K in use" when a full context window is noticeably slower than a chat's start
    (`start`/`full`: ranges to use instead of the report's, e.g. re-centred ones)."""
    start = start or report.tokens_per_second
    full = full or report.tokens_per_second_full_context
    if not start or not full or full[1] > 0.9 * start[1]:
        return ""
    return f" · {speed_phrase(full)} with all {report.context // 1024}K in use"


def max_gpu_context_text(report: FitReport) -> str:
    """ "up to 96K tokens with KV f16 · 160K with q8_0", or why there is no such context."""
    by_kv = report.max_gpu_context_by_kv
    if not by_kv:
        return ""
    parts = [f"{ctx:,} tokens with KV {kv}" if ctx else f"not with KV {kv}" for kv, ctx in by_kv.items()]
    if not any(by_kv.values()):
        return "Not at any context on this machine: the model needs more GPU memory than is free."
    return "up to " + " · ".join(parts)
