"""The per-claim table operators see on the flow run in the Prefect UI."""

from __future__ import annotations

import re

from contracts.record import VerificationRecord


def artifact_key(article_id: str) -> str:
    # Prefect artifact keys allow lower-case letters, digits and dashes only
    return "verify-" + (re.sub(r"[^a-z0-9-]+", "-", article_id.lower()).strip("-") or "article")


def claim_rows(record: VerificationRecord) -> list[dict[str, str | float]]:
    rows: list[dict[str, str | float]] = []
    for i, claim in enumerate(record.claims, 1):
        text = claim.text if len(claim.text) <= 120 else claim.text[:117] + "…"
        source = claim.source.name if claim.source else (claim.attribution.mention or "—")
        # short columns first: the UI gives the table one scroll width, and a long claim text
        # in front would push the status out of sight
        rows.append(
            {
                "#": str(i),
                "status": claim.status,
                "review": "yes" if claim.needs_review else "no",
                "confidence": claim.confidence,
                "source": source,
                "evidence": str(len(claim.evidence)),
                "claim": text,
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
