"""A worker process stops cleanly on SIGTERM: it leaves the group, closes, and exits 0."""

from __future__ import annotations

from pathlib import Path

import pytest
from stacktools import make_stack, wait_for

pytestmark = pytest.mark.integration


def test_sigterm_stops_a_worker_cleanly(tmp_path: Path) -> None:
    stack = make_stack(tmp_path, ("extraction",))
    proc = stack.procs["extraction"]
    wait_for(lambda: "consuming" in stack.log_tail("extraction", 200), 60, "worker start", stack)
    proc.terminate()
    assert proc.wait(timeout=30) == 0
    assert "extraction: stopped after" in stack.log_tail("extraction", 50)
