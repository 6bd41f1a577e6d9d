"""The *This machine* page."""
