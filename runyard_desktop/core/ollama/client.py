"""Async protocol client over the official `ollama.AsyncClient`, with every failure made an OllamaError.

One `OllamaClient` per host; every operation opens its own `AsyncClient` (so each cancellable stream
has its own connection, and cancelling the task that iterates a stream closes that socket at once).
Timeouts: a finite connect, no read limit (a model load sends no bytes for minutes; pulls pause at
the registry) — stalls are caught by the pull watchdog instead. `ollama` and `httpx` are imported
lazily here, on the loop thread, never on the path to the first paint.

The probe, /api/tags and /api/ps run right after the first paint and are small GETs, so they use
the standard-library `http_get` instead (httpx, ollama and pydantic cost ~32 MiB and ~0.3 s to
import); they parse the JSON into the same values the ollama client's models gave.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncGenerator, AsyncIterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from runyard_desktop.core.ollama import bounds
from runyard_desktop.core.ollama.bounds import TooLarge, checked_count, too_large_error
from runyard_desktop.core.ollama.errors import ErrorKind, OllamaError, from_server_text, malformed, translate
from runyard_desktop.core.ollama.http_get import ConnectTimeout, Reply, ReplyTooLarge, get_json
from runyard_desktop.core.ollama.types import ChatRequest, InstalledModel, LoadedModel, ModelInfo

CONNECT_TIMEOUT_S = 3.0
LISTING_TIMEOUT_S = 30.0  # /api/tags and /api/ps, all of it; they answer in milliseconds even mid-pull


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

    def _new(self, *, reply_limit: int | None = None) -> Any:
        """An `ollama.AsyncClient` bounded as bounds.py says (`reply_limit`: a whole NDJSON stream's bytes)."""
        import ollama

        hooks = bounds.bounding_hooks(reply_limit=reply_limit)
        return ollama.AsyncClient(host=self.host, timeout=_timeout(self.connect_timeout), event_hooks=hooks)

    def _err(
        self, exc: BaseException, model: str | None = None, *, mid_stream: bool = False, operation: str = ""
    ) -> OllamaError:
        return translate(
            exc,
            host=self.host,
            model=model,
            installed_version=self.server_version,
            mid_stream=mid_stream,
            operation=operation,
        )

    # -- health ---------------------------------------------------------------------------------

    async def probe(self, timeout: float = 2.0) -> Probe:
        """HEAD-free readiness check: GET /api/version with a total time limit.

        A server that is still starting accepts TCP connections but answers nothing (the request
        waits in the accept backlog), so a plain connect is not enough.
        """
        try:
            reply = await get_json(self.host, "/api/version", timeout=timeout)
        except ReplyTooLarge:
            return Probe("answering", None)  # something speaks HTTP there, but not Ollama
        except ConnectTimeout:
            return Probe("refused")
        except TimeoutError:  # connected, no answer in time (AnswerTimeout)
            return Probe("hanging")
        except OSError:  # refused, unreachable, unknown name, or not speaking HTTP
            return Probe("refused")
        version = reply.data.get("version") if isinstance(reply.data, dict) else None
        version = str(version) if version is not None and version != "" else None
        if reply.status == 200 and version:
            self.server_version = version
            return Probe("answering", version)
        # Something answers HTTP but it is not a (recent) Ollama.
        return Probe("answering", None)

    # -- listings ---------------------------------------------------------------------------------

    async def list_models(self) -> tuple[InstalledModel, ...]:
        rows = await self._get_models("/api/tags")
        try:
            return tuple(_installed(m) for m in rows)
        except (TypeError, ValueError, AttributeError) as exc:  # a field of the wrong type, as pydantic refused it
            raise malformed(f"/api/tags: {exc}") from exc

    async def loaded_models(self) -> tuple[LoadedModel, ...]:
        rows = await self._get_models("/api/ps")
        try:
            return tuple(_loaded(m) for m in rows)
        except (TypeError, ValueError, AttributeError) as exc:
            raise malformed(f"/api/ps: {exc}") from exc

    async def _get_models(self, path: str) -> list[Mapping[str, Any]]:
        """GET a `{"models": [...]}` listing with the standard library; failures as the ollama client's would read."""
        try:
            reply = await get_json(self.host, path, timeout=LISTING_TIMEOUT_S, connect_timeout=self.connect_timeout)
        except Exception as exc:  # whatever the transport raised: translated once, here
            raise self._err(exc) from exc
        if not 200 <= reply.status < 300:
            raise self._status_error(reply)
        models = reply.data.get("models") if isinstance(reply.data, dict) else None
        if not isinstance(models, list) or not all(isinstance(m, dict) for m in models):
            raise malformed(f"{path} answered {reply.text[:200]!r}")
        return models

    def _status_error(self, reply: Reply) -> OllamaError:
        # As ollama.ResponseError reads it: the JSON body's "error", else the body text.
        text = reply.data.get("error", reply.text) if isinstance(reply.data, dict) else reply.text
        return from_server_text(str(text), reply.status, installed_version=self.server_version)

    async def show(self, model: str) -> ModelInfo:
        try:
            async with self._new() as client:
                response = await client.show(model)
        except Exception as exc:  # whatever the library raised: translated once, here
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
        except Exception as exc:  # whatever the library raised: translated once, here
            raise self._err(exc, model) from exc

    async def unload_then_delete(self, model: str) -> bool:
        """Delete `model`, unloading it first when it is loaded; True when it was loaded.

        Ollama's DeleteHandler removes the manifest and blobs but never unloads the runner, and once the
        manifest is gone an unload (empty chat, keep_alive 0) answers 404 `model '…' not found`: the
        model would hold its memory until its keep-alive ran out. So the unload comes first.
        """
        loaded = any(same_model(m.name, model) for m in await self.loaded_models())
        if loaded:
            try:
                await self.unload(model)
            except OllamaError as err:
                if err.kind is not ErrorKind.NOT_INSTALLED:
                    raise  # not installed either: the delete below says so in its own words
        await self.delete(model)
        return loaded

    async def unload(self, model: str) -> None:
        """Ask the server to free the model's memory now (empty chat with keep_alive 0)."""
        try:
            async with self._new() as client:
                await client.chat(model=model, messages=[], keep_alive=0)
        except Exception as exc:  # whatever the library raised: translated once, here
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
                    try:
                        total, completed = checked_count(line.total, "size"), checked_count(line.completed, "count")
                    except OllamaError:
                        await stream.aclose()  # the library's generator closes its response here, not at GC
                        raise
                    yield (line.status or "", line.digest, total, completed)
                    if line.status == "success":
                        return  # nothing follows; do not wait on a server that keeps the stream open
        except (OllamaError, asyncio.CancelledError, GeneratorExit):
            raise
        except TooLarge as exc:
            raise too_large_error(exc, self.host) from exc
        except Exception as exc:  # whatever the library raised: translated once, here
            raise self._err(exc, model, mid_stream=started, operation="pull") from exc

    async def chat(self, request: ChatRequest, *, think: bool | str | None) -> AsyncGenerator[Any, None]:
        """Yield ollama ChatResponse chunks for `request` (with `think` as decided by the caller)."""
        started = False
        try:
            async with self._new(reply_limit=bounds.MAX_REPLY_BYTES) as client:
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
        except TooLarge as exc:
            raise too_large_error(exc, self.host) from exc
        except Exception as exc:  # whatever the library raised: translated once, here
            raise self._err(exc, request.model, mid_stream=started) from exc


def same_model(a: str, b: str) -> bool:
    """Whether two names are one model as Ollama sees it: no tag means `latest`, case does not matter."""

    def full(name: str) -> str:
        name = name.strip().lower()
        return name if ":" in name.rsplit("/", 1)[-1] else f"{name}:latest"

    return full(a) == full(b)


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


def _installed(m: Mapping[str, Any]) -> InstalledModel:
    """One /api/tags row, with the meanings ollama's ListResponse.Model gave (`name` only for old servers)."""
    details = m.get("details") or {}
    return InstalledModel(
        name=str(m.get("model") or m.get("name") or ""),
        size=int(m.get("size") or 0),
        digest=str(m.get("digest") or ""),
        modified_at=iso_text(m.get("modified_at")),
        family=str(details.get("family") or ""),
        parameter_size=str(details.get("parameter_size") or ""),
        quantization=str(details.get("quantization_level") or ""),
    )


def _loaded(m: Mapping[str, Any]) -> LoadedModel:
    """One /api/ps row, with the meanings ollama's ProcessResponse.Model gave."""
    context = m.get("context_length")
    return LoadedModel(
        name=str(m.get("model") or m.get("name") or ""),
        size=int(m.get("size") or 0),
        size_vram=int(m.get("size_vram") or 0),
        context_length=int(context) if context is not None else None,
        expires_at=iso_text(m.get("expires_at")),
    )


_STAMP = re.compile(r"(\d{4}-\d\d-\d\d)[Tt ](\d\d:\d\d:\d\d)(?:\.(\d+))?([Zz]|[+-]\d\d:?\d\d)?")


def iso_text(value: object) -> str:
    """RFC 3339 text (Go writes nanoseconds) as `datetime.isoformat()` writes it, i.e. what pydantic's
    datetime gave: microseconds, truncated, and "+00:00" for "Z". Text that is not such a time stays as it is."""
    if value is None or value == "":
        return ""
    match = _STAMP.fullmatch(str(value).strip())
    if match is None:
        return str(value)
    day, clock, fraction, zone = match.groups()
    fraction = f".{(fraction + '00000')[:6]}" if fraction else ""
    if zone in ("Z", "z"):
        zone = "+00:00"
    elif zone and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    try:  # Python 3.10's fromisoformat takes exactly this form: 6 fraction digits, "+HH:MM"
        return datetime.fromisoformat(f"{day}T{clock}{fraction}{zone or ''}").isoformat()
    except ValueError:
        return str(value)
