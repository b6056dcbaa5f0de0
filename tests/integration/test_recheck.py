"""Living records: documents entering the archive re-check stored claims (issue 11).

On the real stack: the seed article is processed, then a ClaimReview rating its US Treasury
figure False is imported with `verify archive import`; a new version with that claim
`contradicted` and the fact-check first is on verify.records within 60 s, the other claims
unchanged, and importing the file again makes nothing new. Directly (SQLite and
PostgreSQL): an editor's decision survives the re-check, which flags it instead.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from stacktools import SERVICES, Stack, make_stack, physical, read_topic, verify_cli, wait_for

from cli.archive import import_file
from cli.producer import submit_article
from contracts import headers as h
from contracts.events import ArticleSubmitted
from contracts.record import Claim, VerificationRecord
from contracts.topics import RECORDS
from flows.check import Checker
from flows.editor_review import review_claim
from flows.publish import store_version
from flows.recheck import Recheck
from flows.recheck_claims import recheck_now
from storage.record_store import latest_record, record_versions
from workers.xref.archive import open_archive
from workers.xref.crossref import load_models

pytestmark = [pytest.mark.integration, pytest.mark.shared]
FACTCHECK = Path(__file__).parents[1] / "data" / "living" / "treasury-claimreview.json"
TREASURY = "احتياطيات نقدية في تركيا"  # the claim the fact-check is about


def _treasury(record: VerificationRecord) -> Claim:
    (claim,) = [c for c in record.claims if TREASURY in c.text]
    return claim


@pytest.fixture(scope="module")
def living_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    s = make_stack(
        tmp_path_factory.mktemp("living"), (*SERVICES, "recheck"), VERIFY_COLLECTOR_DEADLINE_S="60"
    )
    yield s
    for name in list(s.procs):
        s.stop(name)


def test_an_imported_fact_check_publishes_a_new_version_within_60_s(
    living_stack: Stack, seed_article: str
) -> None:
    stack = living_stack
    article_id = f"seed-{uuid.uuid4().hex[:8]}"
    submit_article(ArticleSubmitted(article_id=article_id, body=seed_article, outlet="t.example"))
    first = wait_for(lambda: latest_record(stack.engine, article_id), 150, "the seed record", stack)
    assert isinstance(first, VerificationRecord) and first.version == 1
    assert _treasury(first).status != "contradicted"

    env = {k: stack.env[k] for k in ("VERIFY_DATABASE_URL", "VERIFY_DATA_DIR")}
    t0 = time.monotonic()
    imported = verify_cli("archive", "import", "-q", str(FACTCHECK), **env)
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr.startswith("1 added")

    def second(found: list) -> bool:  # type: ignore[type-arg]
        return any(h.header(m.headers, h.RECORD_VERSION) == "2" for m in found)

    messages = read_topic(physical(RECORDS), article_id.encode(), want=99, timeout=60, until=second)
    latency = time.monotonic() - t0
    assert second(messages), "no version 2 on verify.records within 60 s\n" + stack.log_tail(
        "recheck"
    )
    print(f"import → published version: {latency:.1f} s")
    (v2,) = [
        VerificationRecord.model_validate_json(m.value)
        for m in messages
        if h.header(m.headers, h.RECORD_VERSION) == "2"
    ]
    claim = _treasury(v2)
    assert claim.status == "contradicted"
    assert claim.evidence[0].kind == "factcheck" and claim.evidence[0].rating == "false"
    assert claim.rationale[0] == "new fact-check by factdesk.example rated False, 2026-12-02"
    others = [c for c in v2.claims if c.claim_id != claim.claim_id]
    assert others == [c for c in first.claims if c.claim_id != claim.claim_id]

    again = verify_cli("archive", "import", "-q", str(FACTCHECK), **env)
    assert again.returncode == 0 and again.stderr.startswith("0 added, 1 already")
    time.sleep(5)
    assert [r.version for r in record_versions(stack.engine, article_id)] == [1, 2]


def test_an_editor_decision_survives_a_later_re_check(engine: Engine, seed_article: str) -> None:
    article_id = f"seed-{uuid.uuid4().hex[:8]}"
    checker = Checker.for_engine(engine, archive_checked=False)
    record = checker.check(ArticleSubmitted(article_id=article_id, body=seed_article))
    store_version(engine, record)
    claim_id = _treasury(record).claim_id
    machine_before = _treasury(record).status
    reviewed, _ = review_claim(engine, article_id, claim_id, "corroborated", "n", "lina")

    added: list[str] = []
    import_file(FACTCHECK, open_archive(engine), show_progress=False, added_ids=added)
    recheck = Recheck(checker.archive, load_models())
    outcome = recheck_now(doc_ids=added, engine=engine, checker=recheck)
    assert [v["article_id"] for v in outcome.versions] == [article_id]

    latest = latest_record(engine, article_id)
    assert latest is not None and latest.version == reviewed.version + 1
    claim = _treasury(latest)
    assert (claim.status, claim.machine_status, claim.needs_review) == (
        "corroborated",
        "contradicted",
        True,
    )
    assert claim.review == _treasury(reviewed).review
    assert claim.evidence[0].kind == "factcheck"
    assert f"the machine now says contradicted (was {machine_before})" in claim.rationale[0]
    # the same documents again, and an operator's re-run of the article: nothing new
    assert recheck_now(doc_ids=added, engine=engine, checker=recheck).versions == []
    assert recheck_now(article_ids=[article_id], engine=engine, checker=recheck).versions == []
    published = read_topic(physical(RECORDS), article_id.encode(), want=2, timeout=20)
    assert [h.header(m.headers, h.RECORD_VERSION) for m in published] == ["2", "3"]
