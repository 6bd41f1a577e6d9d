"""Damaged or hostile settings and measurements files: the app and the CLI always start, with a notice.

Reads that could run away (a symlink to /dev/zero, a FIFO) run in a child process with a time limit
and a memory cap, so a reader without the checks fails the test instead of exhausting the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from runyard_desktop.core.appdata import settings as settings_mod
from runyard_desktop.core.appdata.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
MEMORY_CAP = 1 << 30
DEEP = "[" * 100_000 + "]" * 100_000  # 200 KB, under the size cap: json.loads raises RecursionError


def _write(text: str) -> Callable[[Path], object]:
    return lambda path: path.write_text(text, encoding="utf-8")


def _link_to_dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


DAMAGED: dict[str, Callable[[Path], object]] = {
    "host-is-a-number": _write('{"ollama_host": 5}'),
    "negative-version": _write('{"schema_version": -1}'),
    "context-is-text": _write('{"default_context": "big"}'),
    "deep-nesting": _write(DEEP),
    "not-an-object": _write("[1, 2]"),
    "too-large": _write(json.dumps({"default_system_prompt": "x" * (2 << 20)})),
}
POSIX_ONLY: dict[str, Callable[[Path], object]] = {"link-to-dev-zero": _link_to_dev_zero, "fifo": _fifo}


@pytest.mark.parametrize("damage", sorted(DAMAGED))
def test_damaged_settings_are_moved_aside_with_a_notice(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "settings.json"
    DAMAGED[damage](path)
    settings, notice = settings_mod.load_with_notice(path)
    assert settings == Settings()
    assert "settings.damaged.json" in notice
    assert (tmp_path / "settings.damaged.json").exists()


def test_a_wrong_field_falls_back_to_its_default_and_the_rest_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 1, "theme": "dark", "default_temperature": "hot", "enter_sends": 1}))
    settings, notice = settings_mod.load_with_notice(path)
    assert settings == Settings(theme="dark")
    assert "default_temperature" in notice and "enter_sends" in notice
    assert json.loads((tmp_path / "settings.damaged.json").read_text())["default_temperature"] == "hot"
    assert settings_mod.load_with_notice(path) == (Settings(theme="dark"), "")  # the repaired file is kept


_CHILD = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
from runyard_desktop.core.appdata.settings import load_with_notice
from runyard_desktop.core.fit.measurements import MeasurementStore
settings, notice = load_with_notice(Path(sys.argv[1]))
print("SETTINGS:", settings == type(settings)(), notice)
store = MeasurementStore(Path(sys.argv[2]))
print("MEASUREMENTS:", store.all() == {{}}, store.notice)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, /dev/zero and rlimits are POSIX")
@pytest.mark.parametrize("damage", sorted(POSIX_ONLY))
def test_special_settings_and_measurements_files_are_refused(tmp_path: Path, damage: str) -> None:
    settings, measurements = tmp_path / "settings.json", tmp_path / "measurements.json"
    POSIX_ONLY[damage](settings)
    POSIX_ONLY[damage](measurements)
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD.format(cap=MEMORY_CAP), str(settings), str(measurements)],
            capture_output=True,
            text=True,
            timeout=20,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading a {damage} settings file blocked")
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("SETTINGS: True The settings file could not be read")
    assert lines[1].startswith("MEASUREMENTS: True The measurements file could not be read")
    assert (tmp_path / "settings.damaged.json").is_symlink() or (tmp_path / "settings.damaged.json").exists()


@pytest.mark.parametrize(
    "content",
    ['{"measurements": {"a": {"tag": "a", "size": "big"}}}', DEEP, '{"measurements": 5}', "[]"],
    ids=["wrong-field", "deep-nesting", "not-a-map", "not-an-object"],
)
def test_damaged_measurements_are_moved_aside_with_a_notice(tmp_path: Path, content: str) -> None:
    from runyard_desktop.core.fit.measurements import MeasurementStore

    path = tmp_path / "measurements.json"
    path.write_text(content, encoding="utf-8")
    store = MeasurementStore(path)
    assert store.all() == {}
    assert "measurements.damaged.json" in store.notice
    assert (tmp_path / "measurements.damaged.json").read_text(encoding="utf-8") == content


@pytest.mark.parametrize("damage", sorted(DAMAGED))
def test_the_window_starts_after_a_damaged_settings_file_and_says_so(qtbot, runyard_home: str, damage: str) -> None:
    from runyard_desktop.app import create_main_window
    from runyard_desktop.core.appdata.paths import app_paths

    paths = app_paths().ensure()
    DAMAGED[damage](paths.settings_file)
    (paths.data / "measurements.json").write_text(DEEP, encoding="utf-8")
    window = create_main_window()
    qtbot.addWidget(window)
    try:
        window.show()
        label = window.notice_label
        assert label is not None and label.isVisibleTo(window)
        notice = label.text()
        assert "The settings file" in notice and "settings.damaged.json" in notice
        assert "The measurements file could not be read" in notice
        assert window.services.core.settings.current == Settings()
    finally:
        window.close()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, /dev/zero and rlimits are POSIX")
@pytest.mark.parametrize("damage", sorted({**DAMAGED, **POSIX_ONLY}))
def test_the_cli_starts_after_a_damaged_settings_file(fake_ollama, runyard_home: str, damage: str) -> None:
    from runyard_desktop.core.appdata.paths import app_paths

    paths = app_paths().ensure()
    fake_ollama.add_installed("qwen3.5:4b", context_length=262144)
    env = {**os.environ, "RUNYARD_HOME": runyard_home, "OLLAMA_HOST": fake_ollama.url}
    limit = f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CAP}, {MEMORY_CAP}))"
    for argv in (["fit", "--json"], ["chat", "qwen3.5:4b", "hi", "--no-think"]):
        {**DAMAGED, **POSIX_ONLY}[damage](paths.settings_file)
        code = f"{limit}; import sys; from runyard_desktop.cli import main; sys.exit(main({argv!r}))"
        try:
            done = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"runyard-desktop {argv[0]} blocked on a {damage} settings file")
        assert done.returncode == 0, done.stderr[-2000:]
        if argv[0] == "chat":
            assert "The settings file" in done.stderr
            assert fake_ollama.bodies("/api/chat")[-1]["options"]["num_ctx"] == 4096
        else:
            assert json.loads(done.stdout)
        for leftover in (paths.settings_file, paths.settings_file.with_suffix(".damaged.json")):
            if leftover.is_symlink() or leftover.exists():
                leftover.unlink()
