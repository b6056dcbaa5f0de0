"""Batch submission through the real broker: `verify submit --jsonl` and POST /articles:batch
(uvicorn on loopback). Every good article lands on articles.submitted once, acked; every bad
one gets its own error naming the field; a bad request is a 4xx with a message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from kafka import KafkaConsumer, TopicPartition
from loopback import serve
from stacktools import BOOTSTRAP, ROOT, physical

from api.app import create_app
from contracts.events import ArticleSubmitted
from contracts.topics import ARTICLES_SUBMITTED

pytestmark = pytest.mark.integration

KEY = "batch-write-key-0123"


def submitted(want: int, timeout: float = 30) -> dict[str, list[ArticleSubmitted]]:
    """Everything on this module's articles.submitted, by article id (once `want` arrived)."""
    topic = physical(ARTICLES_SUBMITTED)
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, enable_auto_commit=False)
    consumer.assign([TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)])
    consumer.seek_to_beginning()
    found: dict[str, list[ArticleSubmitted]] = {}
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and sum(map(len, found.values())) < want:
            for batch in consumer.poll(timeout_ms=500).values():
                for msg in batch:
                    article = ArticleSubmitted.model_validate_json(msg.value)
                    found.setdefault(article.article_id, []).append(article)
        time.sleep(1)  # and nothing more after the wanted ones
        for batch in consumer.poll(timeout_ms=1000).values():
            for msg in batch:
                article = ArticleSubmitted.model_validate_json(msg.value)
                found.setdefault(article.article_id, []).append(article)
    finally:
        consumer.close()
    return found


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("VERIFY_API_KEY", KEY)
    monkeypatch.setenv("VERIFY_API_BATCH_MAX", "5")
    with serve(create_app()) as url:
        yield url


def test_cli_submits_every_good_line_and_reports_each_bad_one(tmp_path: Path) -> None:
    lines = [
        {
            "id": "cli-1",
            "text": "The UN said 300 people fled.",
            "lang": "en",
            "outlet": "o.example",
        },
        {"id": "cli-2", "text": "قالت الأمم المتحدة إن 300 شخص فروا.", "revision": 2},
        "{not json",
        {"id": "cli-3", "text": "Text.", "lang": "fr"},
        {"id": "cli-4", "text": "   "},
        {"id": "cli-5", "text": "The ministry said 12 schools closed.", "title": "Schools"},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n\n"
    done = subprocess.run(
        [sys.executable, "-c", "from cli.main import run; run()", "submit", "--jsonl"],
        input=stdin,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr  # bad lines: exit 1 at the end
    out = [json.loads(line) for line in done.stdout.splitlines()]
    errors = {o["id"]: o["error"] for o in out if "error" in o}
    assert errors.keys() == {None, "cli-3", "cli-4"}
    assert errors[None].startswith("invalid JSON")
    assert "lang" in errors["cli-3"] and "text" in errors["cli-4"]
    acked = {o["id"]: o for o in out if "error" not in o}
    assert acked.keys() == {"cli-1", "cli-2", "cli-5"}
    assert acked["cli-2"]["revision"] == 2 and len(acked["cli-1"]["correlation_id"]) == 32
    on_topic = submitted(want=3)
    assert {k: len(v) for k, v in on_topic.items() if k.startswith("cli-")} == {
        "cli-1": 1,
        "cli-2": 1,
        "cli-5": 1,
    }
    assert on_topic["cli-1"][0].outlet == "o.example"
    assert on_topic["cli-5"][0].title == "Schools" and on_topic["cli-2"][0].revision == 2


def test_http_batch_gives_a_result_per_item(api: str) -> None:
    items = [
        {"article_id": "http-1", "body": "The UN said 300 people fled.", "language": "en"},
        {"article_id": "bad id", "body": "Text."},
        {"article_id": "http-2", "body": "The ministry said 12 schools closed.", "revision": 3},
    ]
    with httpx.Client(base_url=api, timeout=60) as http:
        assert http.post("/articles:batch", json=items).status_code == 401
        resp = http.post("/articles:batch", json=items, headers={"X-API-Key": KEY})
        assert resp.status_code == 202, resp.text
        body = resp.json()
        assert (body["accepted"], body["rejected"]) == (2, 1)
        first, bad, last = body["results"]
        assert first["article_id"] == "http-1" and len(first["correlation_id"]) == 32
        assert bad["index"] == 1 and "article id 'bad id' is not allowed" in bad["error"]
        assert last["revision"] == 3
        empty = http.post("/articles:batch", json=[], headers={"X-API-Key": KEY})
        assert empty.status_code == 400 and empty.json()["detail"] == "the batch is empty"
        many = [{"article_id": f"m-{i}", "body": "x"} for i in range(6)]
        over = http.post("/articles:batch", json=many, headers={"X-API-Key": KEY})
        assert over.status_code == 400 and "over the limit of 5" in over.json()["detail"]
        not_a_list = http.post("/articles:batch", json={"a": 1}, headers={"X-API-Key": KEY})
        assert not_a_list.status_code == 422
    on_topic = submitted(want=2)
    assert {k: len(v) for k, v in on_topic.items() if k.startswith(("http-", "m-"))} == {
        "http-1": 1,
        "http-2": 1,
    }
