"""Models (qtmodeltester), the Ollama status strip and first-run card per state, Settings, theme."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QTableView

from runyard_desktop.core.downloads.preflight import PreflightIssue
from runyard_desktop.core.ollama.types import (
    InstalledModel,
    LoadedModel,
    OllamaStatus,
    PullPhase,
    PullState,
    PullStatus,
    ServerState,
)
from runyard_desktop.models.download_model import DownloadListModel
from runyard_desktop.models.installed_model import installed_models_model, loaded_models_model
from runyard_desktop.ui.chat.composer import ChatInput
from runyard_desktop.ui.models.first_run import FirstRunBanner
from runyard_desktop.ui.models.models_view import ModelsView
from runyard_desktop.ui.ollama_status import OllamaStatusBar, status_words
from runyard_desktop.ui.settings.settings_dialog import SettingsDialog
from runyard_desktop.ui.theme import apply_theme


def test_download_list_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = DownloadListModel()
    model.update(PullState("qwen3.5:4b", PullStatus.RUNNING, PullPhase.DOWNLOADING, completed=5, total=10))
    model.update(PullState("qwen3.5:9b", PullStatus.QUEUED))
    model.update(PullState("qwen3.5:4b", PullStatus.DONE, PullPhase.DONE, completed=10, total=10))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2 and model.active_count() == 1
    model.clear_finished()
    assert model.rowCount() == 1
    first = model.state(0)
    assert first is not None and first.tag == "qwen3.5:9b"
    qtmodeltester.check(model, force_py=True)


def test_installed_and_loaded_models_pass_qtmodeltester(qtmodeltester) -> None:
    installed = installed_models_model()
    installed.set_rows(
        [
            InstalledModel(
                "llama3.2:3b",
                2_000_000_000,
                modified_at="2026-11-01T10:00:00+00:00",
                quantization="Q4_K_M",
                parameter_size="3.2B",
                family="llama",
            )
        ]
    )
    qtmodeltester.check(installed, force_py=True)
    loaded = loaded_models_model()
    loaded.set_rows([LoadedModel("qwen3.5:4b", 4 * 2**30, 2**30, context_length=8192)])
    qtmodeltester.check(loaded, force_py=True)
    assert loaded.index(0, 2).data() == "25 % (1.0 GiB)" and loaded.index(0, 3).data() == "8,192 tokens"


def _status(state: ServerState, **kw) -> OllamaStatus:
    return OllamaStatus(state, host=kw.pop("host", "http://127.0.0.1:11434"), **kw)


def test_status_words_give_a_next_step_for_each_state() -> None:
    linux = "linux"
    assert status_words(_status(ServerState.NOT_INSTALLED), linux).action == "Get Ollama for Linux"
    assert status_words(_status(ServerState.NOT_INSTALLED), "darwin").action == "Get Ollama for macOS"
    assert status_words(_status(ServerState.NOT_INSTALLED), linux).check_again
    assert status_words(_status(ServerState.STOPPED), linux).action == "Start Ollama"
    assert status_words(_status(ServerState.STARTING), linux).busy
    too_old = status_words(_status(ServerState.TOO_OLD, version="0.12.6"), linux)
    assert too_old.action == "Update Ollama (Qwen3.5 needs 0.17.1 or newer)" and "0.12.6" in too_old.text
    remote = status_words(_status(ServerState.RUNNING, host="http://10.0.0.5:11434", is_remote=True, version="0.18.0"))
    assert remote.text == (
        "Connected to Ollama at http://10.0.0.5:11434 over plain http (unencrypted): your prompts and documents"
        " go to that computer; verdicts describe this one"
    )
    secure = status_words(
        _status(ServerState.RUNNING, host="https://gpu.example:443", is_remote=True, version="0.18.0")
    )
    assert "unencrypted" not in secure.text and "go to that computer" in secure.text
    assert remote.action_key == "hardware"


def test_status_strip_forwards_the_next_step(qtbot) -> None:
    strip = OllamaStatusBar()
    qtbot.addWidget(strip)
    strip.set_status(_status(ServerState.NOT_INSTALLED))
    label = strip.findChild(QLabel, "ollamaStatus")
    assert label is not None and label.text().startswith("Ollama is not installed")
    with qtbot.waitSignal(strip.open_url_requested) as url:
        qtbot.mouseClick(strip.action, Qt.MouseButton.LeftButton)
    assert url.args[0].startswith("https://ollama.com/download")
    with qtbot.waitSignal(strip.check_requested):
        qtbot.mouseClick(strip.check, Qt.MouseButton.LeftButton)
    strip.set_status(_status(ServerState.STOPPED))
    with qtbot.waitSignal(strip.start_requested):
        qtbot.mouseClick(strip.action, Qt.MouseButton.LeftButton)
    strip.set_status(_status(ServerState.RUNNING, host="http://10.0.0.5:11434", is_remote=True))
    with qtbot.waitSignal(strip.hardware_requested):
        qtbot.mouseClick(strip.action, Qt.MouseButton.LeftButton)


def test_not_installed_window_guides_first_run_and_views_still_work(qtbot, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no `ollama` anywhere on PATH
    from runyard_desktop.app import create_main_window

    window = create_main_window(host="http://127.0.0.1:9")
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.services.pages.ollama.status.state is ServerState.NOT_INSTALLED, timeout=10_000)
        banner = window.findChild(FirstRunBanner, "firstRunBanner")
        assert banner is not None and banner.isVisibleTo(window.page("models"))
        assert banner.primary.text() == "Get Ollama for Linux"
        opened: list[str] = []

        def open_url(url: str) -> bool:
            opened.append(url)
            return True

        window.downloads.open_url = open_url
        qtbot.mouseClick(banner.primary, Qt.MouseButton.LeftButton)
        assert opened == ["https://ollama.com/download/linux"]
        status = window.findChild(QLabel, "ollamaStatus")
        assert status is not None and "not installed" in status.text()
        table = window.findChild(QTableView, "modelTable")
        assert table is not None and table.model().rowCount() > 0
        asked: list[PreflightIssue] = []

        def ask(issue: PreflightIssue) -> str:
            asked.append(issue)
            return "proceed"

        window.downloads.ask = ask
        models = window.page("models")
        assert isinstance(models, ModelsView)
        models.select_tag("qwen3.5:0.8b")
        qtbot.mouseClick(window.findChild(QPushButton, "downloadButton"), Qt.MouseButton.LeftButton)
        assert asked and asked[0].title == "Ollama is not ready"
    finally:
        window.close()


def test_settings_dialog_saves_and_applies_context_and_theme(open_window, qtbot) -> None:
    window = open_window()
    assert window.settings_action.isVisible()
    core, pages = window.services.core, window.services.pages
    dialog = SettingsDialog(
        core.settings.current, current_host=pages.ollama_host, data_dir=core.paths.data, log_dir=core.paths.logs
    )
    qtbot.addWidget(dialog)
    log_dir = dialog.findChild(QLabel, "logDirLabel")
    assert log_dir is not None and str(core.paths.logs) in log_dir.text()
    context_combo = dialog.findChild(QComboBox, "defaultContextCombo")
    theme_combo = dialog.findChild(QComboBox, "themeCombo")
    assert context_combo is not None and theme_combo is not None
    context_combo.setCurrentIndex(3)  # 16K
    theme_combo.setCurrentIndex(2)  # dark
    new = dialog.result_settings()
    assert new.default_context == 16384 and new.theme == "dark"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old_palette, old_style = app.palette(), app.style().name()
    try:
        window.downloads.apply_settings(new)
        assert window.page("models").context_length() == 16384
        assert json.loads(core.paths.settings_file.read_text())["theme"] == "dark"
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    finally:
        apply_theme("system")
        app.setPalette(old_palette)
        app.setStyle(old_style)


def test_enter_sends_setting_applies_to_the_open_chat(open_window, qtbot) -> None:
    from PySide6.QtWidgets import QCheckBox

    window = open_window()
    core, pages = window.services.core, window.services.pages
    dialog = SettingsDialog(
        core.settings.current, current_host=pages.ollama_host, data_dir=core.paths.data, log_dir=core.paths.logs
    )
    qtbot.addWidget(dialog)
    box = dialog.findChild(QCheckBox, "enterSendsCheckBox")
    assert box is not None and box.isChecked()
    box.setChecked(False)
    window.downloads.apply_settings(dialog.result_settings())
    assert json.loads(core.paths.settings_file.read_text())["enter_sends"] is False
    chat_input = window.findChild(ChatInput, "chatInput")
    assert chat_input is not None
    assert chat_input.enter_sends is False
    chat_input.setFocus()
    qtbot.keyClicks(chat_input, "two")
    qtbot.keyClick(chat_input, Qt.Key.Key_Return)  # now a new line, not a send
    qtbot.keyClicks(chat_input, "lines")
    assert chat_input.toPlainText() == "two\nlines"


def test_remote_server_offers_to_type_that_computers_hardware(open_window, qtbot) -> None:
    from runyard_desktop.ui.models.whatif_editor import CUSTOM

    window = open_window()
    strip = window.downloads.status_bar
    strip.set_status(_status(ServerState.RUNNING, host="http://10.0.0.5:11434", is_remote=True, version="0.18.0"))
    assert window.findChild(QLabel, "ollamaStatus").text() == (
        "Connected to Ollama at http://10.0.0.5:11434 over plain http (unencrypted): your prompts and documents"
        " go to that computer; verdicts describe this one"
    )
    window.show_page("chat")
    qtbot.mouseClick(strip.action, Qt.MouseButton.LeftButton)
    view = window.page("models")
    assert window.current_page() == "models"
    assert view.what_if_editor.preset.currentText() == CUSTOM and view.is_what_if()
