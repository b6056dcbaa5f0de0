"""Fuzzing claim extraction and quantities (the workers' logic is only called here): no crash,
no hang, offsets that point into the body. The deadline per example bounds the time per
character (texts up to ~50,000 characters, of words, numbers, punctuation and long runs)."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from strategies import text

from contracts.events import ArticleSubmitted
from workers.extraction.extractor import extract
from workers.extraction.quantities import find_quantities
from workers.extraction.tokens import words

SLOW_OK = [HealthCheck.too_slow]


@settings(max_examples=60, deadline=timedelta(seconds=10), suppress_health_check=SLOW_OK)
@given(text)
def test_extraction_never_crashes_and_points_into_the_body(body: str) -> None:
    try:
        article = ArticleSubmitted(article_id="fuzz", body=body)
    except ValueError:
        return  # blank: refused at the door, never reaches extraction
    result = extract(article)
    for claim in result.claims:
        assert 0 <= claim.start < claim.end <= len(body)
        assert claim.text == body[claim.start : claim.end]
        for q in claim.quantities:
            assert 0 <= q.start < q.end <= len(body) and q.text == body[q.start : q.end]


@settings(max_examples=200, deadline=timedelta(seconds=3), suppress_health_check=SLOW_OK)
@given(text)
def test_quantities_never_crash_and_point_into_the_text(body: str) -> None:
    for language in ("ar", "en"):
        for q in find_quantities(body, words(body), language):
            assert 0 <= q.start < q.end <= len(body)
