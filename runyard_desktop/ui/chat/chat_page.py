"""Builds the Chat page from the app's services (called once, by `app.create_main_window` or on the
page's first visit in the app).

Kept here so the composition root stays a two-line change: the history store, the conversation
controller, the fit advisor and the pane, wired to `services.ollama` / `services.chat` /
`services.hardware` (see docs/dev/service-api.md and docs/dev/chat-api.md).
"""

from __future__ import annotations

from typing import Any

from runyard_desktop.core.chat.fit_advisor import ChatFitAdvisor
from runyard_desktop.core.chat.history import HistoryStore
from runyard_desktop.tasks.conversation_controller import ConversationController
from runyard_desktop.ui.chat.chat_pane import ChatPane


def _load_catalogue() -> Any:
    from runyard_desktop.core.fit.catalogue import load_catalogue  # on first use, not at start-up

    return load_catalogue()


def build_chat_page(services: Any) -> ChatPane:
    """The chat pane with its controller; `pane.shutdown()` must run when the window closes."""
    settings = services.settings
    store = HistoryStore(services.paths.history_db)
    controller = ConversationController(
        store, services.chat, settings=settings, model_info=services.ollama.model_info
    )
    fit = ChatFitAdvisor(_load_catalogue, lambda: services.hardware.profile, settings.kv_cache_type)
    pane = ChatPane(
        controller,
        enter_sends=settings.enter_sends,
        default_temperature=settings.default_temperature,
        fit=fit,
    )
    services.ollama.installed_models_changed.connect(pane.set_installed_models)
    if services.ollama.installed_models:  # built on first visit: the listing may have come already
        pane.set_installed_models(services.ollama.installed_models)
    services.ollama.model_info_ready.connect(pane.set_model_info)
    services.hardware.profile_changed.connect(pane.set_model_info)
    pane.model_info_needed.connect(services.ollama.show)
    pane.request_model_info()
    services.history = store
    services.conversations = controller
    return pane
