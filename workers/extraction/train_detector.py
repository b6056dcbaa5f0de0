"""Train the claim detector shipped in workers/extraction/models/:

    python -m workers.extraction.train_detector [--out PATH]

Data (read in place from ../shared, never copied; see each SOURCE.md):
- Arabic `claim` head ("states a verifiable fact"): CheckThat! 2021 Task 1A dev (label
  `claim`) and CheckThat! 2022 Task 1B dev. Arabic `worthy` head ("worth fact-checking"):
  CheckThat! 2021 (`claim_worthiness`), CheckThat! 2022 (Task 1A; 1B rows not in 1A are not
  worth checking) and CheckThat! 2024 Task 1 dev.
- English, one head for both: ClaimBuster 2xNCS (check-worthy factual sentence or not).
Each text is one candidate (`extractor.text_candidate`); features are character n-grams and
the rule cues (`detector_features`), one vectorizer per language shared by its heads; each
head is a logistic regression. Training is deterministic (liblinear, fixed order): the same
data gives the same weights, and `tests/workers/extraction/test_extraction_detector.py`
checks the shipped model against a retraining.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
from sklearn.linear_model import LogisticRegression

from evaluation.extraction_data import (
    Row,
    checkthat2021_ar,
    checkthat2022_ar_1a,
    checkthat2022_ar_1b,
    checkthat2024_ar,
    claimbuster_en,
)
from workers.extraction.checkworthiness import Candidate
from workers.extraction.detector import LanguageModel
from workers.extraction.detector_features import features, new_vectorizer, prepared
from workers.extraction.extractor import text_candidate
from workers.extraction.settings import MODEL_PATH

# Regularisation and vocabulary size, set by topic-held-out cross-validation
# (docs/extraction-model.md).
C = 0.5
MAX_FEATURES = 30_000


@dataclass(frozen=True)
class Example:
    doc_id: str
    text: str
    language: str
    topic: str
    claim: int | None  # None: not labelled for this head
    worthy: int | None


def arabic_examples() -> list[Example]:
    worthy21 = {r.doc_id: r.label for r in checkthat2021_ar("claim_worthiness")}
    worthy22 = {r.doc_id: r.label for r in checkthat2022_ar_1a()}
    out = [
        Example(r.doc_id, r.text, "ar", r.topic, r.label, worthy21[r.doc_id])
        for r in checkthat2021_ar()
    ]
    out += [
        Example(r.doc_id, r.text, "ar", r.topic, r.label, worthy22.get(r.doc_id, 0))
        for r in checkthat2022_ar_1b()
    ]
    out += [Example(r.doc_id, r.text, "ar", r.topic, None, r.label) for r in checkthat2024_ar()]
    return out


def english_examples(rows: Sequence[Row] | None = None) -> list[Example]:
    return [
        Example(r.doc_id, r.text, "en", r.topic, r.label, r.label)
        for r in (claimbuster_en() if rows is None else rows)
    ]


def _head(x: object, labels: list[int]) -> LogisticRegression:
    head = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=1000)
    return head.fit(x, np.asarray(labels))


def train(examples: Sequence[Example]) -> LanguageModel:
    """One language's vectorizer and heads (`claim`, `worthy`) from its examples."""
    cands: list[Candidate] = [text_candidate(e.text, e.language) for e in examples]
    vectorizer = new_vectorizer(MAX_FEATURES)
    vectorizer.fit([prepared(c.text) for c in cands])
    vectorizer.stop_words_ = None  # the pruned n-grams are not needed to score
    x = features(vectorizer, cands)
    heads = {}
    for name in ("claim", "worthy"):
        rows = [i for i, e in enumerate(examples) if getattr(e, name) is not None]
        labels = [int(getattr(examples[i], name)) for i in rows]
        heads[name] = _head(x[rows], labels)
    return LanguageModel(vectorizer, heads["claim"], heads["worthy"])


def fingerprint(model: LanguageModel) -> str:
    """A digest of the fitted weights and vocabulary: equal models, equal fingerprints."""
    h = hashlib.sha256()
    for head in (model.claim, model.worthy):
        h.update(np.round(head.coef_, 5).tobytes())
        h.update(np.round(head.intercept_, 5).tobytes())
    for gram, index in sorted(model.vectorizer.vocabulary_.items()):
        h.update(f"{gram}\x1f{index}\x1e".encode())
    return h.hexdigest()[:16]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    bundle = {}
    prints = {}
    for language, examples in (("ar", arabic_examples()), ("en", english_examples())):
        model = train(examples)
        bundle[language] = {
            "vectorizer": model.vectorizer, "claim": model.claim, "worthy": model.worthy
        }
        prints[language] = fingerprint(model)
        print(f"{language}: {len(examples)} texts, fingerprint {prints[language]}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(bundle, args.out, compress=3)
    args.out.with_suffix(".json").write_text(json.dumps({"fingerprints": prints}, indent=2) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
