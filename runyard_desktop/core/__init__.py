"""Plain-Python core: every decision lives here and is tested without Qt. Never import PySide6."""
