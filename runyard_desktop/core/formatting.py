"""Human-readable numbers: bytes, rates, durations.

One rule across the app: memory (RAM, VRAM, what a model needs in it) in binary GiB, as a machine's
"16 GB" of RAM or a "24 GB" card actually is and as Ollama's logs count it; disk and download sizes
and transfer rates in decimal GB, as `ollama list`, the model library and disks show them.
"""

from __future__ import annotations

_UNITS = ("B", "KB", "MB", "GB", "TB", "PB")
GIB = 2**30


def human_bytes(n: float | None, *, precision: int = 1) -> str:
    """1_500_000_000 -> '1.5 GB'. Decimal units, as `ollama list` and the model pages show sizes."""
    if n is None:
        return "—"
    value = float(n)
    sign = "-" if value < 0 else ""
    value = abs(value)
    for unit in _UNITS:
        if value < 1000 or unit == _UNITS[-1]:
            if unit == "B":
                return f"{sign}{int(value)} B"
            return f"{sign}{value:.{precision}f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def human_gib(n: float | None, *, precision: int = 1) -> str:
    """Binary GiB, for memory: RAM, VRAM and the memory sums (Ollama's own logs use GiB)."""
    if n is None:
        return "—"
    return f"{n / GIB:.{precision}f} GiB"


def human_rate(bytes_per_second: float | None) -> str:
    if not bytes_per_second or bytes_per_second <= 0:
        return "—"
    return f"{human_bytes(bytes_per_second)}/s"


def human_duration(seconds: float | None) -> str:
    """Short ETA-style durations: '45 s', '3 min 05 s', '2 h 10 min'."""
    if seconds is None or seconds != seconds or seconds < 0:
        return "—"
    s = round(seconds)
    if s < 60:
        return f"{s} s"
    m, s = divmod(s, 60)
    if m < 60:
        return f"{m} min {s:02d} s"
    h, m = divmod(m, 60)
    return f"{h} h {m:02d} min"


def percent(part: float, whole: float) -> float:
    return 0.0 if whole <= 0 else max(0.0, min(100.0, 100.0 * part / whole))
