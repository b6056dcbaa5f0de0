"""The Prefect automations `make up` creates, against the real Prefect server and broker:
created once (idempotent by name); the DLQ watch reports growth of the dead-letter topic."""

from __future__ import annotations

import uuid

import httpx
import pytest
from kafka import KafkaProducer
from stacktools import PREFECT_API, physical

from contracts.topics import DLQ
from ops.automations import DlqWatch, ensure
from workers.runtime.settings import KafkaSettings

pytestmark = pytest.mark.integration


def test_automations_are_created_once() -> None:
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    try:
        assert ensure(prefix) == [f"{prefix}: flow run failed", f"{prefix}: dead letters growing"]
        assert ensure(prefix) == []
        found = httpx.post(f"{PREFECT_API}/automations/filter", json={}, timeout=10).json()
        ours = {a["name"]: a for a in found if a["name"].startswith(prefix)}
        assert len(ours) == 2
        failed = ours[f"{prefix}: flow run failed"]["trigger"]
        assert set(failed["expect"]) == {"prefect.flow-run.Failed", "prefect.flow-run.Crashed"}
    finally:
        for a in httpx.post(f"{PREFECT_API}/automations/filter", json={}, timeout=10).json():
            if a["name"].startswith(prefix):
                httpx.delete(f"{PREFECT_API}/automations/{a['id']}", timeout=10)


def test_the_dlq_watch_reports_growth_only(producer: KafkaProducer) -> None:
    watch = DlqWatch(KafkaSettings(), interval_s=0)
    assert not watch.check(0.0)  # the first look only learns the size
    assert not watch.check(1.0)
    producer.send(physical(DLQ), key=b"k", value=b"bad").get(timeout=10)
    assert watch.check(2.0)
    assert not watch.check(3.0)
