"""Kafka header names. Values are UTF-8 bytes on the wire."""

SCHEMA_VERSION = "schema-version"
CORRELATION_ID = "correlation-id"
EVENT_TYPE = "event-type"
# On worker results: the input event they were computed from, "topic:partition:offset".
ORIGIN = "origin"
# On verify.records: the record's version and revision ("3", "1"), so a consumer can skip
# stale versions without parsing the value.
RECORD_VERSION = "record-version"
RECORD_REVISION = "record-revision"

# Dead-letter headers: why a message was rejected and where it came from.
DLQ_REASON = "dlq-reason"
DLQ_ERROR = "dlq-error"
DLQ_SERVICE = "dlq-service"
DLQ_ORIGIN_TOPIC = "dlq-origin-topic"
DLQ_ORIGIN_PARTITION = "dlq-origin-partition"
DLQ_ORIGIN_OFFSET = "dlq-origin-offset"
DLQ_ATTEMPTS = "dlq-attempts"

Headers = list[tuple[str, bytes]]


def header(headers: Headers | None, name: str) -> str | None:
    """The first value of `name` decoded as UTF-8, or None."""
    for key, value in headers or []:
        if key == name:
            return value.decode("utf-8", errors="replace")
    return None
