"""Evaluation helpers: metrics, atomic-claim matching, and the annotated set on real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from contracts.record import Attribution, ExtractedClaim
from evaluation.extraction import macro_f1, prf
from evaluation.extraction_atomic import Fact, errors_of, load_facts


def test_prf_and_macro_f1() -> None:
    assert prf([1, 1, 0, 0], [1, 0, 1, 0]) == (0.5, 0.5, 0.5)
    assert prf([1, 0], [0, 0]) == (0.0, 0.0, 0.0)
    assert macro_f1([1, 1, 0, 0], [1, 1, 0, 0]) == 1.0
    assert macro_f1([1, 1, 0, 0], [1, 1, 1, 1]) == pytest.approx((2 / 3 + 0) / 2)


def _claim(start: int, end: int, kind: str = "none") -> ExtractedClaim:
    return ExtractedClaim(
        claim_id=f"c-{start}", text="x" * (end - start), start=start, end=end,
        kind="assertion", checkworthiness=0.5, attribution=Attribution(type=kind),  # type: ignore[arg-type]
    )


def test_atomic_matching_counts_misses_spurious_merges_and_types() -> None:
    facts = [Fact("d", 0, 10, "none"), Fact("d", 10, 20, "direct"), Fact("d", 20, 30, "none"),
             Fact("d", 40, 50, "vague")]
    merged = _claim(0, 30)  # covers three facts
    spurious = _claim(60, 70)
    errors = errors_of("d", facts, [merged, spurious])
    assert errors.merged == [merged]
    assert errors.spurious == [spurious]
    assert [f.start for f in errors.missed] == [40]
    assert [(f.start, c.start) for f, c in errors.wrong_type] == [(10, 0)]


@pytest.mark.shared
def test_annotated_articles_load_with_their_hashes(shared_dir: Path) -> None:
    facts, texts = load_facts()
    assert len(texts) == 20
    assert sum(len(v) for v in facts.values()) == 153
