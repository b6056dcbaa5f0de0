"""Decoding inputs and describing outputs, independent of the Kafka client."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from contracts import SCHEMA_VERSION, headers
from contracts.headers import Headers

M = TypeVar("M", bound=BaseModel)


class BadMessage(Exception):
    """The message can never be processed (bad JSON, wrong shape): dead-letter it, do not retry."""

    kind = "bad-message"  # the dlq-error header


class ResultTooLarge(BadMessage):
    """What the message yields is over the message size limit: the same input would always
    fail to send, so it is dead-lettered with the size in the reason."""

    kind = "result-too-large"


@dataclass
class Outgoing:
    topic: str
    key: str
    value: BaseModel
    headers: Headers = field(default_factory=list)


def decode(value: bytes | None, model: type[M]) -> M:
    """Parse a message value into `model`, or raise BadMessage with a one-line reason."""
    if value is None or not value.strip():
        raise BadMessage("empty message value")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadMessage(f"value is not valid UTF-8: {exc.reason} at byte {exc.start}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadMessage(f"value is not JSON: {exc}") from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(_field(p) for p in err['loc']) or '(root)'}: "
            + _one_line(str(err["msg"]).removeprefix("Value error, "))
            for err in exc.errors()[:5]
        )
        raise BadMessage(f"invalid {model.__name__}: {problems}") from exc


def check_schema_version(hdrs: Headers | None) -> None:
    """A message without the header is taken as the current version (a CMS may not set
    headers); one with another major version is refused: its fields may mean other things."""
    found = headers.header(hdrs, headers.SCHEMA_VERSION)
    if found is None:
        return
    if found.split(".", 1)[0].strip() != SCHEMA_VERSION.split(".", 1)[0]:
        raise BadMessage(
            f"unsupported {headers.SCHEMA_VERSION} {found[:20]!r}: this service reads "
            f"version {SCHEMA_VERSION} (minor versions {SCHEMA_VERSION}.x are compatible)"
        )


def _field(part: object) -> str:
    """A field name as it can stand in a one-line reason (a key may be any JSON string)."""
    text = str(part)
    return text if text.isidentifier() or isinstance(part, int) else repr(text[:60])


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")


def encode(value: BaseModel) -> bytes:
    return value.model_dump_json().encode("utf-8")


def standard_headers(correlation_id: str | None, event_type: str) -> Headers:
    return [
        (headers.SCHEMA_VERSION, SCHEMA_VERSION.encode()),
        (headers.CORRELATION_ID, (correlation_id or uuid.uuid4().hex).encode()),
        (headers.EVENT_TYPE, event_type.encode()),
    ]
