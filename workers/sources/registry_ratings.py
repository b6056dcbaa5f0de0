"""Set each registry entry's reliability from public MBFC-derived factuality, by homepage domain.

The ratings come from News-Media-Reliability (Baly et al., EMNLP 2018 / ACL 2020), whose
`fact` column is Media Bias/Fact Check's factuality (high / mixed / low) per domain.
Entries without a rated domain get `unknown` with the reason; nothing is guessed.

    python -m workers.sources.registry_ratings [--shared ../shared] [--bump]
"""

from __future__ import annotations

import argparse
import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workers.sources.registry_file import REGISTRY_FILE

RATING_SETS = ("emnlp18", "acl2020")  # first one that rates a domain wins


@dataclass(frozen=True)
class Rating:
    fact: str
    media_id: str
    dataset: str
    ref: str


def load_ratings(reliability_dir: Path) -> dict[str, Rating]:
    """MBFC factuality keyed by the dataset's normalised media id (e.g. `rt.com-news`)."""
    ratings: dict[str, Rating] = {}
    for dataset in RATING_SETS:
        path = reliability_dir / dataset / "corpus.tsv"
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                media_id = row["source_url_normalized"].strip()
                if media_id and media_id not in ratings:
                    ratings[media_id] = Rating(row["fact"].strip(), media_id, dataset, row["ref"])
    return ratings


def rating_for(domain: str, ratings: dict[str, Rating]) -> Rating | None:
    """Exact domain first, then a media id that is the domain plus a section (`rt.com-news`)."""
    domain = domain.lower().removeprefix("www.")
    if domain in ratings:
        return ratings[domain]
    sections = sorted(key for key in ratings if key.startswith(domain + "-"))
    return ratings[sections[0]] if sections else None


def unrated_basis(entry: dict[str, Any]) -> str:
    kind = entry["kind"]
    if kind == "vague":
        return "unknown: vague attribution, no identifiable source to rate"
    if kind in ("government", "armed_group", "person"):
        return (
            f"unknown: {kind.replace('_', ' ')} is a party to the events it describes; "
            "no public rating exists"
        )
    where = entry.get("domain") or "no homepage domain"
    return f"unknown: {where} is not rated in News-Media-Reliability (MBFC factuality)"


def apply_ratings(doc: dict[str, Any], ratings: dict[str, Rating]) -> int:
    """Rewrite reliability fields in place; returns how many entries got a public rating."""
    rated = 0
    for entry in doc["sources"]:
        found = rating_for(entry["domain"], ratings) if entry.get("domain") else None
        media_kinds = ("wire", "broadcaster", "newspaper", "website", "ngo", "intergovernmental")
        if found and entry["kind"] in media_kinds and found.fact in ("high", "mixed", "low"):
            entry["reliability"] = found.fact
            entry["reliability_basis"] = (
                f"MBFC factuality '{found.fact}' for {found.media_id} "
                f"(News-Media-Reliability {found.dataset}; {found.ref})"
            )
            entry["rating_source"] = f"news-media-reliability/{found.dataset}"
            rated += 1
        else:
            entry["reliability"] = "unknown"
            entry["reliability_basis"] = unrated_basis(entry)
            entry["rating_source"] = "none"
    return rated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[2]
    parser.add_argument("--shared", type=Path, default=root.parent / "shared")
    parser.add_argument("--registry", type=Path, default=REGISTRY_FILE)
    parser.add_argument("--bump", action="store_true", help="increase the registry version")
    args = parser.parse_args(argv)
    doc = json.loads(args.registry.read_text(encoding="utf-8"))
    rated = apply_ratings(doc, load_ratings(args.shared / "data" / "news-media-reliability"))
    if args.bump:
        doc["version"] = int(doc["version"]) + 1
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    args.registry.write_text(text, encoding="utf-8")
    print(f"{len(doc['sources'])} sources, {rated} with a public rating, version {doc['version']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
