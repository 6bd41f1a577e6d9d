"""Talking to Ollama: host resolution, typed errors, the protocol client, pull/chat logic, server lifecycle.

Plain Python, no Qt. Importing this package stays cheap: the `ollama` library (≈0.5 s) and httpx are
imported lazily inside the coroutines that need them, never at module import time.
"""
