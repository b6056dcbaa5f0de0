"""cross_reference: evidence per claim, independence, and archiving after the search."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from contracts.events import ArticleSubmitted
from contracts.ids import claim_id
from contracts.record import Attribution, ExtractedClaim
from workers.xref.archive import open_archive
from workers.xref.crossref import cross_reference, load_models, same_outlet
from workers.xref.documents import FactCheck
from workers.xref.settings import XrefSettings

BODY = "كشف المرصد السوري لحقوق الإنسان أن 4 من أمراء داعش يتواجدون في صفوف الجيش الوطني."


def seed_claim(article: ArticleSubmitted, mention: str | None = None) -> ExtractedClaim:
    return ExtractedClaim(
        claim_id=claim_id(article.article_id, article.revision, 0, len(article.body)),
        text=article.body,
        start=0,
        end=len(article.body),
        kind="statistic",
        checkworthiness=0.9,
        attribution=Attribution(type="direct", mention=mention) if mention else Attribution(),
    )


def new_article(article_id: str = "seed", outlet: str = "news.example") -> ArticleSubmitted:
    return ArticleSubmitted(article_id=article_id, body=BODY, outlet=outlet, language="ar")


def test_evidence_with_stance_reason_and_then_the_article_is_archived(engine: Engine) -> None:
    archive = open_archive(engine)
    archive.add_article(
        ArticleSubmitted(
            article_id="other",
            outlet="other.example",
            body="قال ناشطون إن 12 من أمراء داعش يتواجدون في صفوف الجيش الوطني.",
        )
    )
    article = new_article()
    result = cross_reference(article, [seed_claim(article)], archive, load_models())
    (item,) = result.items
    assert item.claim_id == seed_claim(article).claim_id
    (evidence,) = item.evidence
    assert evidence.doc_id == "other"
    assert evidence.stance == "contradicts"
    assert "12" in evidence.reason and evidence.independent
    assert result.archive_size == 2  # the article itself was added after the search
    again = cross_reference(article, [seed_claim(article)], archive, load_models())
    assert [e.doc_id for e in again.items[0].evidence] == ["other"]  # never finds itself


def test_same_outlet_is_not_independent(engine: Engine) -> None:
    archive = open_archive(engine)
    archive.add_article(ArticleSubmitted(article_id="mine", outlet="www.news.example", body=BODY))
    article = new_article()
    (evidence,) = (
        cross_reference(article, [seed_claim(article)], archive, load_models())
        .items[0]
        .evidence
    )
    assert evidence.independent is False
    assert "same outlet" in evidence.reason


def test_repeating_the_same_cited_source_is_not_independent(engine: Engine) -> None:
    archive = open_archive(engine)
    retold = "أفاد المرصد السوري لحقوق الإنسان بأن 4 من أمراء داعش باتوا في صفوف الجيش الوطني."
    archive.add_article(ArticleSubmitted(article_id="o", outlet="o.example", body=retold))
    article = new_article()
    claim = seed_claim(article, mention="المرصد السوري لحقوق الإنسان")
    (evidence,) = cross_reference(article, [claim], archive, load_models()).items[0].evidence
    assert evidence.independent is False
    assert "same cited source" in evidence.reason


def test_syndicated_copy_is_not_independent(engine: Engine) -> None:
    archive = open_archive(engine)
    text = "قال ناشطون إن 4 من أمراء داعش يتواجدون في صفوف الجيش الوطني."
    archive.add_article(ArticleSubmitted(article_id="first", outlet="one.example", body=text))
    archive.add_article(ArticleSubmitted(article_id="copy", outlet="two.example", body=text))
    article = new_article()
    evidence = (
        cross_reference(article, [seed_claim(article)], archive, load_models())
        .items[0]
        .evidence
    )
    assert sorted(e.independent for e in evidence) == [False, True]
    assert any("repeats the report" in e.reason for e in evidence)


def test_prior_factcheck_rated_misleading_contradicts(engine: Engine) -> None:
    archive = open_archive(engine)
    archive.add_factcheck(
        FactCheck(
            claim="4 من أمراء داعش يتواجدون في صفوف الجيش الوطني",
            publisher="misbar.com",
            rating_text="مضلل",
            url="https://misbar.example/2",
        )
    )
    article = new_article()
    (evidence,) = (
        cross_reference(article, [seed_claim(article)], archive, load_models())
        .items[0]
        .evidence
    )
    assert (evidence.kind, evidence.rating, evidence.stance) == (
        "factcheck",
        "misleading",
        "contradicts",
    )
    assert evidence.independent is True


def test_no_evidence_for_an_unrelated_archive(engine: Engine) -> None:
    archive = open_archive(engine)
    archive.add_article(ArticleSubmitted(article_id="w", body="أمطار غزيرة على السواحل الشمالية."))
    article = new_article()
    assert (
        cross_reference(article, [seed_claim(article)], archive, load_models())
        .items[0]
        .evidence
        == []
    )


def test_same_outlet_compares_domains() -> None:
    assert same_outlet("https://www.aawsat.com/x", "aawsat")
    assert not same_outlet("aawsat.com", "alriyadh.com")
    assert not same_outlet(None, "aawsat.com")


def test_a_republished_copy_supports_but_is_not_independent(engine: Engine) -> None:
    archive = open_archive(engine)
    # another outlet republishes the report; its window also holds a neighbouring denial
    copy = "نفت أنقرة أي صلة لها بالتنظيم. " + BODY
    archive.add_article(ArticleSubmitted(article_id="copy", outlet="mirror.example", body=copy))
    article = new_article()
    result = cross_reference(article, [seed_claim(article)], archive, load_models())
    (evidence,) = result.items[0].evidence
    assert evidence.doc_id == "copy"
    assert (evidence.stance, evidence.independent) == ("supports", False)
    assert "copy of the same report" in evidence.reason


def test_a_topic_neighbour_is_related_never_evidence(engine: Engine) -> None:
    archive = open_archive(engine)
    # the same actors and place, another fact: ISIS in the National Army, not its emirs
    neighbour = "اتهمت فصائل كردية الجيش الوطني بضم عناصر سابقين من داعش إلى صفوفه في عفرين."
    archive.add_article(ArticleSubmitted(article_id="n", outlet="n.example", body=neighbour))
    article = new_article()
    (item,) = cross_reference(article, [seed_claim(article)], archive, load_models()).items
    assert item.evidence == []
    assert all(r.stance == "neutral" and "not shown to state" in r.reason for r in item.related)


def test_factchecks_come_first_and_every_item_says_how_sure_it_is(engine: Engine) -> None:
    archive = open_archive(engine)
    archive.add_article(
        ArticleSubmitted(
            article_id="wire",
            outlet="wire.example",
            body="قال ناشطون إن 4 من أمراء داعش يتواجدون في صفوف الجيش الوطني.",
        )
    )
    archive.add_factcheck(
        FactCheck(
            claim="4 من أمراء داعش يتواجدون في صفوف الجيش الوطني",
            publisher="misbar.com",
            rating_text="زائف",
            url="https://misbar.example/3",
        )
    )
    article = new_article()
    evidence = (
        cross_reference(article, [seed_claim(article)], archive, load_models()).items[0].evidence
    )
    assert [e.kind for e in evidence] == ["factcheck", "article"]
    floor = XrefSettings().same_fact_threshold
    assert all(e.same_fact is not None and floor <= e.same_fact <= 1 for e in evidence)
    assert evidence[0].stance == "contradicts" and evidence[0].score >= 0.9
