"""The guards in tests/conftest.py: what would hang the run or reach outside fails the test instead."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from runyard_desktop.core.downloads.preflight import CheckLevel, PreflightIssue
from runyard_desktop.ui.downloads import download_dialogs


def test_a_modal_dialog_fails_instead_of_waiting_forever(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    with pytest.raises(AssertionError, match="modal dialog"):
        dialog.exec()
    with pytest.raises(AssertionError, match="modal dialog"):
        QMessageBox.question(None, "Delete?", "Really?")
    with pytest.raises(AssertionError, match="modal dialog"):
        QFileDialog.getOpenFileNames(None, "Attach")


def test_the_apps_own_question_hits_the_guard(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    issue = PreflightIssue(CheckLevel.CONFIRM, "qwen3.5:9b won't fit", "Needs more memory.")
    with pytest.raises(AssertionError, match="modal dialog"):
        download_dialogs.ask_preflight(parent, issue)


def test_only_loopback_is_reachable() -> None:
    with socket.socket() as s, pytest.raises(RuntimeError, match="only loopback"):
        s.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed
