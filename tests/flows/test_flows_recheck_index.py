"""The stored claims' term index (SQLite and PostgreSQL): it finds the same records as reading
every record does, follows new versions, skips its own article, reads only rows it has not
seen, and still sees a row committed below its watermark."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from contracts.record import Claim, Summary, VerificationRecord
from flows.publish import store_version
from flows.recheck import candidates
from flows.recheck_index import ClaimTermIndex
from storage.record_store import latest_records
from workers.xref.fresh import FreshDocument

TREASURY = "قال الوزير إن احتياطيات البنك المركزي التركي بلغت 90 مليار دولار في نهاية العام"
CLUB = "أعلن النادي الأهلي تعاقده مع المدرب البرتغالي لمدة ثلاثة مواسم مقبلة"
FLOODS = "قالت الأمم المتحدة إن الفيضانات في باكستان شردت أكثر من مليون شخص هذا الشهر"


def _record(article_id: str, *texts: str, version: int = 1, tag: str = "") -> VerificationRecord:
    claims = [
        Claim(
            claim_id=f"{article_id}-{tag}{i}",
            text=text,
            start=0,
            end=len(text),
            kind="statistic",
            checkworthiness=0.9,
            status="unverified",
            confidence=0.5,
            needs_review=False,
        )
        for i, text in enumerate(texts)
    ]
    return VerificationRecord(
        article_id=article_id,
        revision=1,
        version=version,
        language="ar",
        status="complete",
        claims=claims,
        summary=Summary.of(claims),
    )


def _doc(article_id: str, text: str) -> FreshDocument:
    return FreshDocument.of({"doc_id": f"doc-{article_id}", "article_id": article_id}, text)


def test_it_finds_what_reading_every_record_finds(engine: Engine) -> None:
    store_version(engine, _record("a", TREASURY, CLUB))
    store_version(engine, _record("b", FLOODS))
    store_version(engine, _record("c", CLUB + " " + FLOODS))
    index = ClaimTermIndex()
    index.refresh(engine)
    for text in (TREASURY, CLUB, FLOODS, "خبر لا علاقة له بأي شيء مما سبق على الإطلاق"):
        docs = [_doc("new", text)]
        every = sorted(r.article_id for r in latest_records(engine) if candidates(r, docs))
        assert index.articles_for(docs) == every
    assert index.articles_for([_doc("new", TREASURY)]) == ["a"]
    assert index.articles_for([_doc("a", TREASURY)]) == []  # never its own article


def test_a_new_version_replaces_the_old_claims_terms(engine: Engine) -> None:
    store_version(engine, _record("a", TREASURY))
    index = ClaimTermIndex()
    index.refresh(engine)
    assert index.articles_for([_doc("new", TREASURY)]) == ["a"]
    _, created = store_version(engine, _record("a", FLOODS, CLUB))  # version 2: new claims
    assert created and index.refresh(engine) == 1
    assert index.articles_for([_doc("new", TREASURY)]) == []
    assert index.articles_for([_doc("new", FLOODS)]) == ["a"]
    assert index.live() == 2  # version 1's claim is gone


def test_compaction_keeps_what_the_index_finds(engine: Engine) -> None:
    index = ClaimTermIndex()
    texts = [TREASURY, FLOODS, CLUB]
    for i in range(4):  # each version replaces the articles' claims: most numbers die
        store_version(engine, _record("a", texts[i % 3], texts[(i + 1) % 3], tag=f"v{i}"))
        store_version(engine, _record("b", texts[(i + 2) % 3], tag=f"v{i}"))
        index.refresh(engine)
    assert index.live() == 3 and index.dead <= index.live()  # compacted along the way
    for text in texts:
        docs = [_doc("new", text)]
        every = sorted(r.article_id for r in latest_records(engine) if candidates(r, docs))
        assert index.articles_for(docs) == every and every


def test_it_reads_only_rows_it_has_not_seen(engine: Engine) -> None:
    store_version(engine, _record("a", TREASURY))
    store_version(engine, _record("b", FLOODS))
    index = ClaimTermIndex()
    assert index.refresh(engine) == 2
    assert index.refresh(engine) == 0  # the look-back re-reads keys, not bodies it has
    store_version(engine, _record("c", CLUB))
    assert index.refresh(engine) == 1


def test_a_row_committed_below_the_watermark_is_still_read(engine: Engine) -> None:
    index = ClaimTermIndex()
    index.refresh(engine)
    index.watermark = 10**9  # as if rows with higher ids had committed first
    store_version(engine, _record("late", CLUB))
    assert index.refresh(engine) == 1
    assert index.articles_for([_doc("new", CLUB)]) == ["late"]
