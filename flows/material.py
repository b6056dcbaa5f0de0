"""What an editor would see change: the rule for making a new record version.

A record is stored as a new version only when its *material* content differs from the
latest version: the record's status and missing parts, and per claim its status, its
cited source and the set of evidence documents, and for a reviewed claim the review, the
machine's own status and the review flag. Evidence scores, snippets, reasons and
confidences move whenever the archive grows or a worker is redelivered; they are not news.
"""

from __future__ import annotations

import json

from contracts.ids import content_key
from contracts.record import Claim, VerificationRecord


def material_view(record: VerificationRecord) -> dict[str, object]:
    return {
        "status": record.status,
        "missing": sorted(record.missing_parts),
        "claims": [_claim_view(c) for c in sorted(record.claims, key=lambda c: c.claim_id)],
    }


def _claim_view(c: Claim) -> dict[str, object]:
    view: dict[str, object] = {
        "id": c.claim_id,
        "status": c.status,
        "source": c.source.source_id if c.source else None,
        "evidence": sorted({e.doc_id for e in c.evidence}),
    }
    if c.review is not None:  # only then: the keys of unreviewed records stay as they were
        view["review"] = [c.review.reviewer, c.review.at.isoformat(), c.review.note]
        view["machine_status"] = c.machine_status
        view["needs_review"] = c.needs_review
    return view


def material_key(record: VerificationRecord) -> str:
    """Digest of `material_view`: equal keys mean nothing an editor sees has changed."""
    return content_key(json.dumps(material_view(record), sort_keys=True))
