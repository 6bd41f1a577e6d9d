"""The layer rule, enforced: app/cli → ui → models → tasks → core; core imports no Qt; nothing imports upward."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "runyard_desktop"
# Rank: a module may import only from its own rank or lower ranks.
RANK = {"core": 0, "tasks": 1, "models": 2, "ui": 3, "app": 4, "commands": 4, "cli": 5, "__main__": 6}
QT_WIDGET_MODULES = ("PySide6.QtWidgets",)


def _layer(module_path: Path) -> str:
    rel = module_path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 else rel.stem


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_known_layer() -> None:
    unknown = {_layer(p) for p in _modules()} - set(RANK) - {"__init__"}
    assert not unknown, f"modules outside the known layers: {unknown}"


def test_core_imports_no_qt() -> None:
    offenders = [
        f"{p.relative_to(PACKAGE)} imports {name}"
        for p in _modules()
        if _layer(p) == "core"
        for name in _imports(p)
        if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
    ]
    assert not offenders, offenders


def test_widgets_only_in_ui_and_app() -> None:
    offenders = [
        f"{p.relative_to(PACKAGE)} imports {name}"
        for p in _modules()
        if _layer(p) not in {"ui", "app"}
        for name in _imports(p)
        if name.startswith(QT_WIDGET_MODULES)
    ]
    assert not offenders, offenders


def test_nothing_imports_upward() -> None:
    offenders = []
    for path in _modules():
        layer = _layer(path)
        if layer == "__init__":
            continue
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "runyard_desktop" or len(parts) < 2:
                continue
            target = parts[1]
            if target in RANK and RANK[target] > RANK[layer]:
                offenders.append(f"{path.relative_to(PACKAGE)} ({layer}) imports {name} ({target})")
    assert not offenders, offenders
