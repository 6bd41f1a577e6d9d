"""Async protocol client over the official `ollama.AsyncClient`, with every failure made an OllamaError.

One `OllamaClient` per host; every operation opens its own `AsyncClient` (so each cancellable stream
has its own connection, and cancelling the task that iterates a stream closes that socket at once).
Timeouts: a finite connect, no read limit (a model load sends no bytes for minutes; pulls pause at
the registry) — stalls are caught by the pull watchdog instead. `ollama` and `httpx` are imported
lazily here, on the loop thread, never on the path to the first paint.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any

from runyard_desktop.core.ollama.errors import OllamaError, translate
from runyard_desktop.core.ollama.types import ChatRequest, InstalledModel, LoadedModel, ModelInfo

CONNECT_TIMEOUT_S = 3.0


@dataclass(frozen=True)
class Probe:
    """Result of a readiness probe: 'answering' (with version), 'refused', or 'hanging' (TCP ok, no answer)."""

    outcome: str
    version: str | None = None


def _timeout(connect: float) -> Any:
    import httpx

    return httpx.Timeout(connect=connect, read=None, write=30.0, pool=connect)


class OllamaClient:
    """Stateless façade; safe to share between coroutines on the loop thread."""

    def __init__(self, host: str, *, connect_timeout: float = CONNECT_TIMEOUT_S) -> None:
        self.host = host
        self.connect_timeout = connect_timeout
        self.server_version: str | None = None  # last version seen, for error messages

    # -- plumbing -----------------------------------------------------------------------------

    def _new(self) -> Any:
        import ollama

        return ollama.AsyncClient(host=self.host, timeout=_timeout(self.connect_timeout))

    def _err(
        self, exc: BaseException, model: str | None = None, *, mid_stream: bool = False, operation: str = ""
    ) -> OllamaError:
        return translate(exc, host=self.host, model=model, installed_version=self.server_version, mid_stream=mid_stream,
                         operation=operation)

    # -- health ---------------------------------------------------------------------------------

    async def probe(self, timeout: float = 2.0) -> Probe:
        """HEAD-free readiness check: GET /api/version with a total time limit.

        A server that is still starting accepts TCP connections but answers nothing (the request
        waits in the accept backlog), so a plain connect is not enough.
        """
        import httpx

        try:
            async with httpx.AsyncClient(base_url=self.host, timeout=httpx.Timeout(timeout)) as http:
                response = await asyncio.wait_for(http.get("/api/version"), timeout + 0.5)
        except (httpx.ConnectError, ConnectionRefusedError, httpx.ConnectTimeout):
            return Probe("refused")
        except (httpx.TimeoutException, asyncio.TimeoutError):
            return Probe("hanging")
        except (httpx.HTTPError, OSError):
            return Probe("refused")
        version = None
        with contextlib.suppress(ValueError, AttributeError):
            version = str(response.json().get("version"))
        if response.status_code == 200 and version:
            self.server_version = version
            return Probe("answering", version)
        # Something answers HTTP but it is not a (recent) Ollama.
        return Probe("answering", None)

    async def version(self) -> str:
        probe = await self.probe(timeout=self.connect_timeout)
        if probe.outcome != "answering":
            from runyard_desktop.core.ollama.errors import not_running

            raise not_running(self.host, probe.outcome)
        return probe.version or "0.0.0"

    # -- listings ---------------------------------------------------------------------------------

    async def list_models(self) -> tuple[InstalledModel, ...]:
        try:
            async with self._new() as client:
                response = await client.list()
        except Exception as exc:  # noqa: BLE001 - translated once, here
            raise self._err(exc) from exc
        return tuple(_installed(m) for m in response.models)

    async def loaded_models(self) -> tuple[LoadedModel, ...]:
        try:
            async with self._new() as client:
                response = await client.ps()
        except Exception as exc:  # noqa: BLE001
            raise self._err(exc) from exc
        return tuple(
            LoadedModel(
                name=str(m.model or m.name or ""),
                size=int(m.size or 0),
                size_vram=int(m.size_vram or 0),
                context_length=getattr(m, "context_length", None),
                expires_at=m.expires_at.isoformat() if m.expires_at else "",
            )
            for m in response.models
        )

    async def show(self, model: str) -> ModelInfo:
        try:
            async with self._new() as client:
                response = await client.show(model)
        except Exception as exc:  # noqa: BLE001
            raise self._err(exc, model) from exc
        info: Mapping[str, Any] = response.modelinfo or {}
        arch = str(info.get("general.architecture") or "")
        ctx = info.get(f"{arch}.context_length") if arch else None
        details = response.details
        return ModelInfo(
            name=model,
            capabilities=tuple(response.capabilities) if response.capabilities is not None else None,
            context_length=int(ctx) if isinstance(ctx, (int, float)) else None,
            architecture=arch,
            family=(details.family or "") if details else "",
            parameter_size=(details.parameter_size or "") if details else "",
            quantization=(details.quantization_level or "") if details else "",
        )

    async def delete(self, model: str) -> None:
        try:
            async with self._new() as client:
                await client.delete(model)
        except Exception as exc:  # noqa: BLE001
            raise self._err(exc, model) from exc

    async def unload(self, model: str) -> None:
        """Ask the server to free the model's memory now (empty chat with keep_alive 0)."""
        try:
            async with self._new() as client:
                await client.chat(model=model, messages=[], keep_alive=0)
        except Exception as exc:  # noqa: BLE001
            raise self._err(exc, model) from exc

    # -- streams ----------------------------------------------------------------------------------

    async def pull(self, model: str) -> AsyncIterator[tuple[str, str | None, int | None, int | None]]:
        """Yield (status, digest, total, completed) per line. Raises OllamaError; cancel to stop."""
        started = False
        try:
            async with self._new() as client:
                stream = await client.pull(model, stream=True)
                async for line in stream:
                    started = True
                    yield (line.status or "", line.digest, line.total, line.completed)
                    if line.status == "success":
                        return  # nothing follows; do not wait on a server that keeps the stream open
        except (OllamaError, asyncio.CancelledError, GeneratorExit):
            raise
        except Exception as exc:  # noqa: BLE001
            raise self._err(exc, model, mid_stream=started, operation="pull") from exc

    async def chat(self, request: ChatRequest, *, think: bool | str | None) -> AsyncIterator[Any]:
        """Yield ollama ChatResponse chunks for `request` (with `think` as decided by the caller)."""
        started = False
        try:
            async with self._new() as client:
                stream = await client.chat(
                    model=request.model,
                    messages=[_message(m) for m in request.messages],
                    stream=True,
                    think=think,
                    options=chat_options(request) or None,
                    keep_alive=request.keep_alive,
                )
                async for chunk in stream:
                    started = True
                    yield chunk
        except (OllamaError, asyncio.CancelledError, GeneratorExit):
            raise
        except Exception as exc:  # noqa: BLE001
            raise self._err(exc, request.model, mid_stream=started) from exc


def chat_options(request: ChatRequest) -> dict[str, object]:
    options: dict[str, object] = dict(request.extra_options)
    if request.num_ctx is not None:
        options["num_ctx"] = int(request.num_ctx)
    if request.temperature is not None:
        options["temperature"] = float(request.temperature)
    if request.seed is not None:
        options["seed"] = int(request.seed)
    return options


def _message(m: Any) -> dict[str, object]:
    out: dict[str, object] = {"role": m.role, "content": m.content}
    if m.images:
        out["images"] = list(m.images)
    if m.thinking:
        out["thinking"] = m.thinking
    return out


def _installed(m: Any) -> InstalledModel:
    details = m.details
    return InstalledModel(
        name=str(m.model or ""),
        size=int(m.size or 0),
        digest=str(m.digest or ""),
        modified_at=m.modified_at.isoformat() if m.modified_at else "",
        family=(details.family or "") if details else "",
        parameter_size=(details.parameter_size or "") if details else "",
        quantization=(details.quantization_level or "") if details else "",
    )
