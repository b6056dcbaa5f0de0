"""The real stack for integration tests: the running Kafka broker and Prefect server (started by
`make test`), plus our four services as subprocesses with their own database and consumer groups."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest
from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from stacktools import BOOTSTRAP, PREFECT_API, SERVICES, Stack, make_stack, port_open

from contracts.topics import ALL_TOPICS, DLQ

PREFIX_ENV = "VERIFY_KAFKA_TOPIC_PREFIX"


@pytest.fixture(scope="session", autouse=True)
def real_infrastructure() -> None:
    if not port_open(BOOTSTRAP):
        pytest.fail(f"no Kafka broker at {BOOTSTRAP}: run `make test` (it starts one) or `make up`")
    try:
        httpx.get(f"{PREFECT_API}/health", timeout=5).raise_for_status()
    except httpx.HTTPError as exc:
        pytest.fail(f"no Prefect server at {PREFECT_API} ({exc}): run `make test` or `make up`")


@pytest.fixture(scope="module", autouse=True)
def topic_namespace(real_infrastructure: None) -> Iterator[str]:
    """Each test module gets its own topics (a prefix, like an environment would), so neither
    a running `make up` stack nor another module's services ever read its messages."""
    prefix = f"it-{uuid.uuid4().hex[:8]}."
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    names = [prefix + t for t in ALL_TOPICS]
    admin.create_topics(
        [
            NewTopic(n, num_partitions=1 if n.endswith(DLQ) else 3, replication_factor=1)
            for n in names
        ]
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(PREFIX_ENV, prefix)  # this process and the services it starts
        yield prefix
    admin.delete_topics(names)
    admin.close()


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    s = make_stack(tmp_path_factory.mktemp("stack"), SERVICES, VERIFY_COLLECTOR_DEADLINE_S="120")
    yield s
    for name in list(s.procs):
        s.stop(name)


@pytest.fixture(scope="session")
def producer() -> Iterator[KafkaProducer]:
    p = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all")
    yield p
    p.close()
