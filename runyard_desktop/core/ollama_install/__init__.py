"""Ollama installed and updated by Runyard itself, per user, without admin rights (docs/managed-ollama.md).

`release` picks the official archive, `fetch` downloads it (resumable), `verify` checks it against the
release's sha256sum.txt, `extract` unpacks it safely into a staging folder, `managed` knows where the
result lives, and `installer` runs those steps in order. An Ollama found elsewhere is always used first.
"""
