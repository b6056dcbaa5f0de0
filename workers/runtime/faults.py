"""Fault injection for the fault tests — inert unless VERIFY_FAULT_KILL_BEFORE_COMMIT is set.

VERIFY_FAULT_KILL_BEFORE_COMMIT=/some/dir/kill: when the file `/some/dir/kill-<service>`
exists at the moment a service has handled a batch (the collector: written it to the
database) but not yet committed its offsets, the service removes the file and SIGKILLs
itself. One file, one kill; a test creates the file mid-stream.
"""

from __future__ import annotations

import logging
import os
import signal

log = logging.getLogger(__name__)
KILL_BEFORE_COMMIT = "VERIFY_FAULT_KILL_BEFORE_COMMIT"


def trigger_path(prefix: str, service: str) -> str:
    return f"{prefix}-{service}"


def kill_before_commit_if_triggered(service: str) -> None:
    prefix = os.environ.get(KILL_BEFORE_COMMIT)
    if not prefix:
        return
    try:
        os.remove(trigger_path(prefix, service))  # the first process to take it dies
    except FileNotFoundError:
        return
    log.warning("%s: fault injection: SIGKILL after the batch, before its commit", service)
    os.kill(os.getpid(), signal.SIGKILL)
