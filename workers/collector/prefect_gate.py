"""Is the Prefect API reachable, and since when is it not (the collector's degraded mode)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import httpx

log = logging.getLogger(__name__)


def prefect_healthy(api_url: str, client: httpx.Client, timeout_s: float = 2.0) -> bool:
    """`client`: kept by the caller (a new one per check loads the CA bundle every second)."""
    try:
        return client.get(f"{api_url.rstrip('/')}/health", timeout=timeout_s).status_code == 200
    except httpx.HTTPError:
        return False


def is_prefect_unreachable(exc: BaseException) -> bool:
    """Prefect's client says so ("Failed to reach API at …"), or the HTTP call itself failed."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, httpx.TransportError) or "Failed to reach API" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def is_prefect_busy(exc: BaseException) -> bool:
    """The server answered 503/429: overloaded for a moment (its SQLite database is locked by
    other writers under load), not a fault of the joins in the run."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        response = getattr(seen, "response", None)
        if getattr(response, "status_code", None) in (429, 503):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class PrefectGate:
    """Up, waiting (down for less than `wait_s`: joins stay due), or degraded (down longer:
    records are made without a flow run and the runs are caught up when Prefect is back)."""

    def __init__(
        self,
        wait_s: float,
        check: Callable[[], bool],
        clock: Callable[[], float] = time.monotonic,
        check_every_s: float = 1.0,
    ) -> None:
        self.wait_s = wait_s
        self._check = check
        self._clock = clock
        self._every = check_every_s
        self._checked_at = -1e18
        self._up = True
        self.down_since: float | None = None

    def up(self) -> bool:
        now = self._clock()
        if now - self._checked_at >= self._every:
            self._checked_at = now
            self._set(self._check())
        return self._up

    def report_down(self) -> None:
        self._checked_at = self._clock()
        self._set(False)

    def _set(self, up: bool) -> None:
        if up and not self._up:
            log.warning("Prefect API reachable again: flow runs resume (and catch up)")
        if not up and self._up:
            log.warning("Prefect API unreachable: joins wait up to %.0fs", self.wait_s)
        self._up = up
        if up:
            self.down_since = None
        elif self.down_since is None:
            self.down_since = self._clock()

    @property
    def degraded(self) -> bool:
        return self.down_since is not None and self._clock() - self.down_since >= self.wait_s
