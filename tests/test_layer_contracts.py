"""The layer contracts in pyproject.toml: the tree keeps them, and each one breaks on the import it is there to stop.

Each case copies the package into a temporary tree, adds one import that breaks a rule, and runs
`lint-imports` there exactly as the CI gate runs it; the contracts reported broken must be exactly
the expected ones. Every contract in the configuration must be broken by at least one case, so a
contract that can no longer fail (a misspelt module, a rule the tool cannot see) fails here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from importlinter.api import read_configuration

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "pyproject.toml"
_RESULT_LINE = re.compile(r"^(?P<name>.+) (?P<result>KEPT|BROKEN)$")


@dataclass(frozen=True)
class Violation:
    """One import added to one module of a copy of the package, and the contracts it must break."""

    module: str  # path inside runyard_desktop/; created when it does not exist
    code: str  # appended to the module
    broken: frozenset[str]  # contract ids

    def __str__(self) -> str:
        return f"{self.module}: {self.code.strip().splitlines()[-1].strip()}"


def _v(module: str, code: str, *broken: str) -> Violation:
    return Violation(module, code, frozenset(broken))


VIOLATIONS = [
    # Qt in tasks/ is QtCore only, in every spelling of an import.
    _v("tasks/runner.py", "from PySide6 import QtWidgets", "tasks-qtcore-only"),
    _v("tasks/throttle.py", "from PySide6.QtGui import QColor", "tasks-qtcore-only"),
    _v("tasks/download_queue.py", "import PySide6.QtWidgets", "tasks-qtcore-only"),
    _v("tasks/runner.py", "from PySide6 import QtCore, QtNetwork", "tasks-qtcore-only"),
    _v("tasks/hardware_service.py", "import PySide6", "tasks-qtcore-only"),
    _v(  # inside a function, over several lines: still an import of QtWidgets
        "tasks/runner.py",
        "def _late():\n    from PySide6.QtWidgets import (\n        QWidget,\n    )",
        "tasks-qtcore-only",
    ),
    _v("tasks/throttle.py", "import shiboken6", "tasks-qtcore-only"),
    _v("commands/detect.py", "from PySide6.QtWidgets import QApplication", "tasks-qtcore-only"),
    # core/ imports no Qt, whichever binding, and nothing above it.
    _v("core/formatting.py", "from PySide6.QtCore import QObject", "core-no-qt"),
    _v("core/fit/engine.py", "import shiboken6", "core-no-qt"),
    _v("core/chat/history.py", "from PyQt6 import QtCore", "core-no-qt"),
    # Upward from core; the CLI's commands use core.formatting, so they now reach ui too, and through
    # tasks.runner core would import QtCore.
    _v("core/formatting.py", "from runyard_desktop import ui", "layers", "commands-no-window"),
    _v("core/ollama/client.py", "from runyard_desktop.tasks import runner", "layers", "core-no-qt"),
    # Nothing imports upward; the two front ends do not import each other.
    _v("tasks/throttle.py", "from runyard_desktop.models import download_model", "layers"),
    _v("models/download_model.py", "from runyard_desktop.ui import theme", "layers"),
    _v("ui/theme.py", "from runyard_desktop import app", "layers"),
    _v("app.py", "from runyard_desktop.commands import detect", "layers"),
    _v("ui/theme.py", "from runyard_desktop import cli", "layers"),
    # Every top-level module has a place in the layers.
    _v("plugins.py", '"""A module outside every layer."""', "layers"),
    # Models: QtCore and QtGui, never widgets.
    _v("models/catalogue_model.py", "from PySide6.QtWidgets import QStyle", "models-no-widgets"),
    # The CLI never imports the window's parts.
    _v("commands/fit.py", "from runyard_desktop.ui import theme", "commands-no-window"),
    _v("commands/models.py", "from runyard_desktop.models import installed_model", "commands-no-window"),
]


# One interpreter checks every tree in turn (lint-imports' own entry point, in each tree's directory,
# as the gate runs it): starting Python and import-linter is most of the cost of one check.
_DRIVER = """
import contextlib, io, json, os, sys
from importlinter.cli import lint_imports
results = {}
for tree in sys.argv[1:]:
    os.chdir(tree)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = lint_imports(no_cache=True, no_logo=True)
    results[tree] = [code, out.getvalue()]
print(json.dumps(results))
"""


@dataclass(frozen=True)
class Outcome:
    """What lint-imports said about one tree."""

    code: int
    results: dict[str, str]  # contract id -> KEPT or BROKEN
    output: str


def _lint_imports(*trees: Path) -> dict[Path, Outcome]:
    env = {**os.environ, "COLUMNS": "1000", "NO_COLOR": "1"}  # one line per contract result
    run = subprocess.run(
        [sys.executable, "-c", _DRIVER, *map(str, trees)], env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    outcomes = {}
    for tree, (code, output) in json.loads(run.stdout).items():
        ids = {c["name"]: c["id"] for c in read_configuration(str(Path(tree, "pyproject.toml")))["contracts_options"]}
        results = {}
        for line in output.splitlines():
            if (match := _RESULT_LINE.match(line.strip())) and match["name"] in ids:
                results[ids[match["name"]]] = match["result"]
        outcomes[Path(tree)] = Outcome(code, results, output)
    return outcomes


def _contract_ids() -> set[str]:
    return {c["id"] for c in read_configuration(str(CONFIG))["contracts_options"]}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[Violation, Outcome]:
    """Each violation in its own copy of the package (with the configuration and its contract type), checked."""
    base = tmp_path_factory.mktemp("layers")

    def skip(folder: str, names: list[str]) -> list[str]:  # only the sources matter to the import graph
        return [n for n in names if n == "__pycache__" or (Path(folder, n).is_file() and not n.endswith(".py"))]

    pristine = base / "pristine"
    shutil.copytree(ROOT / "runyard_desktop", pristine / "runyard_desktop", ignore=skip)
    shutil.copytree(ROOT / "tools", pristine / "tools", ignore=skip)
    shutil.copy2(CONFIG, pristine / "pyproject.toml")
    trees = {}
    for number, violation in enumerate(VIOLATIONS):
        tree = base / f"case{number}"
        shutil.copytree(pristine, tree, copy_function=os.link)  # links: a fifth of a copy's cost
        module = tree / "runyard_desktop" / violation.module
        before = module.read_text(encoding="utf-8") if module.exists() else ""
        module.unlink(missing_ok=True)  # a new file, never a write through the link into the other trees
        module.write_text(f"{before}\n{violation.code}\n", encoding="utf-8")
        trees[violation] = tree
    checked = _lint_imports(*trees.values())
    return {violation: checked[tree] for violation, tree in trees.items()}


def test_the_tree_keeps_every_contract() -> None:
    (outcome,) = _lint_imports(ROOT).values()
    assert outcome.code == 0, outcome.output
    assert outcome.results == dict.fromkeys(_contract_ids(), "KEPT"), outcome.output


def test_every_contract_is_shown_to_fail() -> None:
    assert set().union(*(v.broken for v in VIOLATIONS)) == _contract_ids()


@pytest.mark.parametrize("violation", VIOLATIONS, ids=str)
def test_a_violation_breaks_its_contract(violation: Violation, outcomes: dict[Violation, Outcome]) -> None:
    outcome = outcomes[violation]
    assert outcome.code == 1, outcome.output
    assert set(outcome.results) == _contract_ids(), outcome.output
    assert {cid for cid, result in outcome.results.items() if result == "BROKEN"} == violation.broken, outcome.output
