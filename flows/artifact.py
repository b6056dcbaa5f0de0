"""The per-claim table operators see on the flow run in the Prefect UI."""

from __future__ import annotations

import re

from contracts.record import VerificationRecord


def artifact_key(article_id: str) -> str:
    # Prefect artifact keys allow lower-case letters, digits and dashes only
    return "verify-" + (re.sub(r"[^a-z0-9-]+", "-", article_id.lower()).strip("-") or "article")


def claim_rows(record: VerificationRecord) -> list[dict[str, str | float]]:
    rows: list[dict[str, str | float]] = []
    for claim in record.claims:
        text = claim.text if len(claim.text) <= 160 else claim.text[:157] + "…"
        source = claim.source.name if claim.source else (claim.attribution.mention or "—")
        rows.append(
            {
                "claim": text,
                "source": source,
                "status": claim.status,
                "confidence": claim.confidence,
                "evidence": str(len(claim.evidence)),
                "review": "yes" if claim.needs_review else "no",
            }
        )
    return rows


def description(record: VerificationRecord) -> str:
    s = record.summary
    missing = f" (missing: {', '.join(record.missing_parts)})" if record.missing_parts else ""
    return (
        f"**{record.article_id}** r{record.revision} v{record.version} — {record.status}{missing}: "
        f"{s.corroborated} corroborated, {s.contradicted} contradicted, {s.disputed} disputed, "
        f"{s.unverified} unverified, {s.unsupported} unsupported"
    )
