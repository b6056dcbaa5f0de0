"""Training pairs for the same-fact model, made the way the pipeline meets them.

An archive is built in a scratch folder from the news corpora of ../shared (topic
neighbours by the thousand) plus one side of each labelled pair; the other side is then
searched as a claim, exactly as the xref worker would. Every retrieved passage becomes a
row: it states the same fact when it is the claim's labelled partner (ANS agree/disagree:
the same headline paraphrased or contradicted; CLIMATE-FEVER SUPPORTS/REFUTES evidence),
and not otherwise (other headlines, news sentences, the claim's NOT_ENOUGH_INFO evidence).
So the negatives are the real mistakes of our own retrieval, not random text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from contracts.events import ArticleSubmitted
from storage.engine import make_engine
from storage.migrate import upgrade
from workers.xref.archive import IndexedArchive, open_archive
from workers.xref.importer import BadRecord, read_documents
from workers.xref.same_fact_features import ClaimView, candidate_features
from workers.xref.train_stance import is_fever_test_claim

DISTRACTORS = (
    "corpora/saudinewsnet-syria-isis-turkey-ar/saudinewsnet_2015_syria_isis_turkey.jsonl",
    "corpora/claimreview-ar/unique_claim_reviews.json",
)
CANDIDATES = 10  # passages per claim, as the xref worker takes them


@dataclass(frozen=True)
class LabelledClaim:
    group: str  # rows of one group never straddle a cross-validation split
    claim: str
    partners: frozenset[str]  # archive doc ids stating the same fact
    stance: dict[str, str]  # doc id -> supports / contradicts for the partners


@dataclass(frozen=True)
class Row:
    group: str
    claim: str
    passage: str
    doc_id: str
    same_fact: bool
    stance: str  # supports / contradicts for same-fact rows, "" otherwise
    features: list[float]


def ans_claims(
    shared: Path, split: str = "train"
) -> tuple[list[ArticleSubmitted], list[LabelledClaim]]:
    """ANS headlines: every distinct s1 is archived, every s2 is a claim to check."""
    path = shared / "data" / f"ans-{split}" / "stance" / f"{split}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    ids = {s1: f"ans-{split}-{i}" for i, s1 in enumerate(dict.fromkeys(r["s1"] for r in rows))}
    docs = [ArticleSubmitted(article_id=doc, body=s1, language="ar") for s1, doc in ids.items()]
    claims = []
    for r in rows:
        doc = ids[r["s1"]]
        same = r["stance"] in ("agree", "disagree")
        stance = {"agree": "supports", "disagree": "contradicts"}.get(r["stance"], "")
        claims.append(
            LabelledClaim(
                group=doc,
                claim=r["s2"],
                partners=frozenset({doc} if same else ()),
                stance={doc: stance} if same else {},
            )
        )
    return docs, claims


def fever_claims(shared: Path) -> tuple[list[ArticleSubmitted], list[LabelledClaim]]:
    """CLIMATE-FEVER training claims (never its test 30 %): every evidence sentence is
    archived; the claim's SUPPORTS/REFUTES sentences state the same fact."""
    docs: dict[str, ArticleSubmitted] = {}
    claims = []
    path = shared / "data" / "climate-fever-en" / "climate-fever.jsonl"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if is_fever_test_claim(str(obj["claim_id"])):
                continue
            partners, stance = set(), {}
            for n, ev in enumerate(obj["evidences"]):
                doc = f"fever-{obj['claim_id']}-{n}"
                docs[doc] = ArticleSubmitted(article_id=doc, body=ev["evidence"], language="en")
                if ev["evidence_label"] in ("SUPPORTS", "REFUTES"):
                    partners.add(doc)
                    stance[doc] = (
                        "supports" if ev["evidence_label"] == "SUPPORTS" else "contradicts"
                    )
            claims.append(
                LabelledClaim(f"fever-{obj['claim_id']}", obj["claim"], frozenset(partners), stance)
            )
    return list(docs.values()), claims


def scratch_archive(workdir: Path, shared: Path, extra: list[ArticleSubmitted]) -> IndexedArchive:
    url = f"sqlite:///{workdir / 'archive.db'}"
    engine = make_engine(url)
    upgrade(engine)
    archive = open_archive(engine, workdir / "data")
    for rel in DISTRACTORS:
        archive.add_many(d for d in read_documents(shared / rel) if not isinstance(d, BadRecord))
    archive.add_many(extra)
    archive.sync(force=True)
    return archive


def rows_for(archive: IndexedArchive, claims: list[LabelledClaim]) -> Iterator[Row]:
    for item in claims:
        passages = archive.search(item.claim, limit=CANDIDATES)
        if not passages:
            continue
        features = candidate_features(ClaimView.of(item.claim), passages)
        for p, row in zip(passages, features, strict=True):
            yield Row(
                group=item.group,
                claim=item.claim,
                passage=p.text,
                doc_id=p.doc_id,
                same_fact=p.doc_id in item.partners,
                stance=item.stance.get(p.doc_id, ""),
                features=row,
            )
