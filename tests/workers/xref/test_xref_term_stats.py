"""Per-term passage counts: kept on insert (both backends) and used to pick selective terms."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from contracts.events import ArticleSubmitted
from workers.xref.archive import open_archive
from workers.xref.fulltext import index_for
from workers.xref.term_stats import frequencies, selective_terms
from workers.xref.terms import index_terms


def test_counts_follow_inserts(engine: Engine) -> None:
    archive = open_archive(engine)
    for n in range(3):
        body = f"داعش يهاجم بلدة رقم {n}." + (" ثم انسحب مقاتلو التنظيم." if n == 0 else "")
        archive.add_article(ArticleSubmitted(article_id=f"a{n}", body=body))
    isis, withdrew = index_terms("داعش انسحب")
    with engine.connect() as conn:
        freq = frequencies(conn, [isis, withdrew, "neverseen"])
    # article a0 has one two-sentence window; each passage counts a term once
    assert freq == {isis: 3, withdrew: 1, "neverseen": 0}


def test_selective_terms_keep_the_rarest_within_budget() -> None:
    freq = {"common": 900, "mid": 300, "rare": 5, "absent": 0}
    assert selective_terms(freq, budget=400) == ["rare", "mid"]
    assert selective_terms(freq, budget=10) == ["rare"]
    # a query of common words still gets its rarest term as the filter
    assert selective_terms({"common": 900, "commoner": 1200}, budget=10) == ["common"]
    assert selective_terms({"absent": 0}, budget=10) == []


def test_match_filter_skips_common_terms(engine: Engine) -> None:
    archive = open_archive(engine)
    for n in range(4):
        archive.add_article(ArticleSubmitted(article_id=f"c{n}", body=f"داعش في سوريا {n}."))
    archive.add_article(ArticleSubmitted(article_id="rare", body="داعش يفجر خط النفط."))
    terms = index_terms("داعش يفجر")
    with engine.connect() as conn:
        pruned = index_for(engine.dialect.name, budget=2).candidates(
            conn, terms, language=None, exclude_article_id=None, limit=10
        )
        full = index_for(engine.dialect.name, budget=None).candidates(
            conn, terms, language=None, exclude_article_id=None, limit=10
        )
    assert len(pruned) == 1 and len(full) == 5  # only the passage with the rare term matched
    assert pruned[0][0] == full[0][0]
    if engine.dialect.name == "postgresql":
        assert pruned[0][1] == full[0][1]  # ts_rank still scores the common term too
