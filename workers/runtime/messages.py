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


@dataclass
class Outgoing:
    topic: str
    key: str
    value: BaseModel
    headers: Headers = field(default_factory=list)


def decode(value: bytes | None, model: type[M]) -> M:
    """Parse a message value into `model`, or raise BadMessage with a one-line reason."""
    if value is None:
        raise BadMessage("empty message value")
    try:
        data = json.loads(value)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadMessage(f"value is not JSON: {exc}") from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}"
            for err in exc.errors()[:5]
        )
        raise BadMessage(f"invalid {model.__name__}: {problems}") from exc


def encode(value: BaseModel) -> bytes:
    return value.model_dump_json().encode("utf-8")


def standard_headers(correlation_id: str | None, event_type: str) -> Headers:
    return [
        (headers.SCHEMA_VERSION, SCHEMA_VERSION.encode()),
        (headers.CORRELATION_ID, (correlation_id or uuid.uuid4().hex).encode()),
        (headers.EVENT_TYPE, event_type.encode()),
    ]
