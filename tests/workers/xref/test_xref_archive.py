"""The archive on both backends (SQLite FTS5 and PostgreSQL): idempotency, exclusion, ranking."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from contracts.events import ArticleSubmitted
from workers.xref.archive import open_archive
from workers.xref.documents import FactCheck

TREASURY_AR = (
    "كشف تقرير لوزارة الخزانة الأميركية أن تنظيم داعش يمتلك احتياطيات نقدية في تركيا "
    "تقدر بنحو 100 مليون دولار. وقالت الخزانة إن للتنظيم شبكات مالية هناك."
)
WEATHER_AR = "توقعت الأرصاد الجوية أمطارا غزيرة على السواحل الشمالية خلال عطلة نهاية الأسبوع."
TREASURY_EN = (
    "The US Treasury said ISIS holds cash reserves in Turkey worth about 100 million dollars."
)


def article(
    article_id: str, body: str, revision: int = 1, outlet: str = "a.example"
) -> ArticleSubmitted:
    return ArticleSubmitted(article_id=article_id, revision=revision, body=body, outlet=outlet)


def test_add_article_is_idempotent_per_revision(engine: Engine) -> None:
    archive = open_archive(engine)
    assert archive.add_article(article("a1", TREASURY_AR)) is True
    assert archive.add_article(article("a1", TREASURY_AR)) is False
    assert archive.count() == 1
    assert archive.add_article(article("a1", TREASURY_AR + " تحديث.", revision=2)) is True
    assert archive.count() == 1  # an earlier revision is superseded, not a second document


def test_search_ranks_the_matching_document_first(engine: Engine) -> None:
    archive = open_archive(engine)
    archive.add_article(article("treasury", TREASURY_AR, outlet="b.example"))
    archive.add_article(article("weather", WEATHER_AR))
    hits = archive.search(
        "داعش لديه احتياطيات نقدية في تركيا بقيمة 100 مليون دولار",
        language=None,
        exclude_article_id=None,
    )
    assert hits[0].doc_id == "treasury"
    assert hits[0].outlet == "b.example"
    assert "100 مليون دولار" in hits[0].text
    assert all(h.doc_id != "weather" for h in hits)
    assert 0 < hits[0].score <= 1


def test_search_matches_despite_clitics_and_spelling_variants(engine: Engine) -> None:
    archive = open_archive(engine)
    archive.add_article(article("treasury", TREASURY_AR))
    # different prefixes/alef forms than the stored text: "وبالاحتياطيات", "لتنظيم", "إحتياطيات"
    hits = archive.search("إحتياطيات لتنظيم داعش", language=None, exclude_article_id=None)
    assert [h.doc_id for h in hits] == ["treasury"]


def test_search_excludes_the_article_and_all_its_revisions(engine: Engine) -> None:
    archive = open_archive(engine)
    archive.add_article(article("self", TREASURY_AR))
    archive.add_article(article("self", TREASURY_AR + " وأضاف التقرير تفاصيل.", revision=2))
    archive.add_article(article("other", TREASURY_AR.replace("100", "90"), outlet="c.example"))
    hits = archive.search(TREASURY_AR, language=None, exclude_article_id="self")
    assert [h.doc_id for h in hits] == ["other"]


def test_only_the_latest_revision_of_another_article_is_found(engine: Engine) -> None:
    archive = open_archive(engine)
    archive.add_article(article("x", "تقرير أول عن احتياطيات داعش النقدية في تركيا."))
    archive.add_article(article("x", "تقرير منقح عن احتياطيات داعش النقدية في تركيا.", revision=2))
    hits = archive.search("احتياطيات داعش النقدية", language=None, exclude_article_id=None)
    assert [(h.doc_id, h.revision) for h in hits] == [("x", 2)]


def test_language_filter(engine: Engine) -> None:
    archive = open_archive(engine)
    archive.add_article(article("ar", TREASURY_AR))
    archive.add_article(article("en", TREASURY_EN))
    assert [h.doc_id for h in archive.search("100", language="en", exclude_article_id=None)] == [
        "en"
    ]


def test_arabic_claim_finds_english_report_through_shared_names_and_figures(engine: Engine) -> None:
    archive = open_archive(engine)
    archive.add_article(article("en", TREASURY_EN))
    archive.add_article(article("weather", WEATHER_AR))
    hits = archive.search(
        "داعش يملك 100 مليون دولار في تركيا", language=None, exclude_article_id=None
    )
    assert hits and hits[0].doc_id == "en"


def test_factchecks_are_searchable_with_their_normalised_rating(engine: Engine) -> None:
    archive = open_archive(engine)
    fc = FactCheck(
        claim="طرد الوفد السوري المشارك في مؤتمر المانحين في بروكسل",
        claimant="x.com",
        publisher="misbar.com",
        url="https://misbar.example/1",
        title="خبر طرد وفد سوريا من مؤتمر المانحين زائف",
        rating_text="زائف",
    )
    assert archive.add_factcheck(fc) is True
    assert archive.add_factcheck(fc) is False
    hits = archive.search(
        "طرد وفد سوريا من مؤتمر بروكسل للمانحين", language=None, exclude_article_id=None
    )
    assert hits[0].kind == "factcheck"
    assert hits[0].rating == "false"
    assert hits[0].claimant == "x.com"


def test_search_of_only_stop_words_returns_nothing(engine: Engine) -> None:
    archive = open_archive(engine)
    archive.add_article(article("a", TREASURY_AR))
    assert archive.search("في من على", language=None, exclude_article_id=None) == []
