""".github/workflows/build.yml still checks what only Windows and macOS runners can check.

No YAML library is a dependency, so the workflow is read as text: the matrix rows (`- { name: …, os: … }`)
and the steps (`- name:` / `- uses:` items with their `if:` and `run:` text). Each test names a check the
workflow must keep; taking the check out of the file fails the test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "build.yml"


@dataclass(frozen=True)
class Step:
    name: str
    condition: str  # the `if:` expression, "" when the step runs everywhere
    shell: str
    text: str  # the whole step, run script included

    def runs_on(self, os_name: str) -> bool:
        """Whether the `if:` lets the step run on runner.os == os_name (the forms this workflow uses)."""
        if not self.condition:
            return True
        match = re.fullmatch(r"runner\.os\s*(==|!=)\s*'(\w+)'", self.condition.strip())
        assert match, f"unreadable condition: {self.condition}"
        return (match.group(2) == os_name) == (match.group(1) == "==")


def _text() -> str:
    return WORKFLOW.read_text(encoding="utf-8")


def _matrix() -> list[dict[str, str]]:
    rows = re.findall(r"^\s*- \{(.*)\}\s*$", _text(), re.MULTILINE)
    return [dict(re.findall(r"(\w+): ([^,]+?)\s*(?:,|$)", row)) for row in rows]


def _steps() -> list[Step]:
    text = _text()
    body = text[text.index("\n    steps:\n") :]
    chunks = re.split(r"\n(?=      - )", body)[1:]
    steps = []
    for chunk in chunks:
        name = re.search(r"^      - name: (.+)$", chunk, re.MULTILINE)
        condition = re.search(r"^        if: (.+)$", chunk, re.MULTILINE)
        shell = re.search(r"^        shell: (\w+)$", chunk, re.MULTILINE)
        steps.append(
            Step(
                name.group(1) if name else chunk.strip().splitlines()[0],
                condition.group(1) if condition else "",
                shell.group(1) if shell else "bash",
                chunk,
            )
        )
    return steps


def _steps_running(os_name: str, pattern: str) -> list[Step]:
    return [s for s in _steps() if s.runs_on(os_name) and re.search(pattern, s.text)]


def test_builds_for_windows_and_both_macos_cpus() -> None:
    rows = {row["os"]: row for row in _matrix()}
    assert {"windows-latest", "macos-14", "macos-15-intel"} <= set(rows), rows  # arm64 and x86-64 runners
    assert rows["windows-latest"]["app"].endswith("Runyard.exe")
    assert rows["windows-latest"]["cli"].endswith("runyard-cli.exe")


@pytest.mark.parametrize("os_name", ["Windows", "macOS"])
def test_runs_the_unit_tests(os_name: str) -> None:
    assert _steps_running(os_name, r"python -m pytest"), f"no pytest step runs on {os_name}"


@pytest.mark.parametrize("os_name", ["Windows", "macOS"])
def test_smokes_the_windowed_app_not_only_the_cli(os_name: str) -> None:
    smoke = _steps_running(os_name, r"matrix\.app.*--smoke")
    assert smoke, f"the windowed app is not smoke-tested on {os_name}"
    if os_name == "Windows":  # a windowed .exe: its exit status must be waited for
        assert any("-Wait" in s.text and re.search(r"ExitCode -ne 0\) \{ throw", s.text) for s in smoke)


@pytest.mark.parametrize("os_name", ["Windows", "macOS"])
def test_detect_fails_when_a_probe_could_not_be_read(os_name: str) -> None:
    assert _steps_running(os_name, r'matrix\.cli }}" detect --json --strict'), os_name


@pytest.mark.parametrize("os_name", ["Windows", "macOS"])
def test_redirected_and_piped_output_is_decoded_as_utf8(os_name: str) -> None:
    steps = _steps_running(os_name, r'matrix\.cli }}" fit > ')
    assert steps, f"no `fit > file` on {os_name}"
    text = "\n".join(s.text for s in steps)
    assert re.search(r"fit --json \| \w+", text), "no `fit --json | program`"
    assert 'decode("utf-8")' in text or "decode('utf-8')" in text, "the output is not decoded as UTF-8"
    assert "\\u2265" in text and "\\u2605" in text, "the table's ≥ and ★ are not looked for"
    assert re.search(r"\| head", text) and "BrokenPipe" in text, "a closed pipe is not checked"


def test_windows_also_redirects_through_cmd() -> None:
    cmd = [s for s in _steps_running("Windows", r"fit > ") if s.shell == "cmd"]
    assert cmd and re.search(r"fit --json \| \w+", cmd[0].text)


def test_verifies_the_macos_signature_and_minimum() -> None:
    steps = _steps_running("macOS", r"codesign --verify --deep --strict")
    assert steps and not any(s.runs_on("Windows") or s.runs_on("Linux") for s in steps)
    assert "LSMinimumSystemVersion" in steps[0].text


def test_step_reader_sees_conditions() -> None:
    """The reader itself: a Linux-only step is not counted for Windows (else every test above passes)."""
    xvfb = _steps_running("Linux", r"xvfb-run")
    assert xvfb and not any(s.runs_on("Windows") for s in xvfb)
