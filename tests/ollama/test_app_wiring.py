"""The composition root builds the Ollama services for the resolved host and checks the server at start."""

from __future__ import annotations

import sys

from runyard_desktop.core.appdata import settings as settings_store
from runyard_desktop.core.ollama.types import ServerState
from runyard_desktop.core.appdata.paths import app_paths


def test_window_services_talk_to_the_given_host(fake_ollama, qtbot) -> None:  # type: ignore[no-untyped-def]
    from runyard_desktop.app import create_main_window

    window = create_main_window(host=fake_ollama.url.removeprefix("http://"))
    qtbot.addWidget(window)
    services = window.services
    assert services.ollama_host == fake_ollama.url
    qtbot.waitUntil(lambda: services.ollama.status.state is ServerState.RUNNING, timeout=10_000)
    assert services.pulls.client.host == services.chat.client.host == fake_ollama.url
    window.close()


def test_settings_host_wins_over_the_environment(fake_ollama, qtbot) -> None:  # type: ignore[no-untyped-def]
    from runyard_desktop.app import create_main_window

    paths = app_paths().ensure()
    settings_store.save(settings_store.Settings(ollama_host=f"0.0.0.0:{fake_ollama.port}"), paths.settings_file)
    window = create_main_window()
    qtbot.addWidget(window)
    assert window.services.ollama_host == fake_ollama.url
    window.close()


def test_importing_the_services_does_not_import_ollama() -> None:
    import subprocess

    code = ("import sys, runyard_desktop.app, runyard_desktop.tasks.ollama_wiring; "
            "print('ollama' in sys.modules, 'httpx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert out.stdout.split() == ["False", "False"], out.stderr
