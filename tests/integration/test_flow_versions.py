"""The flow makes a new record version only on a material change, and publishes each once."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from stacktools import physical, read_topic

from contracts.events import (
    ArticleSubmitted,
    ClaimEvidence,
    ExtractionResult,
    SourcesResult,
    XrefResult,
)
from contracts.record import Evidence, ExtractedClaim
from contracts.topics import RECORDS
from storage.engine import default_engine
from storage.join_store import record_article, record_part
from storage.record_store import record_versions

pytestmark = pytest.mark.integration


@pytest.fixture
def private_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFY_DATABASE_URL", f"sqlite:///{tmp_path / 'verify.db'}")


def _parts(article_id: str, score: float, docs: tuple[str, ...]) -> list[object]:
    claim = ExtractedClaim(
        claim_id="c-1", text="claim", start=0, end=5, kind="event", checkworthiness=0.9
    )
    evidence = [
        Evidence(doc_id=d, snippet="s", stance="neutral", score=score, reason="r") for d in docs
    ]
    return [
        ExtractionResult(
            article_id=article_id, revision=1, language="en", sentences=1, claims=[claim]
        ),
        XrefResult(
            article_id=article_id,
            revision=1,
            items=[ClaimEvidence(claim_id="c-1", start=0, end=5, evidence=evidence)],
        ),
    ]


def test_score_jitter_makes_no_version_and_a_new_document_does(private_db: None) -> None:
    from flows.verify_article import run_verify_article

    article_id = f"mat-{uuid.uuid4().hex[:8]}"
    engine = default_engine()
    record_article(engine, ArticleSubmitted(article_id=article_id, body="claim."), 60)
    record_part(engine, SourcesResult(article_id=article_id, revision=1, mentions=[]), 60)
    runs = []
    for score, docs in [(0.71, ("d1",)), (0.712, ("d1",)), (0.69, ("d1", "d2"))]:
        for part in _parts(article_id, score, docs):
            record_part(engine, part, 60)  # type: ignore[arg-type]
        runs.append(run_verify_article(article_id, 1))

    assert [(r["version"], r["created"]) for r in runs] == [(1, True), (1, False), (2, True)]
    versions = record_versions(engine, article_id)
    assert [len(v.claims[0].evidence) for v in versions] == [1, 2]
    published = read_topic(physical(RECORDS), article_id.encode(), want=3, timeout=5)
    assert len(published) == 2  # each version once: the jittered rerun published nothing
