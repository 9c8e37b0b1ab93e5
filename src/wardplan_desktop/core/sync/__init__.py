"""Signed sync files between a ward and its upper level (docs/sync-format.md)."""
