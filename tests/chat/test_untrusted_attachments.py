"""Attachments are untrusted files: devices, FIFOs, folders and huge files are refused with a message.

Each read runs in a child process with a time limit and a memory cap, so a reader that follows a
symlink to /dev/zero (reads until memory runs out) or opens a FIFO (waits for a writer for ever)
fails the test instead of hanging or exhausting the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, /dev/zero and rlimits are POSIX")

CHILD_TIMEOUT_S = 20
MEMORY_CAP = 1 << 30  # 1 GiB of address space: far above a normal read, far below /dev/zero's appetite

_CHILD = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
from runyard_desktop.core.chat.documents import DocumentError, read_attachment
try:
    att = read_attachment(Path(sys.argv[1]), vision=True)
except DocumentError as exc:
    print("REFUSED:", exc)
else:
    print("READ:", att.kind, len(att.text or att.data_b64 or ""))
"""


def _read_in_child(path: Path) -> str:
    """What `read_attachment` did with `path`, run in a bounded child process."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD.format(cap=MEMORY_CAP), str(path)],
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT_S,
            cwd=Path(__file__).resolve().parents[2],
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {path.name} blocked for {CHILD_TIMEOUT_S} s")
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def _fifo(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


def _link_to_dev_zero(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.symlink_to("/dev/zero")
    return path


def _too_large(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    with path.open("wb") as fh:
        fh.truncate(64 * 1024 * 1024)  # sparse: 64 MB without using the disk
    return path


def _folder(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.mkdir()
    return path


@pytest.mark.parametrize(
    ("make", "name", "expected"),
    [
        (_link_to_dev_zero, "notes.txt", "notes.txt is a device (it points to /dev/zero), not a regular file"),
        (_fifo, "notes.txt", "notes.txt is a pipe (FIFO), not a regular file"),
        (_link_to_dev_zero, "photo.png", "photo.png is a device (it points to /dev/zero), not a regular file"),
        (_too_large, "huge.txt", "huge.txt is 67 MB; Runyard attaches text files up to 8 MB"),
        (_too_large, "huge.png", "huge.png is 67 MB; images up to 20 MB can be attached"),
        (_folder, "folder.txt", "folder.txt is a folder, not a regular file"),
    ],
    ids=["txt-link-to-dev-zero", "fifo-txt", "png-link-to-dev-zero", "large-text", "large-image", "folder"],
)
def test_untrusted_file_is_refused_with_its_reason(tmp_path: Path, make, name: str, expected: str) -> None:
    outcome = _read_in_child(make(tmp_path, name))
    assert outcome.startswith("REFUSED:"), outcome
    assert expected in outcome


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("# hello\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert _read_in_child(link).startswith("READ: text")


def test_a_file_that_grows_past_the_cap_while_read_is_refused(tmp_path: Path, monkeypatch) -> None:
    from runyard_desktop.core.untrusted_file import UntrustedFileError, read_untrusted

    path = tmp_path / "growing.log"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat

    def grow_then_fstat(fd: int) -> os.stat_result:  # the file grows between the size check and the read
        path.write_bytes(b"x" * 300)
        return real_fstat(fd)

    monkeypatch.setattr(os, "fstat", grow_then_fstat)
    with pytest.raises(UntrustedFileError) as refused:
        read_untrusted(path, max_bytes=200)
    assert refused.value.kind == "too-large"


def test_the_window_reads_attachments_off_the_gui_thread(open_chat, qtbot, tmp_path: Path) -> None:
    """A FIFO, a folder and a huge file dropped together: "reading…" chips at once, then one message
    each, and the window never waits. If the GUI thread opened the FIFO, it would wait for a writer:
    a watchdog thread then writes to it (so the test ends) and the test fails."""
    import threading

    from PySide6.QtWidgets import QLabel, QWidget

    fifo = _fifo(tmp_path, "pipe.txt")
    folder = _folder(tmp_path, "folder.md")
    huge = _too_large(tmp_path, "huge.csv")
    good = tmp_path / "good.txt"
    good.write_text("fine\n", encoding="utf-8")
    _window, pane = open_chat()
    released = threading.Event()
    unblocked: list[bool] = []

    def watchdog() -> None:
        if not released.wait(CHILD_TIMEOUT_S):
            unblocked.append(True)
            with open(fifo, "wb") as fh:  # unblocks a reader stuck in open()
                fh.write(b"")

    guard = threading.Thread(target=watchdog, daemon=True)
    guard.start()
    try:
        pane.add_files([str(fifo), str(folder), str(huge), str(good)])
        chips = pane.composer.findChildren(QWidget, "readingChip")
        assert [c.findChild(QLabel).text() for c in chips] == [
            "pipe.txt · reading…",
            "folder.md · reading…",
            "huge.csv · reading…",
            "good.txt · reading…",
        ]
        qtbot.waitUntil(lambda: not pane.composer.is_reading(), timeout=10_000)
    finally:
        released.set()
        guard.join()
    assert not unblocked, "the window blocked on a FIFO"
    assert [a.name for a in pane.composer.attachments()] == ["good.txt"]
    notice = pane.composer.notice.text()
    assert "pipe.txt is a pipe (FIFO), not a regular file" in notice
    assert "folder.md is a folder, not a regular file" in notice
    assert "huge.csv is 67 MB" in notice
    assert pane.composer.notice.property("level") == "error"
