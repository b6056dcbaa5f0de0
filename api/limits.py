"""Request size cap: a body over the limit is refused with 413 before it is read whole."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from contracts.input_rules import limits

# The body limit applies to the article text; the JSON around it (other fields, escapes of
# non-ASCII text as \\uXXXX: up to 6 bytes per character) may be larger.
JSON_OVERHEAD = 6


def request_limit() -> int:
    return limits().max_body_bytes * JSON_OVERHEAD + 65_536


class _TooLarge(Exception):
    pass


class BodySizeLimit:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = request_limit()
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _refuse(send, int(declared), limit)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge()
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _TooLarge:
            if not started:
                await _refuse(send, seen, limit)


async def _refuse(send: Send, size: int, limit: int) -> None:
    body: dict[str, Any] = {
        "detail": f"request body of {size:,}+ bytes is over the {limit:,}-byte limit "
        "(VERIFY_MAX_BODY_BYTES applies to the article text)"
    }
    data = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(data)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})
