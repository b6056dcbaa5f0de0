"""The /sources API over real HTTP (uvicorn on loopback) and through TestClient."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from loopback import serve
from sqlalchemy.engine import Engine

from api import sources
from api.deps import get_engine

KEY = "test-key-123"


def _app(engine: Engine) -> FastAPI:
    app = FastAPI()
    app.include_router(sources.router)
    app.dependency_overrides[get_engine] = lambda: engine
    return app


@pytest.fixture
def client(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("VERIFY_API_KEY", KEY)
    with TestClient(_app(engine)) as test_client:
        yield test_client


@pytest.fixture
def live_url(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("VERIFY_API_KEY", KEY)
    with serve(_app(engine)) as url:
        yield url


NEW_SOURCE = {
    "id": "aleppo-media-center",
    "name": "Aleppo Media Center",
    "kind": "website",
    "country": "SY",
    "domain": "amc-sy.net",
    "aliases_en": ["Aleppo Media Center", "AMC"],
    "aliases_ar": ["مركز حلب الإعلامي"],
    "reliability": "unknown",
    "reliability_basis": "unknown: not rated in News-Media-Reliability",
}


def test_search_and_edit_over_real_http(live_url: str) -> None:
    with httpx.Client(base_url=live_url, timeout=10) as http:
        found = http.get("/sources", params={"q": "المرصد السوري"}).json()
        assert found["results"][0]["id"] == "sohr"
        assert found["results"][0]["name"] == "Syrian Observatory for Human Rights"
        missing = http.post("/sources", json=NEW_SOURCE)
        assert missing.status_code == 401
        assert "X-API-Key" in missing.json()["detail"]
        created = http.post("/sources", json=NEW_SOURCE, headers={"X-API-Key": KEY})
        assert created.status_code == 201
        got = http.get("/sources/aleppo-media-center").json()
        assert got["aliases_ar"] == ["مركز حلب الإعلامي"]
        hits = http.get("/sources", params={"q": "مركز حلب الاعلامي"}).json()["results"]
        assert hits[0]["id"] == "aleppo-media-center"


def test_read_and_search_english(client: TestClient) -> None:
    body = client.get("/sources/us-treasury").json()
    assert body["kind"] == "government" and body["country"] == "US"
    results = client.get("/sources", params={"q": "Human Rights Watch"}).json()["results"]
    assert results[0]["id"] == "hrw" and results[0]["reliability"] == "high"
    assert "MBFC" in results[0]["reliability_basis"]


def test_errors_have_messages(client: TestClient) -> None:
    missing = client.get("/sources/no-such-source")
    assert missing.status_code == 404 and "no-such-source" in missing.json()["detail"]
    assert client.get("/sources").status_code == 422  # q is required
    wrong = client.put("/sources/sohr", json=NEW_SOURCE, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 401 and wrong.json()["detail"] == "wrong API key"
    bad_kind = dict(NEW_SOURCE, kind="blog")
    invalid = client.post("/sources", json=bad_kind, headers={"X-API-Key": KEY})
    assert invalid.status_code == 422 and "kind" in str(invalid.json()["detail"])
    mismatch = client.put("/sources/sohr", json=NEW_SOURCE, headers={"X-API-Key": KEY})
    assert mismatch.status_code == 422 and "does not match" in mismatch.json()["detail"]
    absent = client.put("/sources/aleppo-media-center", json=NEW_SOURCE, headers={"X-API-Key": KEY})
    assert absent.status_code == 404
    assert client.post("/sources", json=NEW_SOURCE, headers={"X-API-Key": KEY}).status_code == 201
    dup = client.post("/sources", json=NEW_SOURCE, headers={"X-API-Key": KEY})
    assert dup.status_code == 409


def test_edit_changes_what_lookups_see(client: TestClient) -> None:
    sohr = client.get("/sources/sohr").json()
    sohr["reliability"] = "mixed"
    sohr["reliability_basis"] = "editor decision 2024-05: counts often revised"
    response = client.put("/sources/sohr", json=sohr, headers={"X-API-Key": KEY})
    assert response.status_code == 200
    assert client.get("/sources/sohr").json()["reliability"] == "mixed"


def test_writes_refused_when_no_key_is_configured(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VERIFY_API_KEY", raising=False)
    with TestClient(_app(engine)) as test_client:
        response = test_client.post("/sources", json=NEW_SOURCE, headers={"X-API-Key": KEY})
    assert response.status_code == 401 and "no API key is set" in response.json()["detail"]
