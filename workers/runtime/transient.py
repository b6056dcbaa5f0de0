"""Telling an unavailable dependency (database, broker) from a message that cannot be handled."""

from __future__ import annotations

from kafka.errors import KafkaConnectionError, RetriableError
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError


class DependencyUnavailable(RuntimeError):
    """A dependency stayed down longer than the service waits for it."""


_TRANSIENT = (
    OperationalError,  # connection refused/lost, server shutting down, SQLite "database is locked"
    InterfaceError,
    DisconnectionError,
    RetriableError,  # broker timeouts, coordinator or leader not available
    KafkaConnectionError,
    ConnectionError,
)


def is_transient(exc: BaseException) -> bool:
    """The error, or one it was raised from, says a dependency is unreachable right now."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, _TRANSIENT):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
