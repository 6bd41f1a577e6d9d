"""The what-if hardware editor: pick a preset machine or type GPU/RAM numbers, and the Models view
re-evaluates for that machine instead of this one (the web calculator's job, on the desktop).
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QWidget,
)

from runyard_desktop.core.formatting import GIB
from runyard_desktop.core.hardware.bandwidth import gpu_bandwidth
from runyard_desktop.core.hardware.presets import MACHINES, build_profile
from runyard_desktop.core.hardware.profile import GpuInfo, HardwareProfile
from runyard_desktop.ui.theme import PANEL_MARGINS, SPACE_S, spaced

THIS_MACHINE = "This machine (detected)"
CUSTOM = "Custom (typed numbers)"


class WhatIfEditor(QGroupBox):
    """Preset list + typed numbers.

    Signals:
        profile_changed(object): the HardwareProfile to evaluate, or None for this machine.
    """

    profile_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("What if… (another machine)", parent)
        self.setObjectName("whatIfEditor")
        self._updating = False
        self._this_machine: HardwareProfile | None = None
        form = QFormLayout(self)
        spaced(form, PANEL_MARGINS, SPACE_S)
        self.preset = QComboBox()
        self.preset.setObjectName("whatIfPreset")
        self.preset.addItems([THIS_MACHINE, *MACHINES, CUSTOM])
        form.addRow("Machine", self.preset)
        self.gpu_memory = self._spin(0, 512, " GiB", "GPU memory free (0 = no GPU)")
        self.gpu_count = QSpinBox()
        self.gpu_count.setRange(1, 8)
        self.gpu_count.setSuffix(" GPU(s)")
        self.bandwidth = QSpinBox()
        self.bandwidth.setRange(0, 10_000)
        self.bandwidth.setSuffix(" GB/s")
        self.bandwidth.setSpecialValueText("unknown")
        self.unified = QCheckBox("Unified memory (Apple Silicon)")
        self.carve_out = QCheckBox("Carved out of RAM (Windows integrated GPU)")
        self.carve_out.setObjectName("whatIfCarveOut")
        self.carve_out.setToolTip(
            "GPU memory set aside from RAM (AMD's dedicated graphics memory on Windows): "
            "RAM total is then what Windows has left, e.g. 31.6 GiB of 128 GB with 96 GB set aside."
        )
        self.ram_total = self._spin(1, 2048, " GiB", "Total RAM")
        self.ram_available = self._spin(0.5, 2048, " GiB", "RAM available")
        for widget, name in (  # the Models page's tab order is checked by these names (tests/ui)
            (self.gpu_memory, "whatIfGpuMemory"),
            (self.gpu_count, "whatIfGpuCount"),
            (self.bandwidth, "whatIfBandwidth"),
            (self.unified, "whatIfUnified"),
            (self.ram_total, "whatIfRamTotal"),
            (self.ram_available, "whatIfRamAvailable"),
        ):
            widget.setObjectName(name)
        form.addRow("GPU memory free", self.gpu_memory)
        form.addRow("GPUs", self.gpu_count)
        form.addRow("GPU bandwidth", self.bandwidth)
        form.addRow("", self.unified)
        form.addRow("", self.carve_out)
        form.addRow("RAM total", self.ram_total)
        form.addRow("RAM available", self.ram_available)
        self.preset.currentTextChanged.connect(self._on_preset_current_text_changed)
        for spin in (self.gpu_memory, self.ram_total, self.ram_available):
            spin.valueChanged.connect(self._on_field_changed)
        self.gpu_count.valueChanged.connect(self._on_field_changed)
        self.bandwidth.valueChanged.connect(self._on_field_changed)
        self.unified.toggled.connect(self._on_field_changed)
        self.carve_out.toggled.connect(self._on_field_changed)
        self._fill(MACHINES["RTX 4060 8 GB + 16 GB RAM"])  # sensible numbers to start typing from

    @staticmethod
    def _spin(low: float, high: float, suffix: str, tip: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSingleStep(1.0)
        spin.setSuffix(suffix)
        spin.setToolTip(tip)
        spin.setAccessibleName(tip)
        return spin

    def show_this_machine(self, profile: HardwareProfile) -> None:
        """Show the detected machine's numbers while "This machine" is selected (a start for typing)."""
        self._this_machine = profile
        if self.preset.currentText() == THIS_MACHINE:
            self._fill(profile)

    def choose(self, name: str) -> None:
        """Select a preset by name (THIS_MACHINE, a MACHINES key, or CUSTOM)."""
        self.preset.setCurrentText(name)

    def current_profile(self) -> HardwareProfile | None:
        name = self.preset.currentText()
        if name == THIS_MACHINE:
            return None
        if name in MACHINES:
            return MACHINES[name]
        return self._typed_profile()

    def _typed_profile(self) -> HardwareProfile:
        free = self.gpu_memory.value()
        unified = self.unified.isChecked()
        gpus: tuple[GpuInfo, ...] = ()
        bw = float(self.bandwidth.value()) or None
        if free > 0 and unified:
            gpus = (
                GpuInfo(
                    "apple",
                    "Apple GPU",
                    int(free * GIB),
                    int(free * GIB),
                    unified_memory=True,
                    memory_bandwidth_gbps=bw,
                ),
            )
        elif free > 0:
            carve_out = self.carve_out.isChecked()
            gpus = tuple(
                GpuInfo(
                    "other",
                    "GPU",
                    int((free + 0.5) * GIB),
                    int(free * GIB),
                    index=i,
                    memory_bandwidth_gbps=bw,
                    integrated=carve_out,
                    dedicated_from_ram=carve_out,
                )
                for i in range(self.gpu_count.value())
            )
        return build_profile(
            ram_gib=self.ram_total.value(),
            ram_available_gib=min(self.ram_available.value(), self.ram_total.value()),
            gpus=gpus,
            os="darwin" if unified else "windows" if self.carve_out.isChecked() else "linux",
            arch="arm64" if unified else "x86_64",
            disk_free_gb=None,
        )

    def _fill(self, profile: HardwareProfile) -> None:
        self._updating = True
        gpus = profile.inference_gpus
        self.gpu_memory.setValue(sum(g.vram_free_bytes for g in gpus[:1]) / GIB if gpus else 0)
        self.gpu_count.setValue(max(1, len(gpus)))
        self.bandwidth.setValue(int(gpu_bandwidth(gpus[0], profile).gbps) if gpus else 0)  # probe, table, iGPU: RAM
        self.unified.setChecked(any(g.unified_memory for g in gpus))
        self.carve_out.setChecked(any(g.dedicated_from_ram for g in gpus))
        self.ram_total.setValue(profile.ram.total_bytes / GIB)
        self.ram_available.setValue(profile.ram.available_bytes / GIB)
        self._updating = False

    @Slot(str)
    def _on_preset_current_text_changed(self, name: str) -> None:
        if name in MACHINES:
            self._fill(MACHINES[name])
        elif name == THIS_MACHINE and self._this_machine is not None:
            self._fill(self._this_machine)
        self.profile_changed.emit(self.current_profile())

    @Slot()
    def _on_field_changed(self) -> None:
        if self._updating:
            return
        if self.preset.currentText() != CUSTOM:
            self.preset.blockSignals(True)
            self.preset.setCurrentText(CUSTOM)
            self.preset.blockSignals(False)
        self.profile_changed.emit(self._typed_profile())
