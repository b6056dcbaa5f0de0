"""Building an archive from ../shared corpora for evaluation and benchmarks."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.engine import Engine

from storage.engine import make_engine
from storage.migrate import upgrade
from workers.xref.archive import IndexedArchive, open_archive
from workers.xref.importer import BadRecord, read_documents

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
JUDGEMENTS = ROOT / "tests" / "data" / "xref" / "retrieval_judgements.jsonl"
CORPORA = (
    "corpora/saudinewsnet-syria-isis-turkey-ar/saudinewsnet_2015_syria_isis_turkey.jsonl",
    "corpora/claimreview-ar/unique_claim_reviews.json",
)


def corpus_archive(url: str, shared: Path) -> tuple[Engine, IndexedArchive]:
    """A migrated database at `url` with both Arabic corpora imported (idempotent)."""
    engine = make_engine(url)
    upgrade(engine)
    archive = open_archive(engine)
    for rel in CORPORA:
        archive.add_many(d for d in read_documents(shared / rel) if not isinstance(d, BadRecord))
    archive.sync(force=True)
    return engine, archive


def judgements() -> list[dict[str, object]]:
    with JUDGEMENTS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
