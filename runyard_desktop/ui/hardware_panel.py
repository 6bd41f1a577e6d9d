"""The *This machine* page: CPU, memory, each GPU with its VRAM, disk for models, and probe notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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

from runyard_desktop.core.formatting import human_bytes, percent
from runyard_desktop.core.hardware import GpuInfo, HardwareProfile

_INFERENCE_FLAGS = ("avx", "avx2", "avx512f", "fma", "f16c", "neon")


def _label(text: str = "", *, role: str | None = None, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _usage_bar(used: int, total: int) -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 1000)
    bar.setValue(int(10 * percent(used, total)))
    bar.setTextVisible(False)
    bar.setFixedHeight(10)
    return bar


class _Card(QFrame):
    """A titled box with a grid of rows."""

    def __init__(self, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 14)
        self._layout.setSpacing(6)
        heading = _label(title, role="cardTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        heading.setFont(font)
        self._layout.addWidget(heading)
        if subtitle:
            self._layout.addWidget(_label(subtitle, role="muted", wrap=True))

    def add(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)

    def add_row(self, name: str, value: str) -> None:
        row = QHBoxLayout()
        row.addWidget(_label(name, role="muted"))
        row.addStretch(1)
        value_label = _label(value)
        value_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        row.addWidget(value_label)
        self._layout.addLayout(row)


class HardwarePanel(QWidget):
    """Shows a HardwareProfile; paints "Detecting…" until the first one arrives.

    Signals:
        refresh_requested(): the user asked to detect again.
    """

    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hardwarePanel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 12)

        header = QHBoxLayout()
        title = _label("This machine", role="pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        header.addWidget(title)
        header.addStretch(1)
        self.status_label = _label("Detecting…", role="muted")
        self.status_label.setObjectName("hardwareStatus")
        header.addWidget(self.status_label)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.setObjectName("refreshHardwareButton")
        self.refresh_button.clicked.connect(self.refresh_requested)
        header.addWidget(self.refresh_button)
        outer.addLayout(header)

        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self._scroll, 1)
        self._show_placeholder("Detecting your CPU, memory, GPUs and disk…")
        self.profile: HardwareProfile | None = None

    def _show_placeholder(self, text: str) -> None:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        label = _label(text, role="muted", wrap=True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addStretch(2)
        self._scroll.setWidget(holder)

    def set_detecting(self, detecting: bool) -> None:
        self.refresh_button.setEnabled(not detecting)
        if detecting:
            self.status_label.setText("Detecting…")
        elif self.profile is not None and self.profile.detect_seconds is not None:
            self.status_label.setText(f"Detected in {self.profile.detect_seconds * 1000:.0f} ms")

    def show_error(self, message: str) -> None:
        self.status_label.setText("Detection failed")
        if self.profile is None:
            self._show_placeholder(message)

    def set_profile(self, profile: HardwareProfile) -> None:
        self.profile = profile
        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 8, 0, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        cards: list[QWidget] = [self._cpu_card(profile), self._ram_card(profile)]
        cards += [self._gpu_card(g) for g in profile.gpus] or [self._no_gpu_card()]
        if profile.disk is not None:
            cards.append(self._disk_card(profile))
        for i, card in enumerate(cards):
            grid.addWidget(card, i // 2, i % 2)
        row = (len(cards) + 1) // 2
        if profile.notes:
            grid.addWidget(self._notes_card(profile.notes), row, 0, 1, 2)
            row += 1
        grid.setRowStretch(row, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._scroll.setWidget(content)
        self.set_detecting(False)

    def _cpu_card(self, p: HardwareProfile) -> QWidget:
        card = _Card("Processor", p.cpu.name)
        card.add_row("Cores / threads", f"{p.cpu.physical_cores} / {p.cpu.logical_cores}")
        flags = [f.upper().replace("AVX512F", "AVX-512") for f in _INFERENCE_FLAGS if f in p.cpu.flags]
        card.add_row("Inference instructions", ", ".join(flags) or "none detected")
        card.add_row("System", f"{p.os.capitalize()} · {p.arch}")
        return card

    def _ram_card(self, p: HardwareProfile) -> QWidget:
        card = _Card("Memory (RAM)")
        used = p.ram.total_bytes - p.ram.available_bytes
        card.add(_usage_bar(used, p.ram.total_bytes))
        card.add_row("Available", f"{human_bytes(p.ram.available_bytes)} of {human_bytes(p.ram.total_bytes)}")
        return card

    def _gpu_card(self, gpu: GpuInfo) -> QWidget:
        kind = "Unified memory" if gpu.unified_memory else ("Integrated (counts as CPU)" if gpu.integrated else "")
        card = _Card(gpu.name, " · ".join(x for x in (gpu.vendor.upper(), kind) if x))
        if gpu.vram_total_bytes:
            card.add(_usage_bar(gpu.vram_total_bytes - gpu.vram_free_bytes, gpu.vram_total_bytes))
            label = "GPU-usable memory free" if gpu.unified_memory else "VRAM free"
            card.add_row(label, f"{human_bytes(gpu.vram_free_bytes)} of {human_bytes(gpu.vram_total_bytes)}")
        if gpu.memory_bandwidth_gbps:
            card.add_row("Memory bandwidth", f"{gpu.memory_bandwidth_gbps:.0f} GB/s")
        if gpu.driver:
            cuda = f" · CUDA {gpu.cuda_driver_version}" if gpu.cuda_driver_version else ""
            card.add_row("Driver", f"{gpu.driver}{cuda}")
        if gpu.compute_capability:
            card.add_row("Compute capability", gpu.compute_capability)
        return card

    def _no_gpu_card(self) -> QWidget:
        card = _Card("No dedicated GPU found")
        card.add(_label("Models run on the CPU with system memory: slower, but they work.", role="muted", wrap=True))
        return card

    def _disk_card(self, p: HardwareProfile) -> QWidget:
        assert p.disk is not None
        card = _Card("Disk for models", p.disk.models_dir)
        card.add_row("Free", human_bytes(p.disk.free_bytes))
        return card

    def _notes_card(self, notes: tuple[str, ...]) -> QWidget:
        card = _Card("Notes")
        for note in notes:
            card.add(_label(f"• {note}", wrap=True))
        return card
