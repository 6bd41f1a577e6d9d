"""Thin Qt item models over plain-Python state; filtering and sorting live in proxies."""
