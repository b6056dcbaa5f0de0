"""The external resolver against a real HTTP server on loopback serving Wikidata-shaped JSON."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from contracts.events import ArticleSubmitted
from storage.tables.sources import ResolverCacheRow
from workers.sources.breaker import CircuitBreaker
from workers.sources.lookup import lookup_article
from workers.sources.registry import SourceRegistry
from workers.sources.resolver import ResolverError, WikidataResolver
from workers.sources.settings import ResolverSettings

ENTITIES = {
    "Aleppo Media Center": ("Q4714111", "Aleppo Media Center", "Syrian opposition media outlet"),
}


class FakeWikidata:
    """What the handler does: a script of failures to serve before answering, and a log."""

    def __init__(self) -> None:
        self.requests: list[dict[str, list[str]]] = []
        self.fail_next: list[int] = []  # HTTP status codes to answer first, one per request
        self.delay = 0.0


def _handler(state: FakeWikidata) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = parse_qs(urlparse(self.path).query)
            state.requests.append(query)
            if state.delay:
                time.sleep(state.delay)
            if state.fail_next:
                self.send_response(state.fail_next.pop(0))
                self.end_headers()
                return
            name = query.get("search", [""])[0]
            hits = []
            for key, (qid, label, desc) in ENTITIES.items():
                if name.lower() in key.lower():
                    hits.append(
                        {
                            "id": qid,
                            "label": label,
                            "description": desc,
                            "concepturi": f"http://www.wikidata.org/entity/{qid}",
                            "match": {"type": "label", "language": "en", "text": label},
                        }
                    )
            body = json.dumps({"searchinfo": {"search": name}, "search": hits}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return

    return Handler


@pytest.fixture
def wikidata(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, FakeWikidata]]:
    # the test server is on loopback, which outbound requests refuse unless allow-listed
    monkeypatch.setenv("VERIFY_OUTBOUND_ALLOW", "127.0.0.1")
    state = FakeWikidata()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/w/api.php", state
    finally:
        server.shutdown()
        server.server_close()


def _settings(**kw: float) -> ResolverSettings:
    base: dict[str, float] = {
        "resolver_timeout": 1.0,
        "resolver_retries": 2,
        "resolver_backoff": 0.01,
        "resolver_breaker_failures": 2,
        "resolver_breaker_reset": 60.0,
    }
    base.update(kw)
    return ResolverSettings(**base)  # type: ignore[arg-type]


def test_resolves_and_caches_in_the_database(
    wikidata: tuple[str, FakeWikidata], engine: Engine
) -> None:
    url, state = wikidata
    resolver = WikidataResolver(url, engine, _settings())
    ref = resolver.resolve("Aleppo Media Center")
    assert ref is not None and ref.source_id == "wikidata:Q4714111"
    assert state.requests[0]["action"] == ["wbsearchentities"]
    assert resolver.resolve("Aleppo Media Center") == ref
    assert len(state.requests) == 1  # second answer came from the cache
    with Session(engine) as session:
        rows = session.exec(select(ResolverCacheRow)).all()
    assert [row.query for row in rows] == ["Aleppo Media Center"]
    assert resolver.resolve("Nowhere Gazette") is None
    resolver.close()


def test_retries_with_backoff_then_succeeds(
    wikidata: tuple[str, FakeWikidata], engine: Engine
) -> None:
    url, state = wikidata
    state.fail_next = [503, 500]
    pauses: list[float] = []
    resolver = WikidataResolver(url, engine, _settings(), sleep=pauses.append)
    assert resolver.resolve("Aleppo Media Center") is not None
    assert len(state.requests) == 3
    assert pauses == [0.01, 0.02]
    resolver.close()


def test_timeouts_open_the_circuit(wikidata: tuple[str, FakeWikidata], engine: Engine) -> None:
    url, state = wikidata
    state.delay = 0.5
    now = [0.0]
    breaker = CircuitBreaker(threshold=2, reset_after=30.0, clock=lambda: now[0])
    resolver = WikidataResolver(
        url, engine, _settings(resolver_timeout=0.1, resolver_retries=0), breaker=breaker
    )
    for name in ("first", "second"):
        with pytest.raises(ResolverError, match="ReadTimeout"):
            resolver.search(name)
    assert breaker.state == "open"
    sent = len(state.requests)
    with pytest.raises(ResolverError, match="circuit is open"):
        resolver.search("third")
    assert len(state.requests) == sent  # nothing sent while open
    state.delay = 0.0
    now[0] = 31.0
    assert breaker.state == "half-open"
    assert resolver.search("Aleppo Media Center")[0].qid == "Q4714111"
    assert breaker.state == "closed"
    resolver.close()


def test_lookup_article_uses_resolver_for_unknowns_only(
    wikidata: tuple[str, FakeWikidata], engine: Engine
) -> None:
    url, state = wikidata
    resolver = WikidataResolver(url, engine, _settings())
    article = ArticleSubmitted(
        article_id="a-1",
        body="According to the Aleppo Media Center, shelling continued, Reuters reported.",
        language="en",
    )
    result = lookup_article(article, SourceRegistry.from_file(), resolver)
    ids = [m.source.source_id for m in result.mentions if m.source]
    assert ids == ["wikidata:Q4714111", "reuters"]
    assert len(state.requests) == 1
    state.fail_next = [500, 500, 500]
    resolver.breaker.record_success()
    fresh = WikidataResolver(url + "?x=1", engine, _settings(resolver_retries=2))
    other = article.model_copy(update={"body": "According to the Hama Media Office, it fell."})
    result = lookup_article(other, SourceRegistry.from_file(), fresh)
    assert [m.source.source_id for m in result.mentions if m.source] == ["unknown"]
    resolver.close()
    fresh.close()


def test_a_resolver_on_a_loopback_address_is_refused_unless_allow_listed(
    wikidata: tuple[str, FakeWikidata], engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, state = wikidata
    monkeypatch.delenv("VERIFY_OUTBOUND_ALLOW")
    resolver = WikidataResolver(url, engine, _settings())
    with pytest.raises(ResolverError, match="loopback address"):
        resolver.resolve("Aleppo Media Center")
    assert state.requests == []  # nothing reached the server, and no retries were made
