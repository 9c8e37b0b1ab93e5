"""The plan file: a versioned JSON format for one whole plan (docs/interchange-format.md)."""
