"""The conversation list: model sanity, new/rename/delete with Undo, search by title and content."""

from __future__ import annotations

from PySide6.QtWidgets import QListView, QWidget

from runyard_desktop.core.chat.conversation import Conversation
from runyard_desktop.models.conversation_model import ConversationFilterProxy, ConversationListModel
from tests.chat.conftest import send


def test_models_pass_the_model_tester(qtmodeltester) -> None:
    model = ConversationListModel()
    model.set_conversations([Conversation(id=i, title=f"chat {i}", model="m", updated_at=1e9 + i) for i in range(5)])
    qtmodeltester.check(model)
    proxy = ConversationFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("chat 3", {1})
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2


def test_new_rename_delete_undo_and_search(open_chat, chat_fake, qtbot, monkeypatch) -> None:
    chat_fake.script_reply("qwen3.5:4b", content=["Lisbon is lovely."])
    window, pane = open_chat()
    listing = window.findChild(QListView, "conversationList")
    send(qtbot, pane, "Trip ideas")
    pane.sidebar.new_button.click()
    send(qtbot, pane, "Tax question")
    assert listing.model().rowCount() == 2
    assert listing.currentIndex().data() == "Tax question"

    pane.sidebar.search.setText("lisbon")  # matches a reply's content, not a title
    assert listing.model().rowCount() == 2
    pane.sidebar.search.setText("trip")
    assert listing.model().rowCount() == 1 and listing.model().index(0, 0).data() == "Trip ideas"
    pane.sidebar.search.clear()

    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Taxes 2026", True))
    pane.sidebar.rename_action.trigger()
    assert pane.controller.current.title == "Taxes 2026" and pane.title.text() == "Taxes 2026"

    deleted_id = pane.controller.current.id
    pane.sidebar.delete_action.trigger()
    assert listing.model().rowCount() == 1
    assert pane.controller.current.title == "Trip ideas"  # the next conversation opens
    assert pane.view.texts()[0].strip() == "Trip ideas"
    undo = pane.sidebar.findChild(QWidget, "undoDeleteButton")
    assert undo.isVisibleTo(pane) and "Taxes 2026" in pane.sidebar.undo_label.text()
    undo.click()
    assert listing.model().rowCount() == 2
    pane.controller.open(deleted_id)
    assert next(m.content for m in pane.controller.messages) == "Tax question"

    listing.setCurrentIndex(listing.model().index(1, 0))
    assert pane.controller.current.title == "Trip ideas"
    assert pane.view.texts()[0].strip() == "Trip ideas"
