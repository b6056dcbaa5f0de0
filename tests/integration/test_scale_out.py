"""Two instances of every service (VERIFY_INSTANCES=2 under supervisord, as `make up` runs
them) on the real broker, Prefect server and PostgreSQL: the same articles give exactly one
record each, published once, made by one Prefect run each (a `verify-article` flow run or a
`verify-batch` task run named after the article), with both collectors taking a share."""

from __future__ import annotations

import os
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from stacktools import BOOTSTRAP, PREFECT_API, ROOT, SupervisedStack, prefect_post, wait_for
from streams import count, joins_waiting, make_stream, produce, records_done

from storage.engine import make_engine
from storage.migrate import upgrade

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ARTICLES = 40
SERVICES = ("extraction", "sources", "xref", "collector")
PROCESSES = tuple(f"{s}-{i}" for s in SERVICES for i in (0, 1))


@pytest.fixture(scope="module")
def stack(
    tmp_path_factory: pytest.TempPathFactory, postgres_module_url: str
) -> Iterator[SupervisedStack]:
    run_dir = tmp_path_factory.mktemp("scale-out")
    engine = make_engine(postgres_module_url)
    upgrade(engine)
    engine.dispose()
    env = {
        **os.environ,
        "VERIFY_INSTANCES": "2",
        "VERIFY_DATABASE_URL": postgres_module_url,
        "VERIFY_DATA_DIR": str(run_dir / "data"),
        "VERIFY_KAFKA_BOOTSTRAP": BOOTSTRAP,
        "VERIFY_KAFKA_GROUP_PREFIX": f"scale-{uuid.uuid4().hex[:8]}",
        "PREFECT_API_URL": PREFECT_API,
        "PYTHONPATH": str(ROOT),
        "VERIFY_COLLECTOR_DEADLINE_S": "3600",  # only complete records: no deadline races
        "VERIFY_COLLECTOR_BATCH_SIZE": "5",  # a backlog of 40 goes in batches too
    }
    s = SupervisedStack(run_dir, env, postgres_module_url)
    s.start(SERVICES, wait=False)
    wait_for(lambda: s.all_running(PROCESSES), 120, "two instances of every service RUNNING")
    yield s
    s.shutdown()


def _runs_named(names: list[str]) -> Counter[str]:
    """Prefect flow runs and task runs with these names (retries are the same run)."""
    found: Counter[str] = Counter()
    for kind in ("flow_runs", "task_runs"):
        for offset in range(0, 10_000, 200):
            page = prefect_post(
                f"/{kind}/filter",
                {kind: {"name": {"any_": names}}, "limit": 200, "offset": offset},
            )
            found.update(run["name"] for run in page)
            if len(page) < 200:
                break
    return found


def test_two_instances_of_everything_make_each_record_exactly_once(
    stack: SupervisedStack, shared_dir: Path
) -> None:
    articles = make_stream(shared_dir, "scale", ARTICLES, offset=200)
    ids = [a.article_id for a in articles]
    engine = stack.engine
    t0 = time.monotonic()
    produce(articles)

    def finished() -> bool:
        return records_done(engine, ids) == ARTICLES and joins_waiting(engine, ids) == 0

    wait_for(finished, 240, "a record for every article")
    report = count("scale-out", engine, ids, time.monotonic() - t0)
    engine.dispose()
    print(f"\nscale-out: {report}")
    assert report.articles_with_record == ARTICLES and report.records == ARTICLES
    assert report.max_versions == 1 and report.partial == 0 and report.dlq == 0
    assert report.published == ARTICLES and report.published_versions == [1]
    names = [f"verify-{i}-r1" for i in ids]
    runs = wait_for(
        lambda: (found := _runs_named(names)) and sum(found.values()) >= ARTICLES and found,
        60,
        "a Prefect run per article",
    )
    assert isinstance(runs, Counter)
    assert set(runs) == set(names) and set(runs.values()) == {1}  # none run twice
    for i in (0, 1):  # both collectors made records
        assert "record " in stack.log_tail(f"collector-{i}", 2000), stack.log_tail(f"collector-{i}")
