"""Hardware probe tests over recorded fixtures (tests/fixtures/hardware)."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hardware"
