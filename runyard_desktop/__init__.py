"""Runyard Desktop: which local AI models this computer can really run."""

__version__ = "0.1.0"
APP_NAME = "runyard-desktop"
APP_DISPLAY_NAME = "Runyard"
