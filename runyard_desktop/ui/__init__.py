"""Widgets only: layout, rendering, and user intent forwarded to controllers. No I/O here."""
