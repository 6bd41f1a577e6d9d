"""Measured checks kept on disk: one JSON file under the data dir, the latest measurement per tag.

Writes are atomic (temp file in the same directory, fsync, `os.replace`), so a crash leaves either
the old file or the new one. The file is untrusted: only a regular file of at most `MAX_FILE_BYTES`
is read, and every entry is type-checked. A file that cannot be read is moved aside and the checks
start afresh; damaged entries are dropped (the original file moved aside, the rest written back). Either
way it is logged, never silently emptied, and `notice` holds the sentence the window shows.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path

from runyard_desktop.core.appdata.json_files import move_aside, write_json_atomic
from runyard_desktop.core.fit.measured import Measurement
from runyard_desktop.core.untrusted_file import read_untrusted_json

log = logging.getLogger(__name__)

FILE_NAME = "measurements.json"
SCHEMA_VERSION = 1
MAX_FILE_BYTES = 4 << 20  # one measurement is ≈ 300 bytes


def _int(value: object, *, optional: bool = False) -> bool:
    if value is None:
        return optional
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1 << 62


def _number(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) and 0 <= value < 1e12


def _text(value: object, *, optional: bool = False) -> bool:
    return (optional and value is None) or (isinstance(value, str) and len(value) <= 200)


def checked_measurement(tag: object, item: object) -> Measurement:
    """One entry of the file, every field type- and range-checked; ValueError when any is wrong."""
    if not isinstance(item, dict) or not _text(tag) or item.get("tag") != tag:
        raise ValueError("not a measurement of its tag")
    checks = (
        _text(item.get("measured_at")),
        _int(item.get("context"), optional=True),
        _int(item.get("loaded_context"), optional=True),
        _int(item.get("size")),
        _int(item.get("size_vram")),
        _number(item.get("tokens_per_s")),
        _number(item.get("load_s")),
        _text(item.get("ollama_version"), optional=True),
    )
    if not all(checks):
        raise ValueError("a field has the wrong type or value")
    return Measurement.from_json(item)


class MeasurementStore:
    """The latest `Measurement` per tag, persisted to `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._items: dict[str, Measurement] = {}
        self.recovered_from: Path | None = None
        self.notice = ""  # a plain sentence for the window when the file was damaged
        self._load()

    def get(self, tag: str) -> Measurement | None:
        return self._items.get(tag)

    def all(self) -> dict[str, Measurement]:
        return dict(self._items)

    def record(self, measurement: Measurement) -> None:
        self._items[measurement.tag] = measurement
        self._save()

    def forget(self, tag: str) -> None:
        if self._items.pop(tag, None) is not None:
            self._save()

    def _load(self) -> None:
        try:
            data = read_untrusted_json(self.path, MAX_FILE_BYTES)
            items = data["measurements"] if isinstance(data, dict) else None
            if not isinstance(items, dict):
                raise ValueError("no measurements object")
        except FileNotFoundError:
            return
        except (ValueError, TypeError, KeyError, RecursionError) as exc:
            self._set_aside(exc, "could not be read; measured checks start afresh")
            return
        wrong: list[str] = []
        for tag, item in items.items():
            try:
                self._items[tag] = checked_measurement(tag, item)
            except ValueError:
                wrong.append(str(tag)[:80])
        if wrong:
            self._set_aside(
                f"wrong entries {wrong[:5]}",
                f"had {len(wrong)} damaged entr{'y' if len(wrong) == 1 else 'ies'}, dropped",
            )
            try:
                self._save()
            except OSError as exc:
                log.warning("could not write the repaired measurements to %s: %s", self.path, exc)

    def _set_aside(self, reason: object, what_happened: str) -> None:
        try:
            self.recovered_from = move_aside(self.path, reason, log, "measurements")
        except OSError as exc:
            log.warning("could not move the damaged measurements file %s aside: %s", self.path, exc)
            self.notice = f"The measurements file {self.path} {what_happened}. It could not be moved aside ({exc})."
            return
        self.notice = f"The measurements file {what_happened}. The old file was kept as {self.recovered_from}."

    def _save(self) -> None:
        payload = {
            "schema_version": SCHEMA_VERSION,
            "measurements": {tag: m.to_json() for tag, m in sorted(self._items.items())},
        }
        write_json_atomic(self.path, payload, prefix=".measurements-")
