"""Cross-reference search and stance (issue 5): archive, retrieval, stance, evidence."""
