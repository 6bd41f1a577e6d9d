"""Downloads as Runyard shows them: the checks before one starts and the words for rows and lists.

Vocabulary: Ollama's word is *pull* (`core/ollama/pull.py`, `pull_job.py`, the `pull` command); above the
Ollama protocol layer Runyard says *download* (this package, `tasks/download_queue.py`, `ui/downloads/`)."""
