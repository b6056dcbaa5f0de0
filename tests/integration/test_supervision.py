"""A crash loop under supervisord is visible (state, log, `verify status`) and bounded: a
service that dies at start is retried after 1, 2, 3 … s and then left FATAL."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from stacktools import BOOTSTRAP, PREFECT_API, ROOT, SupervisedStack, wait_for

from storage.engine import make_engine
from storage.migrate import upgrade

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_a_crash_loop_backs_off_then_stops_and_shows(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'verify.db'}"
    upgrade(make_engine(db_url))
    env = {
        **os.environ,
        "VERIFY_DATABASE_URL": db_url,
        "VERIFY_KAFKA_BOOTSTRAP": BOOTSTRAP,
        "VERIFY_KAFKA_GROUP_PREFIX": f"loop-{uuid.uuid4().hex[:8]}",
        "PREFECT_API_URL": PREFECT_API,
        "PYTHONPATH": str(ROOT),
        "VERIFY_KAFKA_MAX_ATTEMPTS": "three",  # a bad setting: the worker dies at start
        "VERIFY_SUPERVISOR_STARTRETRIES": "3",
        # a start that dies within this window counts as failed; on a loaded machine the
        # imports before the settings check alone can take longer than the default 5 s
        "VERIFY_SUPERVISOR_STARTSECS": "60",
    }
    stack = SupervisedStack(tmp_path, env, db_url)
    stack.start(("extraction",), wait=False)  # it never reaches RUNNING
    try:
        wait_for(lambda: stack.states()["extraction"].state == "FATAL", 90, "extraction FATAL")
        log = (tmp_path / "logs" / "supervisord.log").read_text()
        spawned = re.findall(r"spawned: 'extraction'", log)
        assert len(spawned) == 4  # the first start and 3 retries, then it stops trying
        assert "gave up: extraction entered FATAL state, too many start retries too quickly" in log
        service_log = stack.log_tail("extraction", 200)
        assert "max_attempts" in service_log and "ValidationError" in service_log

        done = subprocess.run(
            [sys.executable, "-c", "from cli.main import run; run()", "status", "--json"],
            env={**env, "VERIFY_RUN_DIR": str(tmp_path), "VERIFY_KAFKA_MAX_ATTEMPTS": "3"},
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        services = json.loads(done.stdout)["services"]
        assert [(s["process"], s["state"]) for s in services] == [("extraction", "FATAL")]
        assert (
            "too many start retries" in services[0]["description"].lower()
            or services[0]["description"]
        )
    finally:
        stack.shutdown()
