"""Operators in Prefect: a run of the `recheck-claims` deployment, created through the Prefect
API as the UI does and executed by the serving process (`python -m flows.serve`, what `make up`
runs), re-verifies an article against the archive and completes with a summary artifact."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from stacktools import PREFECT_API, ROOT, prefect_post, wait_for

from cli.archive import import_file
from contracts.events import ArticleSubmitted
from flows.check import Checker
from flows.publish import store_version
from storage.engine import make_engine
from storage.migrate import upgrade
from storage.record_store import latest_record

pytestmark = [pytest.mark.integration, pytest.mark.shared]
FACTCHECK = Path(__file__).parents[1] / "data" / "living" / "treasury-claimreview.json"


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    db_url = f"sqlite:///{tmp_path / 'verify.db'}"
    upgrade(make_engine(db_url))
    monkeypatch.setenv("VERIFY_DATABASE_URL", db_url)
    name = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "VERIFY_OPERATOR_DEPLOYMENT": name,
        "VERIFY_OPERATOR_DAILY": "false",
        "PREFECT_API_URL": PREFECT_API,
        "PYTHONPATH": str(ROOT),
    }
    log = (tmp_path / "operator.log").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.serve"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    try:
        yield db_url, name
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        for flow_name in ("recheck-claims", "verify-article"):  # the test's own deployments
            found = httpx.get(f"{PREFECT_API}/deployments/name/{flow_name}/{name}", timeout=10)
            if found.status_code == 200:
                httpx.delete(f"{PREFECT_API}/deployments/{found.json()['id']}", timeout=10)


def test_a_deployment_run_from_the_api_re_verifies_an_article(
    served: tuple[str, str], seed_article: str
) -> None:
    db_url, name = served
    engine = make_engine(db_url)
    article_id = f"op-{uuid.uuid4().hex[:8]}"
    checker = Checker.for_engine(engine, archive_checked=False)
    store_version(engine, checker.check(ArticleSubmitted(article_id=article_id, body=seed_article)))
    # no event, so no re-check; the checker's archive is this process's index writer
    import_file(FACTCHECK, checker.archive, show_progress=False)  # type: ignore[arg-type]

    def deployment() -> dict[str, object] | None:
        resp = httpx.get(f"{PREFECT_API}/deployments/name/recheck-claims/{name}", timeout=10)
        return resp.json() if resp.status_code == 200 else None

    found = wait_for(deployment, 90, f"deployment recheck-claims/{name}")
    assert isinstance(found, dict)

    def created() -> dict[str, object] | None:
        # retried: right after the fault tests restart the Prefect server, it can answer a
        # write with a 5xx for a while
        try:
            resp = httpx.post(
                f"{PREFECT_API}/deployments/{found['id']}/create_flow_run",
                json={"parameters": {"article_ids": [article_id]}},
                timeout=10,
            )
        except httpx.HTTPError:
            return None
        return resp.json() if resp.status_code in (200, 201) else None

    run = wait_for(created, 60, "the deployment's flow run to be created")
    assert isinstance(run, dict)

    def finished() -> dict[str, object] | None:
        state = httpx.get(f"{PREFECT_API}/flow_runs/{run['id']}", timeout=10).json()
        return state if state["state_type"] in ("COMPLETED", "FAILED", "CRASHED") else None

    final = wait_for(finished, 150, "the deployment run to finish")
    assert isinstance(final, dict) and final["state_type"] == "COMPLETED"
    latest = latest_record(engine, article_id)
    assert latest is not None and latest.version == 2
    assert [c.status for c in latest.claims if "احتياطيات نقدية" in c.text] == ["contradicted"]
    artifacts = prefect_post(
        "/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [run["id"]]}}}
    )
    assert [a["type"] for a in artifacts] == ["markdown"]
    assert f"## {article_id} v2" in artifacts[0]["data"]
