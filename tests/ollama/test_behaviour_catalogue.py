"""The behaviour catalogue (docs/ollama-behaviour.md) names tests that exist.

Every table row has six cells; its Test cell names at least one test function (`test_…`, optionally
`file.py::test_…`) defined somewhere under tests/, or says plainly that the behaviour is "not yet"
handled or "being added". Parsing is plain text: no imports of the test modules, so it stays fast.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "docs" / "ollama-behaviour.md"
COLUMNS = 6
PENDING = ("not yet", "being added")
_TEST_NAME = re.compile(r"\btest_\w+")
_DEFINED = re.compile(r"^\s*(?:async\s+)?def\s+(test_\w+)\s*\(", re.MULTILINE)


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1].replace("\\|", "\x00")
    return [cell.replace("\x00", "|").strip() for cell in inner.split("|")]


def catalogue_rows(text: str) -> list[tuple[str, list[str]]]:
    """(section, cells) of every table body row; header and separator rows are skipped."""
    rows: list[tuple[str, list[str]]] = []
    section = ""
    in_table = False
    for line in text.splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        if not line.startswith("|"):
            in_table = False
            continue
        if not in_table:  # the header row; the separator row follows
            in_table = True
            continue
        if set(line.replace("|", "").strip()) <= {"-", ":", " "}:
            continue
        rows.append((section, _cells(line)))
    return rows


def defined_tests() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "tests").rglob("test_*.py"):
        names.update(_DEFINED.findall(path.read_text(encoding="utf-8")))
    return names


def problems(text: str, defined: set[str]) -> list[str]:
    found: list[str] = []
    for section, cells in catalogue_rows(text):
        label = f"{section}: {cells[0][:60]!r}"
        if len(cells) != COLUMNS:
            found.append(f"{label} has {len(cells)} cells, not {COLUMNS}")
            continue
        test_cell = cells[-1]
        named = _TEST_NAME.findall(test_cell)
        if not named and not any(word in test_cell.lower() for word in PENDING):
            found.append(f"{label} names no test (or 'not yet' / 'being added')")
        found += [f"{label} names {name}, which no file under tests/ defines" for name in named if name not in defined]
    return found


def test_every_row_names_tests_that_exist() -> None:
    text = CATALOGUE.read_text(encoding="utf-8")
    assert len(catalogue_rows(text)) >= 80
    assert problems(text, defined_tests()) == []


def test_the_checker_catches_a_missing_test_an_empty_cell_and_a_short_row() -> None:
    text = "\n".join(
        (
            "## Pull",
            "| Behaviour | Real server | Versions | Stand-in | App | Test |",
            "|---|---|---|---|---|---|",
            "| a | f | all | s | h | `test_exists` |",
            "| b | f | all | s | h | `test_gone` |",
            "| c | f | all | s | h |  |",
            "| d | f | all | s | h | — |",
            "| e | f | all | s | h | being added |",
            "| f | f | all | not yet: nothing | h | not yet: no test |",
            "| g | f | s | h | `test_exists` |",
        )
    )
    found = problems(text, {"test_exists"})
    assert len(found) == 4
    assert "test_gone" in found[0] and "names no test" in found[1] and "names no test" in found[2]
    assert "5 cells" in found[3]
