"""An import-linter contract type for rules about *parts* of an external package, such as "tasks/ uses QtCore only".

import-linter sees an external package as one squashed module: `from PySide6 import QtWidgets`,
`import PySide6.QtWidgets` and `from PySide6.QtCore import QObject` are all just "imports PySide6",
and a forbidden contract refuses a sub-package of an external package as a forbidden module. So the
layer rule "tasks/ uses only QtCore" cannot be written with the built-in contract types.

`AllowedSubmodulesContract` (type `allowed_submodules`, registered in pyproject.toml's
`contract_types`) takes the graph's imports of each governed package, reads the statement on the
line the graph gives for it, and names the sub-module that statement really imports:

    import PySide6.QtWidgets                 -> PySide6.QtWidgets
    from PySide6 import QtCore, QtWidgets    -> PySide6.QtCore, PySide6.QtWidgets
    from PySide6.QtGui import QColor         -> PySide6.QtGui
    import PySide6                           -> PySide6 (the bare package: not an allowed module)

Each one must be an allowed module or inside one. Only direct imports are checked: what a source
module reaches through other modules of the project is governed by those modules' own contracts
(the layers, and core/'s forbidden Qt), and an external package's own imports are not in the graph.

Options:
    source_modules:  the modules (and, as packages, everything inside them) the rule applies to.
    packages:        the external packages the rule governs, e.g. PySide6, shiboken6, PyQt6.
    allowed_modules: what of them the source modules may import, e.g. PySide6.QtCore.

It needs `include_external_packages = true`, as forbidden contracts on external packages do.
"""

from __future__ import annotations

import ast
import importlib.util
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output
from importlinter.domain.contract import InvalidContractOptions
from importlinter.domain.helpers import module_expressions_to_modules
from importlinter.domain.imports import Module, ModuleExpression


class AllowedSubmodulesContract(Contract):
    """Source modules import, of the governed external packages, only the allowed sub-modules."""

    type_name = "allowed_submodules"

    source_modules = fields.SetField(subfield=fields.ModuleExpressionField())
    packages = fields.SetField(subfield=fields.StringField())
    allowed_modules = fields.SetField(subfield=fields.ModuleField())

    # The fields above hold the parsed values on an instance (Contract sets them); typed views of them:
    def _packages(self) -> set[str]:
        return cast("set[str]", self.packages)

    def _allowed(self) -> set[Module]:
        return cast("set[Module]", self.allowed_modules)

    def validate(self) -> None:
        packages, allowed = self._packages(), self._allowed()
        errors: dict[str, str] = {}
        if str(self.session_options.get("include_external_packages")).lower() != "true":
            errors["packages"] = "The top level configuration must have include_external_packages = true."
        if dotted := sorted(p for p in packages if "." in p):
            errors["packages"] = f"Name top-level packages, not sub-modules: {', '.join(dotted)}."
        if outside := sorted(m.name for m in allowed if m.root_package_name not in packages):
            errors["allowed_modules"] = f"Not inside a governed package: {', '.join(outside)}."
        if errors:
            raise InvalidContractOptions(errors)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        allowed = self._allowed()
        sources = module_expressions_to_modules(graph, cast("set[ModuleExpression]", self.source_modules))
        missing = sorted(m.name for m in sources if m.name not in graph.modules)
        if missing or not sources:  # a misspelt source would make the contract pass, checking nothing
            raise ValueError(f"Source modules not in the graph: {', '.join(missing) or 'no module matched'}.")
        importers = sorted({m.name for m in sources} | {d for m in sources for d in graph.find_descendants(m.name)})
        violations: list[dict[str, Any]] = []
        for package in sorted(p for p in self._packages() if p in graph.modules):
            for importer in importers:
                for detail in graph.get_import_details(importer=importer, imported=package):
                    line = detail["line_number"]
                    output.verbose_print(verbose, f"{importer}:{line} imports {package}...")
                    for name in _imported_modules(importer, line, package):
                        if not any(Module(name) == a or Module(name).is_descendant_of(a) for a in allowed):
                            violations.append({"importer": importer, "imported": name, "line_number": line})
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        allowed, packages = ", ".join(sorted(m.name for m in self._allowed())), ", ".join(sorted(self._packages()))
        output.print_error(f"Only {allowed} may be imported here, of {packages}:")
        output.new_line()
        for v in check.metadata["violations"]:
            output.print_error(f"-   {v['importer']} -> {v['imported']} (l.{v['line_number']})", bold=False)
        output.new_line()


def _imported_modules(importer: str, line: int, package: str) -> list[str]:
    """What the import statement(s) on `line` of `importer` take from `package`, as module names.

    A line the source does not explain (the file changed since the graph was built, or cannot be
    found) comes back as `<package>?`, which no allowed module matches: the contract then fails
    rather than passing something it did not read.
    """
    path = _source_file(importer)
    if path is None:
        return [f"{package}?"]
    found: list[str] = []
    for node in _statements_at(path.read_text(encoding="utf-8"), line):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name == package or a.name.startswith(f"{package}.")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == package:
                found += [f"{package}.{a.name}" for a in node.names]
            elif node.module.startswith(f"{package}."):
                found.append(node.module)
    return found or [f"{package}?"]


def _statements_at(source: str, line: int) -> list[ast.stmt]:
    """The statements that start on `line` (counted from 1) of `source`, nested ones included.

    Only the statement's own lines are parsed (one, or as many as its brackets span): a tenth of the
    cost of parsing the whole module, which is the fallback for a line that cannot stand alone
    (`else: import x`).
    """
    lines = source.split("\n")  # read_text has made every line end "\n", as the graph counts them
    for end in range(line, min(line + 100, len(lines)) + 1):
        try:
            chunk = ast.parse(textwrap.dedent("\n".join(lines[line - 1 : end])))
        except SyntaxError:
            continue
        return [node for node in _nested(chunk.body) if node.lineno == 1]
    return [node for node in _nested(ast.parse(source).body) if node.lineno == line]


def _nested(statements: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Each statement and, depth first, the statements inside it (not the expressions: an import is a statement)."""
    for node in statements:
        yield node
        for block in ("body", "orelse", "finalbody"):
            yield from _nested(getattr(node, block, []))
        for part in (*getattr(node, "handlers", []), *getattr(node, "cases", [])):
            yield from _nested(part.body)


def _source_file(module: str) -> Path | None:
    """The .py file of a module of the project, found the way grimp found it (from the root's spec)."""
    root, *rest = module.split(".")
    spec = importlib.util.find_spec(root)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        base = Path(location).joinpath(*rest)
        for candidate in (base.with_suffix(".py"), base / "__init__.py") if rest else (base / "__init__.py",):
            if candidate.is_file():
                return candidate
    return None
