"""The guards in tests/conftest.py: what would hang the run or reach outside fails the test instead."""

from __future__ import annotations

import socket
import threading

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from runyard_desktop.core.downloads.preflight import CheckLevel, PreflightIssue
from runyard_desktop.ui.downloads import download_dialogs


def test_a_modal_dialog_fails_instead_of_waiting_forever(qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    with pytest.raises(AssertionError, match="modal dialog"):
        dialog.exec()
    with pytest.raises(AssertionError, match="modal dialog"):
        QMessageBox.question(None, "Delete?", "Really?")
    with pytest.raises(AssertionError, match="modal dialog"):
        QFileDialog.getOpenFileNames(None, "Attach")


def test_the_apps_own_question_hits_the_guard(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    issue = PreflightIssue(CheckLevel.CONFIRM, "qwen3.5:9b won't fit", "Needs more memory.")
    with pytest.raises(AssertionError, match="modal dialog"):
        download_dialogs.ask_preflight(parent, issue)


def test_only_loopback_is_reachable() -> None:
    with socket.socket() as s, pytest.raises(RuntimeError, match="only loopback"):
        s.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed


def test_a_runner_left_running_is_caught_by_the_thread_guard(qtbot) -> None:
    from runyard_desktop.tasks.runner import TaskRunner
    from tests.conftest import leaked_threads

    before = set(threading.enumerate())
    runner = TaskRunner()
    try:
        handle = runner.run_blocking(threading.current_thread, name="which-thread")
        with qtbot.waitSignal(handle.finished) as blocking:
            pass
        assert blocking.args[0].name.startswith("runyard-io")  # the blocking call ran on the executor
        leaked = leaked_threads(before, grace_s=0.05)
        assert "runyard-loop" in leaked
        assert blocking.args[0].name in leaked  # the idle executor thread counts as a leak too
    finally:
        runner.shutdown()
    # Shut down, both the loop and the executor's threads end (the guard waits for them to finish).
    assert leaked_threads(before) == []


def test_a_blocking_call_that_outlives_its_runner_is_caught(qtbot) -> None:
    from runyard_desktop.tasks.runner import TaskRunner
    from tests.conftest import leaked_threads

    before = set(threading.enumerate())
    release = threading.Event()
    runner = TaskRunner()
    started = threading.Event()

    def stuck() -> None:
        started.set()
        release.wait()

    handle = runner.run_blocking(stuck, name="stuck")
    try:
        assert started.wait(5)
        with qtbot.waitSignal(handle.cancelled):
            runner.shutdown()  # joins the loop thread; the executor's thread is still in the blocking call
        leaked = leaked_threads(before, grace_s=0.05)
        assert leaked and all(name.startswith("runyard-io") for name in leaked)
    finally:
        release.set()
    assert leaked_threads(before) == []
