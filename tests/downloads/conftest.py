"""Fixtures for the download tests: the real window on the stand-in Ollama, with fast pull timings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from runyard_desktop.core.hardware.presets import build_profile
from runyard_desktop.core.ollama.pull_job import PullPolicy

FAST = PullPolicy(stall_timeout_s=0.5, backoff_s=0.05, watch_interval_s=0.05)
SMALL = (3_000_000, 1429, 7711, 561)  # a qwen3.5:0.8b that downloads in a blink
# The machine the download tests see. This machine's own free disk and RAM must not pick a test's path
# (CI's 81 GB free disk once turned "won't fit" into "not enough disk"; little free RAM asks first).
PLENTY = 10 * 10**12
ROOMY = build_profile(ram_gib=32, ram_available_gib=24, disk_free_gb=PLENTY / 1e9)


@pytest.fixture
def dl_fake(fake_ollama):
    fake_ollama.add_remote("qwen3.5:0.8b", SMALL, capabilities=("completion", "thinking"))
    fake_ollama.add_remote("qwen3.5:2b", (4_000_000, 1429, 7711, 561), capabilities=("completion",))
    fake_ollama.bytes_per_tick = 100_000
    fake_ollama.load_delay_s = 0.0
    fake_ollama.token_delay_s = 0.0
    return fake_ollama


@pytest.fixture
def open_window(qtbot, dl_fake) -> Iterator[Callable[..., Any]]:
    """Call it to get the window (Ollama checked); every window it opened is closed at teardown."""
    from runyard_desktop.app import create_main_window

    windows: list[Any] = []

    def make(host: str | None = None, *, wait_running: bool = True) -> Any:
        window = create_main_window(host=host or dl_fake.url)
        qtbot.addWidget(window)
        window.services.pages.downloads.policy = FAST
        window.services.pages.downloads.free_disk = lambda: PLENTY  # the pre-download check and the pull's own
        window.services.core.hardware.detect = lambda: ROOMY  # detection runs after the first paint
        window.show()
        window.show_page("models")
        windows.append(window)
        if wait_running:
            qtbot.waitUntil(lambda: window.services.pages.ollama.status.is_usable, timeout=10_000)
        return window

    yield make
    for window in windows:
        window.close()
