"""API keys and scopes over real HTTP (uvicorn on loopback): every write needs a write key,
reads are open unless keyed, keys never reach the logs, article ids are held to a safe pattern."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlalchemy.engine import Engine

from api.access import KeyTable, parse_entries
from api.app import create_app
from api.deps import get_engine

WRITE_KEY = "write-key-0123456789"
READ_KEY = "read-key-0123456789"
ARTICLE = {"article_id": "a-1", "body": "The UN said 5 people died."}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def api(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[tuple[str, Path]]:
    key_file = tmp_path / "api-key"
    key_file.write_text(f"{WRITE_KEY}\nread:{READ_KEY}\n")
    monkeypatch.delenv("VERIFY_API_KEY", raising=False)
    monkeypatch.delenv("VERIFY_API_KEYS", raising=False)
    monkeypatch.setenv("VERIFY_API_KEY_FILE", str(key_file))
    monkeypatch.setenv("VERIFY_KAFKA_BOOTSTRAP", "127.0.0.1:1")  # writes that pass fail fast
    monkeypatch.setenv("VERIFY_KAFKA_BOOTSTRAP_TIMEOUT_MS", "500")
    app = create_app()
    app.dependency_overrides[get_engine] = lambda: engine
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="info"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", key_file
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_writes_need_a_write_key_and_reads_are_open(
    api: tuple[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    url, _ = api
    caplog.set_level(logging.DEBUG)
    with httpx.Client(base_url=url, timeout=10) as http:
        no_key = http.post("/articles", json=ARTICLE)
        assert no_key.status_code == 401 and no_key.json()["detail"] == "missing X-API-Key header"
        wrong = http.post("/articles", json=ARTICLE, headers={"X-API-Key": "not-a-key-at-all"})
        assert wrong.status_code == 401 and wrong.json()["detail"] == "wrong API key"
        read_only = http.post("/articles", json=ARTICLE, headers={"X-API-Key": READ_KEY})
        assert read_only.status_code == 403 and "no write scope" in read_only.json()["detail"]
        # the write key gets past the door: the broker (port 1) is what fails now
        written = http.post("/articles", json=ARTICLE, headers={"X-API-Key": WRITE_KEY})
        assert written.status_code == 503 and "Kafka" in written.json()["detail"]
        source = http.post("/sources", json={}, headers={"X-API-Key": READ_KEY})
        assert source.status_code == 403
        assert http.get("/records/a-1").status_code == 404  # open read, nothing stored
        assert http.get("/health").json() == {"status": "ok"}
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "POST /articles" in logged  # the access log ran …
    assert WRITE_KEY not in logged and READ_KEY not in logged  # … without the keys


def test_keyed_reads(api: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    url, _ = api
    monkeypatch.setenv("VERIFY_API_READS", "keyed")
    with httpx.Client(base_url=url, timeout=10) as http:
        assert http.get("/records/a-1").status_code == 401
        assert http.get("/records/a-1", headers={"X-API-Key": READ_KEY}).status_code == 404
        assert http.get("/records/a-1", headers={"X-API-Key": WRITE_KEY}).status_code == 404
        assert http.get("/metrics").status_code == 401


def test_a_changed_key_file_takes_effect(api: tuple[str, Path]) -> None:
    url, key_file = api
    with httpx.Client(base_url=url, timeout=10) as http:
        key_file.write_text("another-write-key-123\n")
        old = http.post("/articles", json=ARTICLE, headers={"X-API-Key": WRITE_KEY})
        assert old.status_code == 401
        new = http.post("/articles", json=ARTICLE, headers={"X-API-Key": "another-write-key-123"})
        assert new.status_code == 503


@pytest.mark.parametrize("bad", ["a..b", ".hidden", "a b", "a%09b", "a\u202eb", "%00"])
def test_unsafe_article_ids_in_paths_are_a_422(api: tuple[str, Path], bad: str) -> None:
    url, _ = api
    response = httpx.get(f"{url}/records/{bad}", timeout=10)
    assert response.status_code == 422
    assert "is not allowed" in response.json()["detail"]


@pytest.mark.parametrize(
    ("article", "problem"),
    [
        ({"article_id": "../../etc", "body": "x"}, "article id '../../etc' is not allowed"),
        ({"article_id": "a/b", "body": "x"}, "is not allowed"),
        ({"article_id": "a", "body": "   "}, "body is blank"),
        ({"article_id": "a", "body": "a\u0000b"}, "control character U+0000 at offset 1"),
        ({"article_id": "a", "body": "<html><body><p>x</p></body></html>"}, "looks like HTML"),
        ({"article_id": "a"}, "Field required"),
        ({"article_id": "a", "body": "x", "title": "a\nb"}, "title contains the control"),
    ],
)
def test_bad_articles_are_a_422_with_a_message(
    api: tuple[str, Path], article: dict[str, str], problem: str
) -> None:
    url, _ = api
    response = httpx.post(
        f"{url}/articles", json=article, headers={"X-API-Key": WRITE_KEY}, timeout=10
    )
    assert response.status_code == 422
    assert problem in str(response.json()["detail"])


def test_malformed_and_oversized_bodies(
    api: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _ = api
    headers = {"X-API-Key": WRITE_KEY, "Content-Type": "application/json"}
    with httpx.Client(base_url=url, timeout=30) as http:
        broken = http.post("/articles", content=b'{"article_id": "a", "body": ', headers=headers)
        assert broken.status_code == 422 and "JSON" in str(broken.json()["detail"])
        invalid_utf8 = http.post(
            "/articles", content=b'{"article_id": "a", "body": "\xff\xfe"}', headers=headers
        )
        assert invalid_utf8.status_code in (400, 422)
        big = {"article_id": "a", "body": "word " * 60_000}  # 300,000 bytes
        over = http.post("/articles", json=big, headers={"X-API-Key": WRITE_KEY})
        assert over.status_code == 422
        assert "the limit is 262,144 (VERIFY_MAX_BODY_BYTES)" in str(over.json()["detail"])
        huge = b'{"article_id": "a", "body": "' + b"x" * 3_000_000 + b'"}'
        refused = http.post("/articles", content=huge, headers=headers)
        assert refused.status_code == 413 and "limit" in refused.json()["detail"]


def test_key_table_compares_every_entry() -> None:
    table = KeyTable(tuple(parse_entries(["write:abcdefgh1", "read:abcdefgh2"], "test")))
    assert table.scopes_of("abcdefgh1") == {"read", "write"}
    assert table.scopes_of("abcdefgh2") == {"read"}
    assert table.scopes_of("abcdefgh3") == frozenset()
    with pytest.raises(ValueError, match="shorter than 8") as err:
        parse_entries(["write:short"], "VERIFY_API_KEYS")
    assert "short" not in str(err.value).replace("shorter", "")  # the key is never echoed
