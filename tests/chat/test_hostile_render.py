"""Hostile replies: no image syntax and no resource request makes the chat open a file, block or crash.

A file a reply points at is a FIFO: opening it for reading would block the window for good, so a
watcher thread checks whether anyone opened it (a non-blocking open for writing succeeds only while
a reader has it open) and, if so, releases the reader at once. The test is bounded either way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QScrollArea

from runyard_desktop.ui.chat.rich_text import MessageBody
from tests.chat.conftest import send
from tests.chat.test_chat_documents import PNG

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")


WATCHER = """
import errno, os, select, sys
log, paths = sys.argv[1], sys.argv[2:]
while not select.select([sys.stdin], [], [], 0.005)[0]:  # until the test closes our stdin
    for path in paths:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # ENXIO: nobody has it open for reading
                raise
            continue
        with open(log, "a") as out:
            out.write(path + "\\n")
        os.close(fd)  # the reader sees the end of the file and goes on
"""


class FifoWatch:
    """FIFOs whose readers are recorded and released by a separate process.

    A separate process, not a thread: a reader blocked in open() inside a Qt call holds Python's
    lock, so no thread of this process could run to release it. It runs until the test's teardown
    is over (closing a window may paint it once more).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.log = folder / "opened.log"
        self.log.write_text("")
        self._child: subprocess.Popen[bytes] | None = None

    def make(self, *names: str) -> list[str]:
        """Make the FIFOs and start watching them (call once)."""
        paths = [str(self.folder / name) for name in names]
        for path in paths:
            os.mkfifo(path)
        self._child = subprocess.Popen([sys.executable, "-c", WATCHER, str(self.log), *paths], stdin=subprocess.PIPE)
        return paths

    @property
    def opened(self) -> list[str]:
        return self.log.read_text().split()

    def stop(self) -> None:
        if self._child is not None:
            self._child.communicate(b"", timeout=30)


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[FifoWatch]:
    """Request it FIRST, so it is set up before the windows and stopped after they are closed."""
    watch = FifoWatch(tmp_path)
    yield watch
    watch.stop()


def image_count(body: MessageBody) -> int:
    count = 0
    block = body.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            count += it.fragment().charFormat().isImageFormat()
            it += 1
        block = block.next()
    return count


def hostile_reply(fifo: FifoWatch, png: Path) -> tuple[str, list[str]]:
    """A reply with every image form, each pointing at its own FIFO (and a real PNG, and a share)."""
    inline, ref, short, odd, lines, angle, html = fifo.make("inline", "ref", "short", "odd", "lines", "angle", "html")
    reply = (
        f"Inline ![inline pic]({inline}) here.\n\n"
        f"Reference ![ref pic][r] and shortcut ![short pic].\n\n"
        f"Odd alt ![a [nested] alt]({odd}) and ![first\nsecond](file://{lines}).\n\n"
        f'Angle ![angle pic](<{angle}> "title") and raw <img src="{html}"> and ![png pic][p] '
        "and ![unc pic](file://host/share/x.png).\n\n"
        f"[r]: file://{ref}\n[short pic]: {short}\n[p]: file://{png}\n"
    )
    expected = [
        f"[image: inline pic — {inline} not loaded]",
        f"[image: ref pic — file://{ref} not loaded]",
        f"[image: short pic — {short} not loaded]",
        f"[image: a [nested] alt — {odd} not loaded]",
        f"[image: first second — file://{lines} not loaded]",
        f"[image: angle pic — {angle} not loaded]",
        f'<img src="{html}">',
        f"[image: png pic — file://{png} not loaded]",
        "[image: unc pic — file://host/share/x.png not loaded]",
    ]
    return reply, expected


def test_every_image_form_in_a_reply_shows_as_text_and_opens_nothing(
    fifo: FifoWatch, open_chat, chat_fake, qtbot, tmp_path: Path
) -> None:
    png = tmp_path / "photo.png"
    png.write_bytes(PNG)
    reply, expected = hostile_reply(fifo, png)
    chat_fake.script_reply("qwen3.5:4b", content=[reply[:40], reply[40:]])
    window, pane = open_chat()
    send(qtbot, pane, "show me pictures")
    window.grab()  # lay out and paint now: that is when a document asks for its images
    widget = pane.view.last_widget()
    for body in widget.bodies:
        body.grab()
    text = " ".join(widget.text().split())
    # The stored reply, reopened as Chat does on the next start, behaves the same.
    window2, pane2 = open_chat()
    window2.grab()
    reopened = pane2.view.last_widget()
    for body in reopened.bodies:
        body.grab()
    assert fifo.opened == []
    for shown in expected:
        assert " ".join(shown.split()) in text
    assert all(image_count(body) == 0 for body in widget.bodies + reopened.bodies)  # the PNG is not displayed
    assert "<img" not in "".join(body.toHtml() for body in widget.bodies)
    assert " ".join(reopened.text().split()) == text


