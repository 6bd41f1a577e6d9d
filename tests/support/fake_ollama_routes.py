"""The stand-in's pull and chat routes (docs/ollama-behaviour.md): shared resumable downloads, silent loads, replies."""

from __future__ import annotations

from typing import Any

from tests.support.fake_ollama_http import (
    BLOB_START,
    CHAT_ERRORS,
    MEMORY_ERROR,
    MID_DOWNLOAD,
    MID_REPLY_ERRORS,
    PULL_ERRORS,
    HttpBase,
    created_at,
    memory_error,
    progress,
)
from tests.support.fake_ollama_state import Blob, Failure, Model, Reply, normalize, num_gpu_option


class Handler(HttpBase):
    """One HTTP connection of the stand-in."""

    # -- pull ---------------------------------------------------------------------------------------------

    def _route_pull(self, body: dict[str, Any], _f: object) -> None:
        name = str(body.get("model") or body.get("name") or "")
        if not name or " " in name:
            return self._error(400, "invalid model name")
        failure = self.state.take_failure("pull")
        if failure is not None and failure.kind == "status":
            return self._json(failure.status, failure.body)
        if body.get("stream", True) is False:
            return self._pull_blocking(name, failure)
        self._start_stream()
        self._line(progress("pulling manifest"))
        self._wait(self.state.registry_pause_s if self.state.registry_pause_s is not None else self.state.tick_s)
        with self.state.lock:
            model = self.state.remote.get(normalize(name))
        kind = failure.kind if failure else None
        if model is None or kind in (
            "unknown_model",
            "offline",
            "needs_newer",
            "needs_prerelease",
            "registry_error",
            "mlx",
            "unauthorized",
        ):
            base, _, tag = normalize(name).partition(":")
            text = PULL_ERRORS[kind if kind in PULL_ERRORS else "unknown_model"].format(base=base, tag=tag)
            self._line({"error": text})
            return self._end_stream()
        for digest, size in model.blobs:
            if not self._pull_blob(model, digest, size, kind):
                return
        self._line(progress("verifying sha256 digest"))
        if kind == "digest_mismatch":
            digest = model.blobs[0][0]
            with self.state.lock:
                self.state.blobs.pop(digest, None)  # the bad blob is deleted
            self._line({"error": PULL_ERRORS["digest_mismatch"].format(hex=digest[7:], other="0" * 64)})
            return self._end_stream()
        self._line(progress("writing manifest"))
        with self.state.lock:
            updated = model.name in self.state.installed
            self.state.installed[model.name] = Model(**{**model.__dict__, "modified_at": model.modified_at})
        if kind == "prune_failed":
            self._line(
                progress("couldn't remove unused layers: remove /root/.ollama/models/blobs/x: permission denied")
            )
        elif updated and kind == "update":
            self._line(progress("removing unused layers"))  # only when an older manifest had other layers
        self._line(progress("success"))
        self._end_stream()

    def _pull_blob(self, model: Model, digest: str, size: int, kind: str | None) -> bool:
        status = f"pulling {digest[7:19]}"
        with self.state.lock:
            cached = self.state.blobs.get(digest)
            if cached is not None and cached.done:
                self._line(progress(status, digest, size, size))  # cache hit: exactly one line
                return True
        self._wait(self.state.tick_s)  # the registry HEAD request
        blob = self.state.attach(model, digest, size)
        try:
            with self.state.lock:
                completed = blob.completed
            self._line(progress(status, digest, size, completed))  # a resume starts above 0 at once
            return self._follow(model, blob, digest, size, status, kind)
        finally:
            self.state.detach(model, blob)

    def _follow(self, model: Model, blob: Blob, digest: str, size: int, status: str, kind: str | None) -> bool:
        big = digest == model.blobs[0][0]
        if big and kind == "huge_number":  # a hostile server: a 400-digit total, then the download goes on
            self._line(
                b'{"status":"%s","digest":"%s","total":%s,"completed":1}'
                % (status.encode(), digest.encode(), b"9" * 400)
            )
        if big and kind in BLOB_START:
            return self._fail_mid_download(kind, digest)
        part_fails = big and kind == "part_failed"
        while True:
            self._wait(self.state.tick_s)
            with self.state.lock:
                completed, done = blob.completed, blob.done
            if done:
                return True  # no final 100 % line: the next layer's line says this one is done
            if part_fails and completed >= size * 0.5:
                part_fails = False  # one part failed mid-copy: Ollama retries it, its bytes come off the count
                self.state.take_back(blob, size // 4)
                with self.state.lock:
                    completed = blob.completed
            if big and kind in MID_DOWNLOAD and completed >= size * 0.3:
                return self._fail_mid_download(kind, digest)
            self._line(progress(status, digest, size, completed))

    def _fail_mid_download(self, kind: str, digest: str) -> bool:
        if kind == "drop":
            self._drop()
        elif kind == "malformed":
            self._line(b"<html>proxy error</html>")
            self._end_stream()
        else:
            self._line({"error": PULL_ERRORS[kind].format(hex=digest[7:])})
            self._end_stream()
        return False

    def _pull_blocking(self, name: str, failure: Failure | None) -> None:
        with self.state.lock:
            model = self.state.remote.get(normalize(name))
        if model is None or failure is not None:
            kind = failure.kind if failure and failure.kind in PULL_ERRORS else "unknown_model"
            base, _, tag = normalize(name).partition(":")
            return self._error(500, PULL_ERRORS[kind].format(base=base, tag=tag, hex="0" * 64, other="0" * 64))
        with self.state.lock:
            for digest, size in model.blobs:
                self.state.blobs[digest] = Blob(size, size)
            self.state.installed[model.name] = model
        self._json(200, {"status": "success"})

    # -- chat ---------------------------------------------------------------------------------------------

    def _route_chat(self, body: dict[str, Any], _f: object) -> None:
        name = str(body.get("model") or "")
        if not name:
            return self._error(400, "model is required")
        with self.state.lock:
            model = self.state.installed.get(normalize(name))
        if model is None:
            return self._error(404, f"model '{name}' not found")
        think = body.get("think")
        if isinstance(think, str) and think not in ("high", "medium", "low", "max"):
            return self._error(
                400, f'invalid think value: "{think}" (must be "high", "medium", "low", "max", true, or false)'
            )
        if think and "thinking" not in model.capabilities:
            return self._error(400, f'"{name}" does not support thinking')
        messages = body.get("messages") or []
        if not messages:
            return self._load_only(name, model, body.get("keep_alive"), body.get("options"))
        failure = self.state.take_failure("chat")
        kind = failure.kind if failure else None
        if failure is not None and failure.kind == "status":
            return self._json(failure.status, failure.body)
        if kind == "unauthorized":
            return self._json(401, {"error": "unauthorized", "signin_url": "https://ollama.com/connect?name=x&key=y"})
        if kind in CHAT_ERRORS:
            status, text = CHAT_ERRORS[kind]
            if text == MEMORY_ERROR:  # each generation's text (fake_ollama_http.memory_error)
                text = memory_error(self.state.version, 7_838_315_315, 6_442_450_944)
            return self._error(status, text.format(name=name, full=f"registry.ollama.ai/library/{normalize(name)}"))
        if self._too_big(model):
            return None
        self._ensure_loaded(model, body)
        if body.get("stream", True) is False:
            return self._chat_blocking(name, model, body, think)
        self._chat_stream(name, model, body, think, kind)

    def _ensure_loaded(self, model: Model, body: dict[str, Any]) -> None:
        """Load the model, or reload it when the context or the num_gpu asked differs from the loaded runner's."""
        num_ctx = (body.get("options") or {}).get("num_ctx")
        num_gpu = num_gpu_option(body.get("options"))
        with self.state.lock:
            kept = self.state.keeps_runner(model, num_ctx, num_gpu)
        if not kept:
            self._wait(self.state.load_delay_s)  # no bytes at all while the model loads
            with self.state.lock:
                self.state.load_runner(model, num_ctx, num_gpu)

    def _too_big(self, model: Model) -> bool:
        """Answer 500 with the memory text when `memory_bytes` is set and the model is larger."""
        with self.state.lock:
            memory, loaded = self.state.memory_bytes, model.name in self.state.loaded
        if memory is None or loaded or model.size <= memory:
            return False
        self._error(500, memory_error(self.state.version, model.size, memory))
        return True

    def _load_only(self, name: str, model: Model, keep_alive: object, options: object) -> None:
        unload = keep_alive in (0, 0.0, "0", "0s")
        num_ctx = options.get("num_ctx") if isinstance(options, dict) else None
        num_gpu = num_gpu_option(options)
        if not unload and self._too_big(model):
            return
        with self.state.lock:
            if unload:
                self.state.loaded.pop(model.name, None)
            elif not self.state.keeps_runner(model, num_ctx, num_gpu):
                self.state.load_runner(model, num_ctx, num_gpu)
        self._json(
            200,
            {
                "model": name,
                "created_at": created_at(),
                "message": {"role": "assistant", "content": ""},
                "done_reason": "unload" if unload else "load",
                "done": True,
            },
        )

    def _reply_for(self, model: Model, body: dict[str, Any], think: object) -> Reply:
        with self.state.lock:
            reply = self.state.replies.get(model.name)
        if reply is None:
            said = str((body["messages"][-1] or {}).get("content", ""))[:200]
            words = f"This is the stand-in Ollama server. You said: {said}".split(" ")
            reply = Reply(
                content=tuple(w if i == 0 else " " + w for i, w in enumerate(words)),
                thinking=("The user ", "wants a reply. ", "I will echo them."),
            )
        thinks = "thinking" in model.capabilities and think is not False  # on by default since v0.12.4
        return reply if thinks else Reply(**{**reply.__dict__, "thinking": ()})

    def _chat_stream(self, name: str, model: Model, body: dict[str, Any], think: object, kind: str | None) -> None:
        reply = self._reply_for(model, body, think)
        chunks = [{"role": "assistant", "content": "", "thinking": t} for t in reply.thinking]
        chunks += [{"role": "assistant", "content": c} for c in reply.content]
        self._start_stream()
        if kind == "hang":
            self._wait(3600)
        for i, message in enumerate(chunks):
            if i == 2 and kind in ("malformed", "drop", "huge_line", *MID_REPLY_ERRORS):
                if kind == "huge_line":  # a hostile server: 4 MB without a newline, then it stops
                    return self._raw(b"x" * (4 << 20))
                if kind == "drop":
                    return self._drop()
                self._line(b"{not json" if kind == "malformed" else {"error": MID_REPLY_ERRORS[str(kind)]})
                return self._end_stream()
            if i:
                self._wait(self.state.token_delay_s)
            self._line({"model": name, "created_at": created_at(), "message": message, "done": False})
        self._line(self._final(name, reply, {"role": "assistant", "content": ""}, body))
        self._end_stream()

    def _final(self, name: str, reply: Reply, message: dict[str, object], body: dict[str, Any]) -> dict[str, object]:
        count = reply.eval_count if reply.eval_count is not None else len(reply.content) + len(reply.thinking)
        prompt = reply.prompt_eval_count
        if prompt is None:
            prompt = sum(len(str(m.get("content", ""))) for m in body.get("messages", [])) // 4 + 10
        eval_ns = reply.eval_duration_ns if reply.eval_duration_ns is not None else count * 20_000_000
        return {
            "model": name,
            "created_at": created_at(),
            "message": message,
            "done": True,
            "done_reason": reply.done_reason,
            "total_duration": eval_ns + 45_000_000,
            "load_duration": 1_334_875,
            "prompt_eval_count": prompt,
            "prompt_eval_duration": 42_546_000,
            "eval_count": count,
            "eval_duration": eval_ns,
        }

    def _chat_blocking(self, name: str, model: Model, body: dict[str, Any], think: object) -> None:
        reply = self._reply_for(model, body, think)
        message: dict[str, object] = {"role": "assistant", "content": "".join(reply.content)}
        if reply.thinking:
            message["thinking"] = "".join(reply.thinking)
        self._json(200, self._final(name, reply, message, body))
