"""`verify status` figures and GET /metrics against the real broker and a database: lag per
group and topic, DLQ size, joins waiting, records per minute."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.structs import OffsetAndMetadata
from stacktools import BOOTSTRAP, physical

from api.app import create_app
from api.deps import get_engine
from contracts.events import ArticleSubmitted
from contracts.topics import ARTICLES_SUBMITTED, DLQ
from ops.settings import OpsSettings
from ops.status import snapshot
from storage.engine import make_engine
from storage.join_store import record_article
from storage.migrate import upgrade
from workers.runtime.settings import KafkaSettings

pytestmark = pytest.mark.integration


def test_lag_dead_letters_and_joins(
    tmp_path: Path, producer: KafkaProducer, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = f"status-{uuid.uuid4().hex[:6]}"
    monkeypatch.setenv("VERIFY_KAFKA_GROUP_PREFIX", prefix)
    topic = physical(ARTICLES_SUBMITTED)
    for _ in range(5):
        producer.send(topic, key=b"k", value=b"{}", partition=0).get(timeout=10)
    for _ in range(2):
        producer.send(physical(DLQ), key=b"k", value=b"{}").get(timeout=10)
    # a group of this deployment, 3 messages behind on partition 0
    group = KafkaConsumer(
        bootstrap_servers=BOOTSTRAP, group_id=f"{prefix}.xref", enable_auto_commit=False
    )
    tp = TopicPartition(topic, 0)
    group.assign([tp])
    end = group.end_offsets([tp])[tp]
    group.commit({tp: OffsetAndMetadata(end - 3, "", -1)})
    group.close()

    engine = make_engine(f"sqlite:///{tmp_path / 'v.db'}")
    upgrade(engine)
    record_article(engine, ArticleSubmitted(article_id="waiting-1", body="x"), 60)
    snap = snapshot(engine, KafkaSettings(), OpsSettings(run_dir=tmp_path))
    assert snap.services is None  # no supervisord in this run dir
    lags = {(lag.group, lag.topic): lag.lag for lag in snap.lag}
    assert lags == {(f"{prefix}.xref", topic): 3}
    assert snap.dlq_size >= 2  # this module's namespace: other tests may dead-letter too
    assert snap.joins_waiting == 1 and snap.oldest_join_age_s is not None
    assert snap.records_per_minute == 0.0

    app = create_app()
    app.dependency_overrides[get_engine] = lambda: engine
    monkeypatch.setenv("VERIFY_RUN_DIR", str(tmp_path))
    with TestClient(app) as client:
        text = client.get("/metrics").text
    assert f'verify_consumer_lag{{group="{prefix}.xref",topic="{topic}"}} 3.0' in text
    assert 'verify_up{part="kafka"} 1.0' in text and 'verify_up{part="supervisor"} 0.0' in text
    assert "verify_joins_waiting 1.0" in text


def test_metrics_say_which_part_is_down(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'v.db'}")
    upgrade(engine)
    monkeypatch.setenv("VERIFY_KAFKA_BOOTSTRAP", "127.0.0.1:1")
    monkeypatch.setenv("VERIFY_KAFKA_BOOTSTRAP_TIMEOUT_MS", "500")
    app = create_app()
    app.dependency_overrides[get_engine] = lambda: engine
    with TestClient(app) as client:
        response = client.get("/metrics")
    assert response.status_code == 200
    assert 'verify_up{part="kafka"} 0.0' in response.text
    assert 'verify_up{part="database"} 1.0' in response.text