def test_the_view_answers_every_resource_request_with_a_placeholder(fifo: FifoWatch, qtbot) -> None:
    """Even an image that reaches the document some other way is never read from its file."""
    direct, url, qrc = fifo.make("direct", "url", "qrc")
    names = [direct, "file://" + url, "qrc:" + qrc]
    body = MessageBody()
    holder = QScrollArea()  # a fixed-size parent: the offscreen platform warns when a top level resizes itself
    holder.setWidgetResizable(True)
    holder.setWidget(body)
    qtbot.addWidget(holder)
    holder.resize(400, 200)
    holder.show()
    cursor = QTextCursor(body.document())
    for name in names:
        cursor.insertImage(name)
    holder.grab()
    assert fifo.opened == []
    image = body.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("file:///dev/zero"))
    assert isinstance(image, QImage) and not image.isNull() and image.size().width() == 1


DEV_ZERO = """
import os, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from runyard_desktop.ui.chat.rich_text import MessageBody
app = QApplication([])
body = MessageBody()
body.resize(400, 300)
body.show()
body.set_markdown(
    "![zero][z] ![inline](/dev/zero) ![unc](file://host/share/x.png)\\n\\n[z]: file:///dev/zero\\n"
)
body.grab()
print(body.plain_text())
"""


def test_dev_zero_in_a_reply_neither_crashes_nor_exhausts_memory() -> None:
    """In a child process with a 2 GB address-space cap: reading /dev/zero as an image would abort it."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", DEV_ZERO], cwd=root, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "[image: zero — file:///dev/zero not loaded]" in done.stdout
    assert "[image: inline — /dev/zero not loaded]" in done.stdout
    assert "[image: unc — file://host/share/x.png not loaded]" in done.stdout


TABLE = "| a | b | c | d |\n|---|---|---|---|\n" + "| 1 | 2 | 3 | 4 |\n" * 2_000
CODE_FLOOD = "".join(f"```\nx{i}\n```\n" for i in range(2_000))


def test_a_reply_beyond_the_rendering_budget_shows_as_plain_text_and_reopens_so(open_chat, chat_fake, qtbot) -> None:
    long_line = "y" * 100_000
    chat_fake.script_reply(
        "qwen3.5:4b", content=["Intro **bold**.\n\n", TABLE[:5000], TABLE[5000:], CODE_FLOOD, long_line]
    )
    _window, pane = open_chat()
    send(qtbot, pane, "loop please", timeout=30_000)
    widget = pane.view.last_widget()
    assert widget.plain and len(widget.bodies) >= 2
    text = widget.text()
    assert "Shown as plain text (too large to format)." in text
    assert "```" in text and "| 1 | 2 | 3 | 4 |" in text  # shown as typed, not formatted
    assert max(len(line) for line in text.split("\n")) <= 2_000  # in chunks
    assert sum(len(b.code_blocks()) for b in widget.bodies) == 0  # no code frame was built
    _window2, pane2 = open_chat()  # reopening: the stored reply is plain from the start
    reopened = pane2.view.last_widget()
    assert reopened.plain and "Shown as plain text (too large to format)." in reopened.text()
    assert "Intro **bold**." in reopened.text() and max(len(x) for x in reopened.text().split("\n")) <= 2_000


def test_a_reply_within_the_budget_is_still_formatted(open_chat, chat_fake, qtbot) -> None:
    chat_fake.script_reply(
        "qwen3.5:4b", content=["Intro **bold**.\n\n", "```py\nx = 1\n```\n", "| a |\n|---|\n| 1 |\n"]
    )
    _window, pane = open_chat()
    send(qtbot, pane, "hello")
    widget = pane.view.last_widget()
    assert not widget.plain and "**" not in widget.text() and widget.code_blocks() == [("py", "x = 1")]
