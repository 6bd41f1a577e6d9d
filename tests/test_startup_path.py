"""The window's first paint must not wait for the Ollama client (~0.5 s of imports): keep it off that path.

A child process pre-creates the QApplication (run_gui reuses it), snapshots `sys.modules` at the first
Paint event, then runs `runyard-desktop --smoke`. Pages may import `ollama` lazily after the paint.
The same snapshot guards the smaller deferrals bench/startup.py measured (BENCHMARKS.md, start-up).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CLIENT = ("ollama",)
TRANSPORT = ("httpx", "httpcore", "anyio", "h11")
HEAVY = CLIENT + TRANSPORT

_DRIVER = r"""
import json, linecache, sys
from runyard_desktop.cli import main  # first, as in the real entry point,
from runyard_desktop.commands import console  # which imports these two before Qt too (cli.main),
from runyard_desktop.tasks import pyside_imports  # in this order
import PySide6.QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if not seen and event.type() == QEvent.Type.Paint:
            seen["modules"] = sorted(sys.modules)
            seen["qt_namespace_built"] = "Qt" in vars(PySide6.QtCore)
            seen["cached_sources"] = sorted(f for f in linecache.cache if "runyard_desktop" in f)
        return False

spy = FirstPaint()
app.installEventFilter(spy)
code = main(["--smoke"])
print("SNAPSHOT " + json.dumps({"code": code, **seen, "modules_at_exit": sorted(sys.modules)}))
"""


def _heavy(modules: list[str], roots: tuple[str, ...] = HEAVY) -> list[str]:
    return sorted({m for m in modules if m.split(".")[0] in roots})


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One `--smoke` run in a child process, shared by the tests below: what it had loaded at the first
    paint ("modules", "qt_namespace_built", "cached_sources") and at exit ("modules_at_exit")."""
    home = tmp_path_factory.mktemp("startup-path")
    # The per-test RUNYARD_HOME/OLLAMA_HOST fixtures do not reach a module-scoped fixture: set them here.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "RUNYARD_HOME": str(home / "home"),
        "OLLAMA_HOST": "http://127.0.0.1:9",
        "OLLAMA_MODELS": str(home / "ollama-models"),
    }
    result = subprocess.run(
        [sys.executable, "-c", _DRIVER], capture_output=True, text=True, timeout=60, env=env, cwd=home, check=False
    )
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("SNAPSHOT ")), None)
    assert line is not None, result.stdout + result.stderr
    data = json.loads(line.removeprefix("SNAPSHOT "))
    assert data["code"] == 0, result.stderr
    assert data.get("modules"), "the window never painted"
    return data


def test_no_ollama_client_before_the_first_paint(smoke: dict) -> None:
    assert _heavy(smoke["modules"], CLIENT) == [], "import `ollama` lazily, after the first paint"


# httpx alone costs ~0.1-0.3 s and ~15 MiB (its CLI module pulls in rich/click/pygments when installed).
# Background work (detection, the Ollama check) starts from the window's first Paint event
# (app._after_first_paint), so nothing may have started importing it by then.
def test_no_http_transport_before_the_first_paint(smoke: dict) -> None:
    assert _heavy(smoke["modules"], TRANSPORT) == [], "imported before the first paint"


def test_command_line_parsing_imports_no_client() -> None:
    code = "import sys, json; from runyard_desktop.cli import build_parser; build_parser(); print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    modules = json.loads(result.stdout)
    assert _heavy(modules) == [], "a command module imports the Ollama client at parse time; import it in run()"
    assert not [m for m in modules if m.startswith("PySide6")], "parsing the command line must not load Qt"


def test_first_paint_waits_for_none_of_the_deferred_work(smoke: dict) -> None:
    """Each of these cost 4-40 ms before the first paint (bench/startup.py); they now load after it."""
    # The first use of QtCore.Qt builds its 93 Python enums (≈40 ms): TaskHandle, the hardware cards
    # and menu shortcuts must not touch it before the window has painted.
    assert smoke["qt_namespace_built"] is False
    deferred = {
        "asyncio",
        "logging.handlers",
        "runyard_desktop.core.hardware.profile",
        "runyard_desktop.core.fit.catalogue",
    }
    assert sorted(deferred & set(smoke["modules"])) == []


def test_pyside_source_check_keeps_no_source_in_memory(smoke: dict) -> None:
    """PySide6's import hook used to read every module with inspect.getsource (linecache: 16 MiB, 20 ms)."""
    cached = smoke["cached_sources"]
    # `from runyard_desktop.tasks import pyside_imports` hands the package to the old check once,
    # before install() has run; every module imported after that must be absent. The harness imports
    # Qt before calling main(), so main's own `from runyard_desktop.commands import console` (which the
    # real entry point runs before Qt exists) also meets the old check once.
    allowed = ("tasks/__init__.py", "commands/__init__.py")
    assert [f for f in cached if not f.endswith(allowed)] == []
    assert len(cached) <= 2


def test_smoke_builds_every_page_but_chat_which_waits_for_its_first_visit(smoke: dict) -> None:
    """--smoke waits for every start-up step; the Chat page (history database, ≈5 MiB) is not one."""
    at_exit = set(smoke["modules_at_exit"])
    assert {"runyard_desktop.ui.models.models_view", "runyard_desktop.ui.downloads.downloads_wiring"} <= at_exit
    assert sorted({"runyard_desktop.ui.chat.chat_pane", "sqlite3"} & at_exit) == []
    assert _heavy(sorted(at_exit)) == [], "the Ollama check and listings use the standard library"
