"""Helpers for integration tests against the real broker, Prefect server and our services."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from kafka import KafkaConsumer, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord
from sqlalchemy.engine import Engine

from storage.engine import make_engine
from storage.migrate import upgrade
from workers.runtime.settings import KafkaSettings

ROOT = Path(__file__).resolve().parents[2]
BOOTSTRAP = os.environ.get("VERIFY_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
PREFECT_API = os.environ.get("PREFECT_API_URL", "http://127.0.0.1:4200/api")
SERVICES = ("extraction", "sources", "xref", "collector")


def physical(name: str) -> str:
    """The topic name under this test session's namespace (VERIFY_KAFKA_TOPIC_PREFIX)."""
    return KafkaSettings().topic(name)


def port_open(address: str) -> bool:
    host, port = address.rsplit(":", 1)
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, int(port))) == 0


@dataclass
class Stack:
    """Our services running against the real broker, with a private DB and consumer groups."""

    db_url: str
    env: dict[str, str]
    logs: Path
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def engine(self) -> Engine:
        return make_engine(self.db_url)

    def start(self, name: str) -> None:
        log = (self.logs / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(
            [sys.executable, "-m", f"workers.{name}"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=log,
        )

    def stop(self, name: str) -> None:
        proc = self.procs.pop(name)
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()

    def alive(self, name: str) -> bool:
        return self.procs[name].poll() is None

    def log_tail(self, name: str, lines: int = 30) -> str:
        text = (self.logs / f"{name}.log").read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])


def make_stack(tmp: Path, services: tuple[str, ...], **env: str) -> Stack:
    db_url = f"sqlite:///{tmp / 'verify.db'}"
    upgrade(make_engine(db_url))  # migrate once, before several processes race to do it
    full_env = {
        **os.environ,
        "VERIFY_DATABASE_URL": db_url,
        "VERIFY_DATA_DIR": str(tmp / "data"),
        "VERIFY_KAFKA_BOOTSTRAP": BOOTSTRAP,
        "VERIFY_KAFKA_GROUP_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
        "VERIFY_KAFKA_MAX_ATTEMPTS": "2",
        "VERIFY_KAFKA_RETRY_BACKOFF_S": "0.1",
        "PREFECT_API_URL": PREFECT_API,
        "PYTHONPATH": str(ROOT),
        **env,
    }
    stack = Stack(db_url, full_env, tmp)
    for name in services:
        stack.start(name)
    return stack


def read_topic(
    topic: str,
    key: bytes,
    want: int,
    timeout: float = 60,
    until: Callable[[list[ConsumerRecord]], bool] | None = None,
) -> list[ConsumerRecord]:
    """Messages with `key` on `topic` from the beginning, until `want` arrived, `until(found)`
    holds, or the timeout passes."""
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, enable_auto_commit=False)
    partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or []]
    consumer.assign(partitions)
    consumer.seek_to_beginning()
    found: list[ConsumerRecord] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and len(found) < want:
            for records in consumer.poll(timeout_ms=500).values():
                found.extend(r for r in records if r.key == key)
            if until is not None and until(found):
                break
    finally:
        consumer.close()
    return found


def wait_for(
    check: Callable[[], object], timeout: float, what: str, stack: Stack | None = None
) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    detail = ""
    if stack:
        detail = "\n".join(f"--- {n}\n{stack.log_tail(n)}" for n in stack.procs)
    pytest.fail(f"timed out after {timeout}s waiting for {what}\n{detail}")


def prefect_post(path: str, body: dict) -> list:  # type: ignore[type-arg]
    resp = httpx.post(f"{PREFECT_API}{path}", json=body, timeout=10)
    resp.raise_for_status()
    return json.loads(resp.text)
