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


def summary_markdown(record: VerificationRecord, api_base: str) -> str:
    """The claim table's description (markdown in the Prefect UI): counts, how many claims an
    editor should look at, links. One artifact per article, not a table and a summary: each
    artifact is a write on the Prefect server, which is a bottleneck under load (issue 9)."""
    base = api_base.rstrip("/")
    flagged = sum(1 for c in record.claims if c.needs_review)
    lines = [description(record), ""]
    if flagged:
        lines += [f"**{flagged} claims need review** (`GET {base}/review-queue`)", ""]
    lines += [
        f"- record: {base}/records/{record.article_id}",
        f"- versions: {base}/records/{record.article_id}/versions",
        f"- ClaimReview: {base}/records/{record.article_id}/claimreview",
    ]
    return "\n".join(lines) + "\n"
