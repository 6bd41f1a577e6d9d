"""CLI sub-commands over the same core as the window; one module per command (see cli.py)."""
