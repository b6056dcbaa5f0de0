"""The services as supervisord sees them, over its XML-RPC interface on the unix socket."""

from __future__ import annotations

import xmlrpc.client
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from supervisor.xmlrpc import SupervisorTransport

# BACKOFF: exited too quickly, waiting to retry; FATAL: gave up after startretries
HEALTHY = {"RUNNING", "STARTING"}


@dataclass(frozen=True)
class ProcessState:
    service: str  # the program: extraction, xref …
    process: str  # xref or xref-1 with VERIFY_INSTANCES > 1
    state: str  # RUNNING, STARTING, BACKOFF, FATAL, STOPPED, EXITED …
    pid: int
    description: str  # "pid 42, uptime 0:01:02" or why it is not running

    @property
    def healthy(self) -> bool:
        return self.state in HEALTHY


def process_states(socket: Path, timeout_s: float = 5.0) -> list[ProcessState] | None:
    """Every process supervisord runs, or None when no supervisord listens on `socket`."""
    if not socket.exists():
        return None
    transport = SupervisorTransport(None, None, f"unix://{socket}")
    proxy = xmlrpc.client.ServerProxy("http://127.0.0.1", transport=transport)
    try:
        infos = cast(list[dict[str, Any]], proxy.supervisor.getAllProcessInfo())
    except (OSError, xmlrpc.client.Error):
        return None
    finally:
        transport.close()
    return [
        ProcessState(
            service=str(i["group"]),
            process=str(i["name"]),
            state=str(i["statename"]),
            pid=int(i["pid"]),
            description=str(i["description"]),
        )
        for i in infos
    ]
