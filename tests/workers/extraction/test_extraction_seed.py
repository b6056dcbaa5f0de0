"""The seed article end to end: claims, sources, re-mentions, carry-over, denial, figures, dates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from contracts.events import ArticleSubmitted, ExtractionResult
from contracts.record import ExtractedClaim
from contracts.segmentation import segment
from workers.extraction.extractor import extract
from workers.extraction.settings import settings


@pytest.fixture(scope="module")
def seed_result(seed_article: str) -> ExtractionResult:
    article = ArticleSubmitted(
        article_id="seed-ar-001",
        body=seed_article,
        published_at=datetime(2020, 3, 15, tzinfo=UTC),
    )
    return extract(article)


def _claim_with(result: ExtractionResult, fragment: str) -> ExtractedClaim:
    matches = [c for c in result.claims if fragment in c.text]
    assert len(matches) == 1, f"{fragment!r} in {len(matches)} claims"
    return matches[0]


def test_offsets_and_ids_are_consistent(seed_result: ExtractionResult, seed_article: str) -> None:
    assert seed_result.language == "ar"
    assert seed_result.sentences == len(segment(seed_article))
    ids = [c.claim_id for c in seed_result.claims]
    assert len(ids) == len(set(ids))
    for claim in seed_result.claims:
        assert seed_article[claim.start : claim.end] == claim.text == claim.text.strip()
        assert claim.language == "ar"
        a = claim.attribution
        if a.start is not None and a.end is not None:
            assert seed_article[a.start : a.end] == a.mention


def test_sources_are_attributed(seed_result: ExtractionResult) -> None:
    mentions = [(c.attribution.mention, c.attribution.type) for c in seed_result.claims]
    assert ("المرصد السوري لحقوق الإنسان", "direct") in mentions
    assert ("المرصد السوري", "direct") in mentions  # the re-mention
    assert ("الأمم المتحدة", "direct") in mentions
    assert ("وزارة الدفاع الفرنسية", "direct") in mentions
    assert ("موقع “نورديك مونيتور” السويدي", "direct") in mentions
    assert ("الموقع السويدي", "quote") in mentions  # the quoted statement
    assert ("وزارة الخزانة الأميركية", "direct") in mentions
    assert ("الخزانة الأميركية", "direct") in mentions
    assert ("التقارير المحلية", "vague") in mentions


def test_reporting_verbs(seed_result: ExtractionResult) -> None:
    assert _claim_with(seed_result, "أكد المرصد").attribution.verb == "أكد"
    assert _claim_with(seed_result, "وكشف المرصد").attribution.verb == "كشف"
    assert _claim_with(seed_result, "أفادت وزارة").attribution.verb == "أفادت"
    assert _claim_with(seed_result, "وقالت الخزانة").attribution.verb == "قالت"


def test_background_clause_is_split_from_the_reported_one(seed_result: ExtractionResult) -> None:
    background = _claim_with(seed_result, "وترتبط تركيا بعدة علاقات")
    reported = _claim_with(seed_result, "كشف موقع")
    assert background.attribution.type == "none"
    assert background.end < reported.start
    assert reported.attribution.mention == "موقع “نورديك مونيتور” السويدي"


def test_continuation_carries_the_earlier_source(
    seed_result: ExtractionResult, seed_article: str
) -> None:
    quoted = _claim_with(seed_result, "وأضاف الموقع السويدي")
    continuation = _claim_with(seed_result, "وتم ذلك عبر")
    a = continuation.attribution
    assert a.type == "direct"
    assert (a.start, a.end) == (quoted.attribution.start, quoted.attribution.end)
    assert a.start is not None and a.start < continuation.start
    assert seed_article[a.start : a.end] == "الموقع السويدي"


def test_unattributed_assertions(seed_result: ExtractionResult) -> None:
    for fragment in ("دعم وتوجيهات", "ويعتبر الجيش الوطني", "ويرجع سبب", "وهو ما يثبت"):
        claim = _claim_with(seed_result, fragment)
        assert claim.attribution.type == "none"
        assert claim.kind == "assertion"


def test_denial_is_recorded(seed_result: ExtractionResult) -> None:
    claim = _claim_with(seed_result, "دعم وتوجيهات")
    assert [(d.text, d.by) for d in claim.denials] == [("نفي أنقرة", "أنقرة")]


def test_quantities(seed_result: ExtractionResult) -> None:
    emirs = _claim_with(seed_result, "4 من أمراء").quantities
    assert [(q.value, q.unit, q.approx) for q in emirs] == [(4, "emir", False)]
    money = _claim_with(seed_result, "100 مليون دولار")
    assert [(q.value, q.unit, q.approx) for q in money.quantities] == [(100_000_000, "USD", True)]
    assert money.kind == "statistic"


def test_times_resolved_against_publication(seed_result: ExtractionResult) -> None:
    times = {t.text: t.resolved for c in seed_result.claims for t in c.times}
    assert times == {
        "قبل أيام": "2020-03-08/2020-03-14",
        "الشهر الماضي": "2020-02",
        "فبراير الماضي": "2020-02",
    }


def test_relative_times_unresolved_without_date(seed_article: str) -> None:
    result = extract(ArticleSubmitted(article_id="seed-ar-001", body=seed_article))
    times = [t for c in result.claims for t in c.times]
    assert {t.text for t in times} == {"قبل أيام", "الشهر الماضي", "فبراير الماضي"}
    assert all(t.resolved is None for t in times)


def test_deterministic(seed_article: str) -> None:
    article = ArticleSubmitted(article_id="seed-ar-001", body=seed_article, language="ar")
    first, second = extract(article), extract(article)
    assert first.claims == second.claims


def test_re_mentions_link_to_the_claim_they_repeat(seed_result: ExtractionResult) -> None:
    full = _claim_with(seed_result, "أكد المرصد")
    short = _claim_with(seed_result, "وكشف المرصد")
    assert full.attribution.refers_to is None
    assert short.attribution.refers_to == full.claim_id  # "المرصد السوري" repeats it
    quoted = _claim_with(seed_result, "وأضاف الموقع السويدي")
    site = _claim_with(seed_result, "كشف موقع")
    assert quoted.attribution.refers_to == site.claim_id  # descriptive re-mention
    assert _claim_with(seed_result, "وتم ذلك عبر").attribution.refers_to == quoted.claim_id
    ids = {c.claim_id for c in seed_result.claims}
    assert all(c.attribution.refers_to in ids | {None} for c in seed_result.claims)


def test_twelve_checkable_claims_with_their_sources(seed_result: ExtractionResult) -> None:
    """Checkable = check-worthiness at or above `checkable_threshold` (0.5): the article's own
    characterisations and background stay claims but are not worth a checker's time."""
    cut = settings().checkable_threshold
    checkable = [c for c in seed_result.claims if c.checkworthiness >= cut]
    assert len(checkable) == 12
    sources = {(c.attribution.type, c.attribution.mention) for c in checkable}
    assert sources == {
        ("vague", "التقارير المحلية"),
        ("direct", "المرصد السوري لحقوق الإنسان"),
        ("direct", "المرصد السوري"),
        ("direct", "الأمم المتحدة"),
        ("direct", "وزارة الدفاع الفرنسية"),
        ("direct", "موقع “نورديك مونيتور” السويدي"),
        ("quote", "الموقع السويدي"),
        ("direct", "الموقع السويدي"),
        ("direct", "وزارة الخزانة الأميركية"),
        ("direct", "الخزانة الأميركية"),
        ("none", None),
    }
    below = {c.text.split()[0] for c in seed_result.claims if c.checkworthiness < cut}
    assert {"دعم", "ويعتبر", "ويرجع", "وترتبط"} <= below
