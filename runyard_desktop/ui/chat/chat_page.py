"""Builds the Chat page's pane from objects the composition root made (`app.AppWindow`, once: on the
page's first visit in the app, at once for tests).

The root builds the history store, the conversation controller and the fit advisor
(`tasks/app_services.ChatPageServices`); this wires the pane to them and to the Ollama service and
hardware detection (see docs/dev/service-api.md and docs/dev/chat-api.md). It builds no store,
service or controller.
"""

from __future__ import annotations

from runyard_desktop.core.appdata.settings import Settings
from runyard_desktop.core.chat.fit_advisor import ChatFitAdvisor
from runyard_desktop.tasks.conversation_controller import ConversationController
from runyard_desktop.tasks.hardware_service import HardwareService
from runyard_desktop.tasks.ollama_service import OllamaService
from runyard_desktop.ui.chat.chat_pane import ChatPane


def build_chat_page(
    conversations: ConversationController,
    fit: ChatFitAdvisor,
    settings: Settings,
    *,
    ollama: OllamaService,
    hardware: HardwareService,
) -> ChatPane:
    """The chat pane on `conversations`, with the settings of this moment; the root shuts the controller
    down when the window closes."""
    pane = ChatPane(
        conversations,
        fit,
        enter_sends=settings.enter_sends,
        default_temperature=settings.default_temperature,
    )
    ollama.installed_models_changed.connect(pane.set_installed_models)
    ollama.status_changed.connect(pane.set_ollama_status)
    ollama.operation_failed.connect(pane.listing_failed)
    pane.set_ollama_status(ollama.status)
    if ollama.installed_models:  # built on first visit: the listing may have come already
        pane.set_installed_models(ollama.installed_models)
    elif ollama.status.is_usable:  # it may have come empty: ask again, so a Send does not wait forever
        ollama.refresh_installed()
    ollama.model_info_ready.connect(pane.set_model_info)
    hardware.profile_changed.connect(pane.set_model_info)
    pane.model_info_needed.connect(ollama.show)
    pane.request_model_info()
    return pane
