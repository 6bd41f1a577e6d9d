"""Tests for the core review mends (shared helpers introduced while removing duplicates)."""
