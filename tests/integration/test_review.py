"""Editor review over real HTTP and the command line, against the real broker and database
(SQLite and PostgreSQL): a new version with the review, published once with its version
header; the review queue lists flagged claims oldest first."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from factories import machine_claim
from loopback import serve
from sqlalchemy.engine import Engine
from stacktools import BOOTSTRAP, ROOT, physical, read_topic, verify_cli

from api.app import create_app
from api.deps import get_engine
from contracts import headers as h
from contracts.record import Claim, Summary, VerificationRecord
from contracts.topics import RECORDS
from flows.publish import store_version

pytestmark = pytest.mark.integration
KEY = "review-test-key-0123"


def _store(engine: Engine, article_id: str, created: datetime, *claims: Claim) -> None:
    record = VerificationRecord(
        article_id=article_id,
        revision=1,
        version=1,
        language="en",
        status="complete",
        created_at=created,
        claims=list(claims),
        summary=Summary.of(list(claims)),
    )
    store_version(engine, record)


@pytest.fixture
def api(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("VERIFY_API_KEY", KEY)
    app = create_app()
    app.dependency_overrides[get_engine] = lambda: engine
    with serve(app) as url:
        yield url


def test_review_over_http_and_cli_publishes_a_version_and_empties_the_queue(
    api: str, engine: Engine, db_url: str
) -> None:
    old, new = f"rev-old-{uuid.uuid4().hex[:6]}", f"rev-new-{uuid.uuid4().hex[:6]}"
    now = datetime.now(UTC)
    _store(engine, new, now, machine_claim("c-1", "unverified", True))
    _store(
        engine,
        old,
        now - timedelta(hours=2),
        machine_claim("c-1", "contradicted", True),
        machine_claim("c-2", "unverified", False),
    )
    queue = httpx.get(f"{api}/review-queue").json()
    assert [(q["article_id"], q["claim_id"]) for q in queue] == [
        (old, "c-1"),
        (new, "c-1"),
    ]

    url = f"{api}/records/{old}/claims/c-1/review"
    body = {"status": "corroborated", "note": "wire confirmed it", "reviewer": "lina"}
    assert httpx.post(url, json=body).status_code == 401
    bad = httpx.post(url, json={**body, "status": "true"}, headers={"X-API-Key": KEY})
    assert bad.status_code == 422
    missing = httpx.post(
        f"{api}/records/{old}/claims/c-9/review", json=body, headers={"X-API-Key": KEY}
    )
    assert missing.status_code == 404 and "no claim 'c-9'" in missing.json()["detail"]

    done = httpx.post(url, json=body, headers={"X-API-Key": KEY})
    assert done.status_code == 201, done.text
    record = done.json()
    claim = record["claims"][0]
    assert record["version"] == 2
    assert (claim["status"], claim["machine_status"], claim["needs_review"]) == (
        "corroborated",
        "contradicted",
        False,
    )
    assert claim["review"]["reviewer"] == "lina"
    assert claim["review"]["previous_status"] == "contradicted"
    assert [q["article_id"] for q in httpx.get(f"{api}/review-queue").json()] == [new]

    # the command line: another claim, then read version 2 back
    env = {"VERIFY_DATABASE_URL": db_url}
    cli = verify_cli(
        "review", old, "c-2", "--status", "disputed", "--note", "n", "--reviewer", "bob",
        **env,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout)["version"] == 3
    v2 = verify_cli("records", "get", old, "--version", "2", **env)
    assert json.loads(v2.stdout)["claims"][1].get("review") is None
    wrong = verify_cli("review", old, "c-2", "--status", "maybe", **env)
    assert wrong.returncode == 1 and wrong.stderr.startswith("error: --status must be one of")

    published = read_topic(physical(RECORDS), old.encode(), want=2, timeout=20)
    assert [h.header(m.headers, h.RECORD_VERSION) for m in published] == ["2", "3"]
    on_topic = VerificationRecord.model_validate_json(published[0].value)
    assert on_topic.claims[0].review is not None and on_topic.claims[0].status == "corroborated"

    # the example downstream consumer keeps the latest status per claim
    example = subprocess.run(
        [sys.executable, str(ROOT / "examples/consumer.py"), BOOTSTRAP, physical(RECORDS), "3"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    statuses = json.loads(example.stdout)
    assert (statuses[f"{old}/c-1"], statuses[f"{old}/c-2"]) == ("corroborated", "disputed")
