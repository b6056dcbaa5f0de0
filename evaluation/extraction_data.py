"""Loaders for the labelled dev sets under ../shared/data (read in place, never copied)."""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    path = Path(os.environ.get("VERIFY_SHARED_DIR", ROOT.parent / "shared"))
    if not path.is_dir():
        raise FileNotFoundError(f"shared data not found at {path} (set VERIFY_SHARED_DIR)")
    return path


@dataclass(frozen=True)
class Row:
    doc_id: str
    text: str
    label: int
    language: str
    topic: str = ""  # what the texts are about: cross-validation holds whole topics out


def _tsv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


CT21_TOPICS = {"CT20-AR-02": "yemen", "CT20-AR-27": "algeria"}


def checkthat2021_ar(label: str = "claim") -> list[Row]:
    """CT21 Task 1A Arabic dev: `claim` (contains a verifiable factual claim) or
    `claim_worthiness`; topics Yemen war and Algeria."""
    path = shared_dir() / "data" / "checkthat2021-ar-dev" / "CT21-AR-Dev-T1-Labels.tsv"
    return [
        Row(r["tweet_id"], r["tweet_text"], int(r[label]), "ar", CT21_TOPICS[r["topic_id"]])
        for r in _tsv(path)
    ]


def checkthat2022_ar_1b() -> list[Row]:
    """CT22 Task 1B Arabic dev (contains a verifiable factual claim); topic COVID-19."""
    path = shared_dir() / "data" / "checkthat2022-ar-dev" / "CT22_arabic_1B_claim_dev.tsv"
    return [
        Row(r["tweet_id"], r["tweet_text"], int(r["class_label"]), "ar", "covid")
        for r in _tsv(path)
    ]


def checkthat2022_ar_1a() -> list[Row]:
    """CT22 Task 1A Arabic dev: worth fact-checking (only tweets that hold a claim, 1B's
    positives); topic COVID-19."""
    path = shared_dir() / "data" / "checkthat2022-ar-dev" / "CT22_arabic_1A_checkworthy_dev.tsv"
    return [
        Row(r["tweet_id"], r["tweet_text"], int(r["class_label"]), "ar", "covid")
        for r in _tsv(path)
    ]


def checkthat2024_ar() -> list[Row]:
    """CT24 Task 1 Arabic dev: check-worthiness (class_label Yes/No). Two topics, told apart
    by the account: @alaraby_ar's tweets are on the Gulf crisis summit, the others on COVID."""
    path = shared_dir() / "data" / "checkthat2024-ar-dev" / "CT24_checkworthy_arabic_dev.tsv"
    labels = {"yes": 1, "no": 0}
    rows: list[Row] = []
    for r in _tsv(path):
        label = r["class_label"].strip().lower()
        if label not in labels:
            raise ValueError(f"{path}: tweet {r['tweet_id']} has label {r['class_label']!r}")
        topic = "gulf" if "/alaraby_ar/" in r["tweet_url"] else "covid"
        rows.append(Row(r["tweet_id"], r["tweet_text"], labels[label], "ar", topic))
    return rows


def claimbuster_en() -> list[Row]:
    """ClaimBuster 2xNCS (check-worthy factual sentence 1/0)."""
    path = shared_dir() / "data" / "claimbuster-en" / "2xNCS.json"
    items = json.loads(path.read_text(encoding="utf-8"))
    return [
        Row(str(i["sentence_id"]), i["text"], int(i["label"]), "en", "debates") for i in items
    ]


def saudinewsnet_articles(limit: int | None = None) -> list[str]:
    """Article bodies of the Arabic news corpus (for the speed benchmark)."""
    path = (
        shared_dir() / "corpora" / "saudinewsnet-syria-isis-turkey-ar"
        / "saudinewsnet_2015_syria_isis_turkey.jsonl"
    )
    bodies: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            content = json.loads(line).get("content") or ""
            if content.strip():
                bodies.append(content)
            if limit is not None and len(bodies) >= limit:
                break
    return bodies
