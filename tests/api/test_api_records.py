from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from api.app import create_app
from api.deps import get_engine
from contracts.record import Attribution, Claim, Summary, VerificationRecord
from storage.record_store import save_record

KEY = "records-test-key"


@pytest.fixture
def client(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("VERIFY_API_KEY", KEY)
    app = create_app()
    app.dependency_overrides[get_engine] = lambda: engine
    with TestClient(app) as c:
        yield c


def _record(status: str) -> VerificationRecord:
    claim = Claim(
        claim_id="c-1",
        text="ISIS holds $100 million in Turkey",
        start=0,
        end=30,
        kind="statistic",
        checkworthiness=0.9,
        attribution=Attribution(type="direct", mention="US Treasury"),
        status=status,
        confidence=0.8,
        needs_review=False,  # type: ignore[arg-type]
    )
    return VerificationRecord(
        article_id="art-1",
        revision=1,
        version=1,
        language="en",
        status="complete",
        url="https://news.example/a",
        claims=[claim],
        summary=Summary.of([claim]),
    )


def test_latest_record_and_versions(client: TestClient, engine: Engine) -> None:
    save_record(engine, _record("unverified"), "k1")
    save_record(engine, _record("corroborated"), "k2")
    latest = client.get("/records/art-1")
    assert latest.status_code == 200
    assert latest.json()["version"] == 2 and latest.json()["claims"][0]["status"] == "corroborated"
    assert [r["version"] for r in client.get("/records/art-1/versions").json()] == [1, 2]


def test_unknown_article_is_a_404_with_a_message(client: TestClient) -> None:
    resp = client.get("/records/nope")
    assert resp.status_code == 404
    assert resp.json()["detail"] == "no record for article 'nope'"


def test_claimreview_export_rates_only_claims_with_a_verdict(
    client: TestClient, engine: Engine
) -> None:
    save_record(engine, _record("corroborated"), "k1")
    reviews = client.get("/records/art-1/claimreview").json()
    assert len(reviews) == 1
    review = reviews[0]
    assert review["@type"] == "ClaimReview"
    assert review["reviewRating"]["ratingValue"] == 5
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example/a"
    save_record(engine, _record("unverified"), "k2")
    assert client.get("/records/art-1/claimreview").json() == []


def test_submitting_an_invalid_article_is_a_422_that_names_the_field(client: TestClient) -> None:
    resp = client.post(
        "/articles", json={"article_id": "a b", "body": ""}, headers={"X-API-Key": KEY}
    )
    assert resp.status_code == 422
    fields = {tuple(e["loc"]) for e in resp.json()["detail"]}
    assert ("body", "article_id") in fields and ("body", "body") in fields


def test_record_listing_pages_with_a_cursor_and_filters_by_status(
    client: TestClient, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(5):
        rec = _record("unverified").model_copy(update={"article_id": f"list-{i}"})
        if i == 3:
            rec = rec.model_copy(update={"status": "partial", "missing_parts": ["xref"]})
        save_record(engine, rec, f"k{i}")
    first = client.get("/records", params={"limit": 2}).json()
    assert [i["article_id"] for i in first["items"]] == ["list-0", "list-1"]
    rest = client.get("/records", params={"limit": 10, "cursor": first["next_cursor"]}).json()
    assert [i["article_id"] for i in rest["items"]] == ["list-2", "list-3", "list-4"]
    assert rest["next_cursor"] is None
    assert rest["items"][1]["missing_parts"] == ["xref"]
    partial = client.get("/records", params={"status": "partial"}).json()["items"]
    assert [(i["article_id"], i["status"]) for i in partial] == [("list-3", "partial")]
    assert client.get("/records", params={"since": "2999-01-01T00:00:00Z"}).json() == {
        "items": [],
        "next_cursor": None,
    }
    bad = client.get("/records", params={"cursor": "nonsense"})
    assert bad.status_code == 400 and "cursor" in bad.json()["detail"]
    assert client.get("/records", params={"status": "done"}).status_code == 422
    monkeypatch.setenv("VERIFY_API_READS", "keyed")  # a read scope is needed then
    assert client.get("/records").status_code == 401
    assert client.get("/records", headers={"X-API-Key": KEY}).status_code == 200
