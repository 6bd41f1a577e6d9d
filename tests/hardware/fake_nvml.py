"""A stand-in for the `pynvml` module, scripted from a fixture: same function and error names.

Only what the NVIDIA probe calls exists, so a new NVML call in the probe fails here loudly. The
error classes mirror nvidia-ml-py's: `NVMLError` with a `value`, and `NVMLError_<Name>` subclasses.
"""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

from tests.hardware import FIXTURES

_CODES = {
    "Uninitialized": 1,
    "NotSupported": 3,
    "NoPermission": 4,
    "DriverNotLoaded": 9,
    "LibraryNotFound": 12,
    "GpuIsLost": 15,
    "LibRmVersionMismatch": 18,
    "Unknown": 999,
}


class NVMLError(Exception):
    def __init__(self, value: int) -> None:
        super().__init__(value)
        self.value = value

    def __str__(self) -> str:
        return f"NVML error {self.value}"


_ERRORS = {name: type(f"NVMLError_{name}", (NVMLError,), {}) for name in _CODES}


class FakeNvml:
    NVML_CLOCK_MEM = 2
    NVMLError: type[Exception] = NVMLError  # as the Nvml protocol declares it (a settable attribute)

    def __init__(self, scenario: dict[str, Any]) -> None:
        self.scenario = scenario
        self.calls: list[str] = []
        self.initialised = False
        self.shutdown_calls = 0
        for name, cls in _ERRORS.items():
            setattr(self, f"NVMLError_{name}", cls)

    @classmethod
    def from_fixture(cls, name: str) -> FakeNvml:
        return cls(json.loads((FIXTURES / name).read_text(encoding="utf-8")))

    def _raise(self, name: str) -> None:
        raise _ERRORS[name](_CODES[name])

    def _device(self, handle: int, call: str) -> dict[str, Any]:
        self.calls.append(call)
        assert self.initialised, f"{call} before nvmlInit"
        device = self.scenario["devices"][handle]
        error = device.get("errors", {}).get(call)
        if error:
            self._raise(error)
        return device

    def _name(self, text: str) -> str | bytes:
        return text.encode() if self.scenario.get("names_as_bytes") else text

    def nvmlInit(self) -> None:
        self.calls.append("nvmlInit")
        if self.scenario.get("init_error"):
            self._raise(self.scenario["init_error"])
        self.initialised = True

    def nvmlShutdown(self) -> None:
        self.calls.append("nvmlShutdown")
        self.shutdown_calls += 1
        self.initialised = False

    def nvmlSystemGetDriverVersion(self) -> str | bytes:
        return self._name(self.scenario["driver_version"])

    def nvmlSystemGetCudaDriverVersion(self) -> int:
        return int(self.scenario["cuda_driver_version"])

    def nvmlDeviceGetCount(self) -> int:
        if self.scenario.get("count_error"):
            self._raise(self.scenario["count_error"])
        return len(self.scenario["devices"])

    def nvmlDeviceGetHandleByIndex(self, index: int) -> int:
        self._device(index, "nvmlDeviceGetHandleByIndex")
        return index

    def nvmlDeviceGetName(self, handle: int) -> str | bytes:
        return self._name(self._device(handle, "nvmlDeviceGetName")["name"])

    def nvmlDeviceGetMemoryInfo(self, handle: int) -> SimpleNamespace:
        return SimpleNamespace(**self._device(handle, "nvmlDeviceGetMemoryInfo")["memory"])

    def nvmlDeviceGetCudaComputeCapability(self, handle: int) -> tuple[int, int]:
        major, minor = self._device(handle, "nvmlDeviceGetCudaComputeCapability")["compute_capability"]
        return major, minor

    def nvmlDeviceGetMemoryBusWidth(self, handle: int) -> int:
        return int(self._device(handle, "nvmlDeviceGetMemoryBusWidth")["memory_bus_width"])

    def nvmlDeviceGetMaxClockInfo(self, handle: int, clock_type: int) -> int:
        assert clock_type == self.NVML_CLOCK_MEM
        return int(self._device(handle, "nvmlDeviceGetMaxClockInfo")["max_memory_clock_mhz"])
