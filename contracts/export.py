"""JSON Schema for every event and the record, and an AsyncAPI 3 document of the topics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from contracts import PIPELINE_VERSION, SCHEMA_VERSION, headers, topics
from contracts.events import (
    ArchiveAdded,
    ArticleSubmitted,
    ExtractionResult,
    SourcesResult,
    XrefResult,
)
from contracts.record import VerificationRecord

MESSAGES: dict[str, tuple[type[BaseModel], str, str]] = {
    # message name: (model, topic, what it is)
    "ArticleSubmitted": (ArticleSubmitted, topics.ARTICLES_SUBMITTED, "a new article or revision"),
    "ExtractionResult": (ExtractionResult, topics.RESULTS_EXTRACTION, "claims found in an article"),
    "SourcesResult": (SourcesResult, topics.RESULTS_SOURCES, "source mentions, resolved"),
    "XrefResult": (XrefResult, topics.RESULTS_XREF, "evidence per claim"),
    "VerificationRecord": (
        VerificationRecord,
        topics.RECORDS,
        f"every stored version of a record (headers {headers.RECORD_VERSION}, "
        f"{headers.RECORD_REVISION}); a consumer keeps the highest version per article",
    ),
    "ArchiveAdded": (ArchiveAdded, topics.ARCHIVE_ADDED, "documents that entered the archive"),
}


def json_schemas() -> dict[str, dict[str, Any]]:
    return {name: model.model_json_schema() for name, (model, _, _) in MESSAGES.items()}


def asyncapi() -> dict[str, Any]:
    common: dict[str, dict[str, str]] = {
        headers.SCHEMA_VERSION: {"type": "string", "const": SCHEMA_VERSION},
        headers.CORRELATION_ID: {"type": "string"},
        headers.EVENT_TYPE: {"type": "string"},
    }
    header_schema = {"type": "object", "properties": common}
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    record_header_schema = {
        "type": "object",
        "properties": {
            **common,
            headers.RECORD_VERSION: {"type": "string", "pattern": "^[0-9]+$"},
            headers.RECORD_REVISION: {"type": "string", "pattern": "^[0-9]+$"},
        },
    }
    for name, (_, topic, summary) in MESSAGES.items():
        messages[name] = {
            "name": name,
            "summary": summary,
            "contentType": "application/json",
            "headers": record_header_schema if topic == topics.RECORDS else header_schema,
            "payload": {"$ref": f"./{name}.schema.json"},
            "bindings": {"kafka": {"key": {"type": "string", "description": "article_id"}}},
        }
        channel = topic.replace(".", "_")
        channels[channel] = {
            "address": topic,
            "messages": {name: {"$ref": f"#/components/messages/{name}"}},
        }
        operations[f"publish_{channel}"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{channel}"},
        }
    channels["verify_dlq"] = {
        "address": topics.DLQ,
        "description": "Messages that could not be processed: original key, value and headers, "
        f"plus {headers.DLQ_REASON}, {headers.DLQ_ERROR}, {headers.DLQ_SERVICE}, "
        f"{headers.DLQ_ORIGIN_TOPIC}, {headers.DLQ_ORIGIN_PARTITION}, {headers.DLQ_ORIGIN_OFFSET}.",
    }
    return {
        "asyncapi": "3.0.0",
        "info": {"title": "newsroom-verify", "version": PIPELINE_VERSION},
        "servers": {"local": {"host": "127.0.0.1:9092", "protocol": "kafka"}},
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages},
    }


def export_all(out: str | Path) -> list[Path]:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in json_schemas().items():
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    path = folder / "asyncapi.json"
    path.write_text(json.dumps(asyncapi(), indent=2) + "\n", encoding="utf-8")
    written.append(path)
    return written
