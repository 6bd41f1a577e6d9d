"""Measured checks kept on disk: one JSON file under the data dir, the latest measurement per tag.

Writes are atomic (temp file in the same directory, fsync, `os.replace`), so a crash leaves either
the old file or the new one. A damaged file is moved aside and logged, never silently emptied.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from runyard_desktop.core.appdata.json_files import move_aside, write_json_atomic
from runyard_desktop.core.fit.measured import Measurement

log = logging.getLogger(__name__)

FILE_NAME = "measurements.json"
SCHEMA_VERSION = 1


class MeasurementStore:
    """The latest `Measurement` per tag, persisted to `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._items: dict[str, Measurement] = {}
        self.recovered_from: Path | None = None
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
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        try:
            data = json.loads(raw)
            items = data["measurements"]
            self._items = {tag: Measurement.from_json(item) for tag, item in items.items()}
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            self.recovered_from = move_aside(self.path, exc, log, "measurements")
            self._items = {}

    def _save(self) -> None:
        payload = {
            "schema_version": SCHEMA_VERSION,
            "measurements": {tag: m.to_json() for tag, m in sorted(self._items.items())},
        }
        write_json_atomic(self.path, payload, prefix=".measurements-")
