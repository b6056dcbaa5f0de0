"""Evaluation and benchmark scripts (read ../shared; never shipped data)."""
