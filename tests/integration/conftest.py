"""The real stack for integration tests: the running Kafka broker and Prefect server (started by
`make test`), plus our four services as subprocesses with their own database and consumer groups."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from kafka import KafkaProducer
from stacktools import BOOTSTRAP, PREFECT_API, SERVICES, Stack, make_stack, port_open


@pytest.fixture(scope="session", autouse=True)
def real_infrastructure() -> None:
    if not port_open(BOOTSTRAP):
        pytest.fail(f"no Kafka broker at {BOOTSTRAP}: run `make test` (it starts one) or `make up`")
    try:
        httpx.get(f"{PREFECT_API}/health", timeout=5).raise_for_status()
    except httpx.HTTPError as exc:
        pytest.fail(f"no Prefect server at {PREFECT_API} ({exc}): run `make test` or `make up`")


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
