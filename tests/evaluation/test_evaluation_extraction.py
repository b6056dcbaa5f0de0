"""Evaluation helpers: metrics, calibration, and the figures on the real dev sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.extraction import best_threshold, evaluate, prf
from evaluation.extraction_data import checkthat2022_ar_1b


def test_prf() -> None:
    assert prf([1, 1, 0, 0], [1, 0, 1, 0]) == (0.5, 0.5, 0.5)
    assert prf([1, 0], [0, 0]) == (0.0, 0.0, 0.0)


def test_best_threshold_separates_scores() -> None:
    cut, f1 = best_threshold([0.9, 0.8, 0.3, 0.2], [1, 1, 0, 0])
    assert 0.3 < cut <= 0.8 and f1 == 1.0


@pytest.mark.shared
def test_held_out_arabic_beats_trivial_baseline(shared_dir: Path) -> None:
    scores = evaluate("ct22", checkthat2022_ar_1b(), 0.45)
    assert scores.n == 339
    assert scores.f1 > scores.all_positive_f1
