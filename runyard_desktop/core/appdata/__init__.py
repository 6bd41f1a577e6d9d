"""The app's own files: where they live (paths), settings, logging, small JSON files and package data."""
