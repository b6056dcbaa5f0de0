"""Cross-reference archive tables (issue 5)."""
