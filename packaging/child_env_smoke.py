"""Frozen smoke: the Ollama the bundle starts sees the user's environment, not the bundle's.

    python packaging/child_env_smoke.py dist/Runyard/Runyard

Runs `Runyard serve` — the window's Start path, from the terminal — with a fake `ollama` first on PATH.
The fake writes the environment it was given to a file, then runs the stand-in server (tests/support) on
$OLLAMA_HOST's port, so the frozen app sees a real start, says so, and stops it on Ctrl-C. The run starts
with LD_LIBRARY_PATH set to a marker, which PyInstaller's bootloader saves in LD_LIBRARY_PATH_ORIG before
putting the bundle first. Fails (exit 1) when any value the child sees names the bundle's folder, when its
LD_LIBRARY_PATH is not the marker, or when the bootloader's or Qt's variables reach it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = "/opt/runyard-smoke/original-lib"
FORBIDDEN = ("LD_LIBRARY_PATH_ORIG", "QT_PLUGIN_PATH", "QML2_IMPORT_PATH")


def _fake_ollama(folder: Path, env_file: Path) -> None:
    fake = folder / "ollama"
    dump = f"import json, os; json.dump(dict(os.environ), open({str(env_file)!r}, 'w'))"
    fake.write_text(
        "#!/bin/sh\n"
        '[ "$1" = serve ] || exit 2\n'
        f'"{sys.executable}" -c "{dump}"\n'
        f'cd "{ROOT}" && exec "{sys.executable}" -m tests.support.fake_ollama --port "${{OLLAMA_HOST##*:}}"\n'
    )
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)


def _unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_serve(frozen: Path, folder: Path) -> str:
    """`Runyard serve` until it says the server answers, then Ctrl-C; returns what it printed."""
    url = f"http://127.0.0.1:{_unused_port()}"
    env = dict(os.environ, PATH=f"{folder}{os.pathsep}{os.environ.get('PATH', '')}", LD_LIBRARY_PATH=MARKER)
    env["RUNYARD_HOME"] = str(folder / "home")
    proc = subprocess.Popen(
        [str(frozen), "serve", "--host", url], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert proc.stdout is not None
    try:
        first = proc.stdout.readline()
        if "Ollama serves at" in first:
            proc.send_signal(signal.SIGINT)
        rest, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return first + rest


def problems(seen: dict[str, str], bundle: Path) -> list[str]:
    """What of the bundle reached the child (empty when nothing did)."""
    roots = {str(bundle), str(bundle.resolve())}
    found = [f"{name}={value}" for name, value in seen.items() if any(root in value for root in roots)]
    found += [f"{name} is set" for name in seen if name in FORBIDDEN or name.startswith("_PYI_")]
    if seen.get("LD_LIBRARY_PATH") != MARKER:
        found.append(f"LD_LIBRARY_PATH is {seen.get('LD_LIBRARY_PATH')!r}, not the original {MARKER!r}")
    return found


def main(argv: list[str]) -> int:
    frozen = Path(argv[1] if len(argv) > 1 else "dist/Runyard/Runyard").resolve()
    bundle = frozen.parent / "_internal"
    with tempfile.TemporaryDirectory(prefix="runyard-child-env-") as tmp:
        folder = Path(tmp)
        env_file = folder / "ollama-env.json"
        _fake_ollama(folder, env_file)
        printed = _run_serve(frozen, folder)
        if not env_file.exists():
            print(f"the frozen app never started the fake ollama; it printed:\n{printed}")
            return 1
        found = problems(json.loads(env_file.read_text()), bundle)
    if "Stopped Ollama." not in printed:
        found.append(f"`serve` did not start and stop the server; it printed:\n{printed}")
    for problem in found:
        print(f"child environment: {problem}")
    if not found:
        print(f"ok: the ollama started by {frozen.name} saw no {bundle.name} path and LD_LIBRARY_PATH={MARKER}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
