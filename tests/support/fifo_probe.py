"""A FIFO that counts who opens it: the test of "nothing is loaded for a label".

Qt reads an `<img src=…>` in rich text from disk at once, on the GUI thread. A FIFO as that path
would block the window for good; here a small shell loop keeps opening the FIFO for writing (which
waits for a reader), writes one mark to a count file while it holds it, then closes it: a reader
gets an empty file at once (nothing hangs) and every open is counted. Because a reader only sees
end-of-file after the close, which follows the mark, the count is complete whenever the opening
call has returned. A shell (not a thread) holds the writing end: the GUI thread keeps the GIL while
Qt reads, so a Python thread could never answer.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

_LOOP = 'while :; do exec 3>"$1"; printf x; exec 3>&-; done'


class FifoProbe:
    """`path`: the FIFO; `src`: an `<img>` source naming it with no slash (`&#47;`, as a file name can);
    `opens()`: how many times something opened it for reading."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "probe.fifo"
        os.mkfifo(self.path)
        self._count = folder / "probe.count"
        with self._count.open("wb") as out:
            self._proc = subprocess.Popen(["sh", "-c", _LOOP, "sh", str(self.path)], stdout=out)

    @property
    def img(self) -> str:
        """An image tag that reads the FIFO, written without a slash (legal in a file name)."""
        return f'<img src="{str(self.path).replace("/", "&#47;")}">'

    @property
    def short_img(self) -> str:
        """The same, relative to the FIFO's folder (Qt reads a relative source from the working
        folder): short enough for a conversation title."""
        return f"<img src={self.path.name}>"

    def opens(self) -> int:
        return len(self._count.read_bytes())

    def close(self) -> None:
        reader = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)  # lets a pending open return
        try:
            self._proc.kill()
            self._proc.wait(timeout=5)
        finally:
            os.close(reader)


@pytest.fixture
def fifo_probe(tmp_path: Path) -> Iterator[FifoProbe]:
    probe = FifoProbe(tmp_path)
    yield probe
    probe.close()
