"""JSON Schema for every event and the record, and an AsyncAPI 3 document of the topics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from contracts import PIPELINE_VERSION, SCHEMA_VERSION, headers, topics
from contracts.events import ArticleSubmitted, ExtractionResult, SourcesResult, XrefResult
from contracts.record import VerificationRecord

MESSAGES: dict[str, tuple[type[BaseModel], str, str]] = {
    # message name: (model, topic, what it is)
    "ArticleSubmitted": (ArticleSubmitted, topics.ARTICLES_SUBMITTED, "a new article or revision"),
    "ExtractionResult": (ExtractionResult, topics.RESULTS_EXTRACTION, "claims found in an article"),
    "SourcesResult": (SourcesResult, topics.RESULTS_SOURCES, "source mentions, resolved"),
    "XrefResult": (XrefResult, topics.RESULTS_XREF, "evidence per claim"),
    "VerificationRecord": (VerificationRecord, topics.RECORDS, "the merged record"),
}


def json_schemas() -> dict[str, dict[str, Any]]:
    return {name: model.model_json_schema() for name, (model, _, _) in MESSAGES.items()}


def asyncapi() -> dict[str, Any]:
    header_schema = {
        "type": "object",
        "properties": {
            headers.SCHEMA_VERSION: {"type": "string", "const": SCHEMA_VERSION},
            headers.CORRELATION_ID: {"type": "string"},
            headers.EVENT_TYPE: {"type": "string"},
        },
    }
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for name, (_, topic, summary) in MESSAGES.items():
        messages[name] = {
            "name": name,
            "summary": summary,
            "contentType": "application/json",
            "headers": header_schema,
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
