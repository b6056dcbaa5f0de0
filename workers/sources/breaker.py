"""A small circuit breaker: after N consecutive failures, stop calling for a while."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class CircuitOpen(Exception):
    """The breaker is open: the remote service failed repeatedly and is not called now."""


class CircuitBreaker:
    """closed -> (failures >= threshold) -> open -> (reset_after passed) -> half-open: one trial
    call; success closes the breaker, failure opens it again."""

    def __init__(
        self,
        threshold: int,
        reset_after: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.threshold = threshold
        self.reset_after = reset_after
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._lock = threading.Lock()

    @property
    def state(self) -> str:
        with self._lock:
            return self._state()

    def _state(self) -> str:
        if self._opened_at is None:
            return "closed"
        if self._clock() - self._opened_at >= self.reset_after:
            return "half-open"
        return "open"

    def before_call(self) -> None:
        with self._lock:
            if self._state() == "open":
                raise CircuitOpen("resolver circuit is open after repeated failures")

    def record_success(self) -> None:
        with self._lock:
            self._failures = 0
            self._opened_at = None

    def record_failure(self) -> None:
        with self._lock:
            self._failures += 1
            if self._state() == "half-open" or self._failures >= self.threshold:
                self._opened_at = self._clock()
