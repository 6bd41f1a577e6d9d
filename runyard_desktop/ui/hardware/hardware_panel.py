"""The *This machine* page: a one-line verdict, then cards for the CPU, memory, each GPU, disk and notes.

Widgets only: it renders a `HardwareProfile` and forwards Refresh. Colours come from the palette
(light and dark themes both work); the few tints (bars, badges, the notes box) are blended from it.
It is the page the window first paints, so what it shows before a profile arrives avoids `QtCore.Qt`
(whose first use builds 93 Python enums, ≈40 ms) and `core.hardware`; both load with the first profile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from runyard_desktop.core.formatting import human_bytes, human_gib, percent
from runyard_desktop.ui.theme import (
    CARD_MARGINS,
    SECTION_SCALE,
    SPACE_L,
    SPACE_S,
    SPACE_XS,
    TITLE_SCALE,
    page_layout,
    spaced,
)
from runyard_desktop.ui.widgets.colors import blend
from runyard_desktop.ui.widgets.plain_text import plain_label

if TYPE_CHECKING:  # core.hardware is imported with the first profile, after the first paint
    from runyard_desktop.core.hardware.profile import GpuInfo, HardwareProfile

_FLAG_NAMES = {
    "avx512f": "AVX-512",
    "avx512_vnni": "AVX-512 VNNI",
    "avx512_bf16": "AVX-512 BF16",
    "neon": "NEON",
    "dotprod": "DotProd",
    "i8mm": "I8MM",
    "sve": "SVE",
}
_VENDOR_NAMES = {"nvidia": "NVIDIA", "amd": "AMD", "apple": "Apple", "intel": "Intel", "qualcomm": "Qualcomm"}
_HIGH_USE = 90.0  # percent: bars turn amber above this


def _mix(a: QColor, b: QColor, t: float) -> str:
    """ui.colors.blend as a stylesheet colour."""
    return blend(a, b, t).name()


def _stylesheet(palette: QPalette) -> str:
    role = QPalette.ColorRole
    base, text, window = palette.color(role.Base), palette.color(role.Text), palette.color(role.Window)
    accent = palette.color(role.Highlight)
    amber = QColor("#d08a00")
    return f"""
    QFrame#card {{ background: {base.name()}; border: 1px solid {_mix(window, text, 0.16)}; border-radius: 10px; }}
    QFrame#notesCard {{ background: {_mix(base, amber, 0.10)}; border: 1px solid {_mix(base, amber, 0.45)};
                        border-radius: 10px; }}
    QFrame#summaryBanner {{ background: {_mix(base, accent, 0.10)}; border: 1px solid {_mix(base, accent, 0.35)};
                            border-radius: 10px; }}
    QFrame#card QLabel, QFrame#notesCard QLabel, QFrame#summaryBanner QLabel {{
        background: transparent; border: none; }}
    QLabel[role="muted"] {{ color: {_mix(base, text, 0.62)}; }}
    QLabel#hardwarePlaceholder {{ qproperty-alignment: AlignCenter; }}
    QFrame#card QLabel[role="badge"] {{ background: {_mix(base, accent, 0.14)}; color: {_mix(accent, text, 0.45)};
                            border-radius: 8px; padding: 2px 8px; }}
    QProgressBar {{ background: {_mix(base, text, 0.10)}; border: none; border-radius: 4px; }}
    QProgressBar::chunk {{ background: {accent.name()}; border-radius: 4px; }}
    QProgressBar[level="high"]::chunk {{ background: {amber.name()}; }}
    """


def _label(
    text: str = "",
    *,
    role: str | None = None,
    wrap: bool = False,
    scale: float = 1.0,
    bold: bool = False,
    selectable: bool = True,
) -> QLabel:
    label = plain_label(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    if selectable:  # figures and names can be copied; headings and status text need not be
        label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    if scale != 1.0 or bold:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


def _usage_bar(used: int, total: int) -> QProgressBar:
    share = percent(used, total)
    bar = QProgressBar()
    bar.setRange(0, 1000)
    bar.setValue(int(10 * share))
    bar.setTextVisible(False)
    bar.setFixedHeight(8)
    bar.setProperty("level", "high" if share >= _HIGH_USE else "ok")
    bar.setAccessibleName(f"{share:.0f} % used")
    return bar


class _Card(QFrame):
    """A rounded box: a bold title, an optional muted subtitle, then rows of name/value pairs."""

    def __init__(self, title: str, subtitle: str = "", *, object_name: str = "card") -> None:
        super().__init__()
        self.setObjectName(object_name)
        self._layout = QVBoxLayout(self)
        # Cards in one row share a height; the content sits on top.
        self._layout.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
        spaced(self._layout, CARD_MARGINS, SPACE_S)
        self.header = QHBoxLayout()
        self.header.setSpacing(SPACE_S)
        self.header.addWidget(_label(title, role="cardTitle", wrap=True, scale=SECTION_SCALE, bold=True), 1)
        self._layout.addLayout(self.header)
        if subtitle:
            self._layout.addWidget(_label(subtitle, role="muted", wrap=True))
        self._rows: QGridLayout | None = None

    def add_badge(self, text: str) -> None:
        self.header.addWidget(_label(text, role="badge"), 0, QtCore.Qt.AlignmentFlag.AlignTop)

    def add(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)
        self._rows = None  # rows added after a widget start a new grid below it

    def add_row(self, name: str, value: str) -> None:
        if self._rows is None:
            self._rows = QGridLayout()
            self._rows.setHorizontalSpacing(16)
            self._rows.setVerticalSpacing(6)
            self._rows.setColumnStretch(1, 1)
            self._layout.addLayout(self._rows)
        row = self._rows.rowCount()
        align = QtCore.Qt.AlignmentFlag
        self._rows.addWidget(_label(name, role="muted"), row, 0, align.AlignLeft | align.AlignTop)
        value_label = _label(value, wrap=True)
        value_label.setAlignment(align.AlignRight | align.AlignTop)
        self._rows.addWidget(value_label, row, 1)

    def add_meter(self, headline: str, used: int, total: int, caption: str) -> None:
        """A big "X free" figure, a usage bar, and a muted caption under it."""
        self.add(_label(headline, scale=TITLE_SCALE, bold=True))
        self.add(_usage_bar(used, total))
        self.add(_label(caption, role="muted", wrap=True))


class HardwarePanel(QWidget):
    """Shows a HardwareProfile; paints "Detecting…" until the first one arrives.

    Signals:
        refresh_requested(): the user asked to detect again.
    """

    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hardwarePanel")
        self.setStyleSheet(_stylesheet(QGuiApplication.palette()))
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.paletteChanged.connect(self._on_app_palette_changed)
        outer = QVBoxLayout(self)
        page_layout(outer)

        header = QHBoxLayout()
        title = _label("This machine", role="pageTitle", scale=TITLE_SCALE, bold=True, selectable=False)
        title.setObjectName("pageTitle")
        header.addWidget(title)
        header.addStretch(1)
        self.status_label = _label("Detecting…", role="muted", selectable=False)
        self.status_label.setObjectName("hardwareStatus")
        header.addWidget(self.status_label)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.setObjectName("refreshHardwareButton")
        # "(F5)" is added after the first paint (ui/window_actions.py): key names build `QtCore.Qt`'s enums.
        self.refresh_button.setToolTip("Detect the hardware again (after plugging in a GPU or installing a driver)")
        self.refresh_button.clicked.connect(self.refresh_requested)
        header.addWidget(self.refresh_button)
        outer.addLayout(header)

        self._scroll = QScrollArea()
        self._scroll.setObjectName("hardwareScroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self._scroll, 1)
        self._show_placeholder("Detecting your CPU, memory, GPUs and disk…")
        self.profile: HardwareProfile | None = None

    def _show_placeholder(self, text: str) -> None:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        spaced(layout, CARD_MARGINS, SPACE_S)
        label = _label(text, role="muted", wrap=True, scale=SECTION_SCALE, selectable=False)
        label.setObjectName("hardwarePlaceholder")  # centred by the stylesheet
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addStretch(2)
        self._scroll.setWidget(holder)

    def _on_app_palette_changed(self, palette: QPalette) -> None:
        """Settings → Theme while the app runs: the cards' colours follow. Qt sends no PaletteChange to a
        widget with a style sheet of its own, so this listens to the application instead."""
        sheet = _stylesheet(palette)
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)

    def set_detecting(self, detecting: bool) -> None:
        self.refresh_button.setEnabled(not detecting)
        if detecting:
            self.status_label.setText("Detecting…")
        elif self.profile is not None and self.profile.detect_seconds is not None:
            self.status_label.setText(f"Detected in {self.profile.detect_seconds * 1000:.0f} ms")
        else:  # ended without a timing (a profile given whole): "Detecting…" would stay for ever
            self.status_label.setText("Detected" if self.profile is not None else "")

    def show_error(self, message: str) -> None:
        self.status_label.setText("Detection failed")
        if self.profile is None:
            self._show_placeholder(message)

    def set_profile(self, profile: HardwareProfile) -> None:
        self.profile = profile
        content = QWidget()
        column = QVBoxLayout(content)
        spaced(column, (0, SPACE_XS, SPACE_XS, SPACE_S), SPACE_L)
        column.addWidget(self._summary_banner(profile))
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE_L)
        grid.setVerticalSpacing(SPACE_L)
        cards: list[QWidget] = [self._cpu_card(profile), self._ram_card(profile)]
        cards += [self._gpu_card(g, profile) for g in profile.gpus] or [self._no_gpu_card()]
        if profile.disk is not None:
            cards.append(self._disk_card(profile))
        for i, card in enumerate(cards):
            grid.addWidget(card, i // 2, i % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        if profile.notes:
            column.addWidget(self._notes_card(profile.notes))
        column.addStretch(1)
        self._scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # cards wrap instead
        self._scroll.setWidget(content)
        self.set_detecting(False)

    def _summary_banner(self, p: HardwareProfile) -> QWidget:
        from runyard_desktop.core.hardware.profile import inference_summary

        banner = QFrame()
        banner.setObjectName("summaryBanner")
        layout = QVBoxLayout(banner)
        spaced(layout, CARD_MARGINS, SPACE_S)
        label = _label(inference_summary(p), wrap=True)
        label.setObjectName("hardwareSummary")
        layout.addWidget(label)
        return banner

    def _cpu_card(self, p: HardwareProfile) -> QWidget:
        card = _Card("Processor", p.cpu.name)
        card.add_row("Cores / threads", f"{p.cpu.physical_cores} / {p.cpu.logical_cores}")
        card.add_row("Clock", cpu_clock_text(p))
        flags = [_FLAG_NAMES.get(f, f.upper()) for f in p.cpu.flags]
        card.add_row("Fast-math instructions", ", ".join(flags) or "none detected (slow CPU inference)")
        card.add_row("System", f"{_os_display(p.os)} · {p.arch}")
        return card

    def _ram_card(self, p: HardwareProfile) -> QWidget:
        card = _Card("Memory (RAM)")
        used = p.ram.total_bytes - p.ram.available_bytes
        card.add_meter(
            f"{human_gib(p.ram.available_bytes)} free",
            used,
            p.ram.total_bytes,
            f"{human_gib(used)} in use of {human_gib(p.ram.total_bytes)}",
        )
        card.add_row("Bandwidth", ram_bandwidth_text(p))
        return card

    def _gpu_card(self, gpu: GpuInfo, profile: HardwareProfile) -> QWidget:
        if gpu.unified_memory:
            kind = "Unified memory, shared with the CPU"
        elif gpu.integrated and gpu.usable_for_inference:
            kind = (
                f"Integrated, with {human_gib(gpu.vram_total_bytes)} of system memory set aside for it: Ollama uses it"
            )
        elif gpu.integrated:
            kind = "Integrated: shares system memory, so models run on the CPU"
        else:
            kind = "Dedicated GPU"
        card = _Card(gpu.name, kind)
        card.add_badge(_VENDOR_NAMES.get(gpu.vendor, gpu.vendor.capitalize()))
        if gpu.vram_total_bytes and gpu.usable_for_inference:
            memory = "GPU-usable memory" if gpu.unified_memory or gpu.integrated else "VRAM"
            used = gpu.vram_total_bytes - gpu.vram_free_bytes
            card.add_meter(
                f"{human_gib(gpu.vram_free_bytes)} free",
                used,
                gpu.vram_total_bytes,
                f"{memory}: {human_gib(used)} in use of {human_gib(gpu.vram_total_bytes)}",
            )
        if gpu.usable_for_inference:
            card.add_row("Memory bandwidth", gpu_bandwidth_text(gpu, profile))
        if gpu.driver:
            cuda = f" · CUDA {gpu.cuda_driver_version}" if gpu.cuda_driver_version else ""
            card.add_row("Driver", f"{gpu.driver}{cuda}")
        if gpu.compute_capability:
            card.add_row("Compute capability", gpu.compute_capability)
        return card

    def _no_gpu_card(self) -> QWidget:
        card = _Card("No GPU found")
        card.add(
            _label(
                "Models run on the CPU with system memory: slower, but small and mid-size models work well.",
                role="muted",
                wrap=True,
            )
        )
        return card

    def _disk_card(self, p: HardwareProfile) -> QWidget:
        assert p.disk is not None
        card = _Card("Disk for models")
        card.add(_label(f"{human_bytes(p.disk.free_bytes)} free", scale=TITLE_SCALE, bold=True))
        card.add_row("Ollama's models folder", p.disk.models_dir)
        return card

    def _notes_card(self, notes: tuple[str, ...]) -> QWidget:
        card = _Card("Notes", object_name="notesCard")
        for note in notes:
            card.add(_label(f"• {note}", wrap=True))
        return card


def _os_display(name: str) -> str:
    return {"darwin": "macOS", "windows": "Windows", "linux": "Linux"}.get(name, name.capitalize())


def ram_bandwidth_text(p: HardwareProfile) -> str:
    """The RAM bandwidth the speed estimates use, and where it comes from (core/hardware/bandwidth.py)."""
    # imported when a profile arrives, after the first paint (it loads core/hardware/profile.py)
    from runyard_desktop.core.hardware.bandwidth import cpu_bandwidth

    bw = cpu_bandwidth(p)
    if bw.source == "probe":
        kind = f"{p.ram.memory_type} at " if p.ram.memory_type else ""
        channels = f"{p.ram.channels} channels" if p.ram.channels else "2 channels assumed"
        return f"{bw.gbps:.0f} GB/s ({kind}{p.ram.speed_mts:,} MT/s, {channels})"
    if bw.source == "table":
        return f"{bw.gbps:.0f} GB/s (published spec)"
    return f"about {bw.gbps:.0f} GB/s (speed not reported)"


def cpu_clock_text(p: HardwareProfile) -> str:
    """The clock the CPU speed estimates use, and what it is (core/fit/speed.py `cpu_clock`)."""
    from runyard_desktop.core.fit.speed import cpu_clock

    ghz, source = cpu_clock(p)
    if source == "rated":
        return f"{ghz:.1f} GHz (rated: Windows does not report the boost clock, so CPU speed estimates may be low)"
    if source == "assumed":
        return f"not reported ({ghz:.0f} GHz assumed)"
    return f"up to {ghz:.1f} GHz"


def gpu_bandwidth_text(gpu: GpuInfo, profile: HardwareProfile) -> str:
    """The GPU bandwidth the speed estimates use, and where it comes from."""
    from runyard_desktop.core.hardware.bandwidth import gpu_bandwidth, reads_system_ram

    bw = gpu_bandwidth(gpu, profile)
    if reads_system_ram(gpu):
        return f"{'' if bw.source == 'probe' else 'about '}{bw.gbps:.0f} GB/s (reads the system RAM)"
    if bw.source == "probe":
        return f"{bw.gbps:.0f} GB/s"
    if bw.source == "table":
        return f"{bw.gbps:.0f} GB/s (published spec)"
    return f"about {bw.gbps:.0f} GB/s (card not in the table)"
