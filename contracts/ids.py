"""Deterministic ids: a redelivered article yields the same claim ids."""

import hashlib


def claim_id(article_id: str, revision: int, start: int, end: int) -> str:
    digest = hashlib.sha256(f"{article_id}\x1f{revision}\x1f{start}\x1f{end}".encode()).hexdigest()
    return f"c-{digest[:16]}"


def content_key(*parts: str) -> str:
    """A stable digest of several strings (used for idempotency keys)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode())
        h.update(b"\x1f")
    return h.hexdigest()[:32]
