"""Benchmarks (`make bench`): every figure is reported with an in-run baseline, as a ratio."""
