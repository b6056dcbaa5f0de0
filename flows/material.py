"""What an editor would see change: the rule for making a new record version.

A record is stored as a new version only when its *material* content differs from the
latest version: the record's status and missing parts, and per claim its status, its
cited source and the set of evidence documents. Evidence scores, snippets, reasons and
confidences move whenever the archive grows or a worker is redelivered; they are not news.
"""

from __future__ import annotations

import json

from contracts.ids import content_key
from contracts.record import VerificationRecord


def material_view(record: VerificationRecord) -> dict[str, object]:
    return {
        "status": record.status,
        "missing": sorted(record.missing_parts),
        "claims": [
            {
                "id": c.claim_id,
                "status": c.status,
                "source": c.source.source_id if c.source else None,
                "evidence": sorted({e.doc_id for e in c.evidence}),
            }
            for c in sorted(record.claims, key=lambda c: c.claim_id)
        ],
    }


def material_key(record: VerificationRecord) -> str:
    """Digest of `material_view`: equal keys mean nothing an editor sees has changed."""
    return content_key(json.dumps(material_view(record), sort_keys=True))
