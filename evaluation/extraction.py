"""Claim detection on the dev sets, cross-validated: `python -m evaluation.extraction [--json]`.

The detector is retrained here for every fold (`train_detector.train`), so no text is scored
by a model that saw it. A text counts as "claim" when the extractor, run on it with the fold's
model, yields a claim: the best clause's `claim` probability reaches the configured threshold
(check-worthiness: its `worthy` probability reaches 0.5).
- Arabic, topic held out: each of the four topics (CheckThat 2021 Yemen, 2021 Algeria,
  COVID-19 = CheckThat 2022 and 2024's COVID tweets, 2024 Gulf summit) is scored by a model
  trained on the other three.
- CheckThat 2024 check-worthiness, 5 folds by tweet id: each fold scored by a model trained on
  everything else (the other folds' 2024 rows included).
- English: ClaimBuster, trained on even sentence ids, scored on the odd ones.
Every CheckThat text is a post (`extractor.is_post`: untitled, one short text), so its claim
cut-off is `post_threshold_ar`; the "best post cut" row is the cut this run's topic-held-out
scores favour, the way that setting was chosen.
The hand-weighted rule score (no model) is reported beside each figure, and the atomic-claim
figures on the annotated articles follow (`evaluation.extraction_atomic`).
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace

from contracts.events import ArticleSubmitted
from contracts.input_rules import without_controls
from evaluation.extraction_atomic import run as run_atomic
from evaluation.extraction_atomic import to_markdown as atomic_markdown
from workers.extraction.checkworthiness import Candidate
from workers.extraction.detector import LanguageModel, RuleScorer, Score
from workers.extraction.extractor import candidates, is_post
from workers.extraction.settings import settings
from workers.extraction.train_detector import Example, arabic_examples, english_examples, train

WORTHY_THRESHOLD = settings().checkable_threshold
ARABIC_TOPICS = ("yemen", "algeria", "covid", "gulf")
CT24_FOLDS = 5


@dataclass(frozen=True)
class Scores:
    dataset: str
    n: int
    positives: int
    threshold: float
    precision: float
    recall: float
    f1: float
    macro_f1: float
    rule_macro_f1: float  # the hand-weighted cue score, no model, best threshold in 0.05 steps
    all_positive_f1: float  # the trivial baseline: predict "claim" for every text


def article_of(e: Example) -> ArticleSubmitted:
    """The text as the extractor receives it: an untitled article (a post)."""
    # a few ClaimBuster rows carry mojibake control characters, which articles refuse
    return ArticleSubmitted(article_id="eval", body=without_controls(e.text), language=e.language)


def clause_candidates(examples: Sequence[Example]) -> list[list[Candidate]]:
    """The candidates the extractor builds for each text (one list per text)."""
    return [candidates(article_of(e)) for e in examples]


def post_cut(labels: Sequence[int], scores: Sequence[float]) -> float:
    """The claim cut-off (0.3–0.6, steps of 0.025) with the best macro-F1 on held-out scores:
    how `post_threshold_ar` was chosen (on topic-held-out scores, docs/extraction.md)."""
    cuts = [round(0.3 + 0.025 * k, 3) for k in range(13)]
    return max(cuts, key=lambda c: (macro_f1(labels, [int(s >= c) for s in scores]), -c))


def prf(labels: Sequence[int], predicted: Sequence[int]) -> tuple[float, float, float]:
    tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted, strict=True) if not y and p)
    fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def macro_f1(labels: Sequence[int], predicted: Sequence[int]) -> float:
    positive = prf(labels, predicted)[2]
    negative = prf([1 - y for y in labels], [1 - p for p in predicted])[2]
    return (positive + negative) / 2


def _best_rule_macro(labels: Sequence[int], scores: Sequence[float]) -> float:
    return max(
        macro_f1(labels, [int(s >= step * 0.05) for s in scores]) for step in range(1, 20)
    )


def scores_of(
    name: str, labels: Sequence[int], scores: Sequence[float], rule: Sequence[float], cut: float
) -> Scores:
    predicted = [int(s >= cut) for s in scores]
    p, r, f1 = prf(labels, predicted)
    return Scores(
        name, len(labels), sum(labels), cut, round(p, 3), round(r, 3), round(f1, 3),
        round(macro_f1(labels, predicted), 3), round(_best_rule_macro(labels, rule), 3),
        round(prf(labels, [1] * len(labels))[2], 3),
    )


Head = Callable[[Score], float]


def _claim(s: Score) -> float:
    return s.claim


def _worthy(s: Score) -> float:
    return s.worthy


def _best(model: LanguageModel | RuleScorer, candidates: list[Candidate], head: Head) -> float:
    return max(map(head, model.probabilities(candidates) if isinstance(model, LanguageModel)
                   else model.scores(candidates)), default=0.0)


def _configured(model: LanguageModel, language: str = "ar") -> LanguageModel:
    """The fold's model with the configured model/rule mix, as the extractor uses it."""
    return replace(model, model_weight=settings().model_weight(language))


def held_out_scores(
    examples: Sequence[Example],
    candidates: Sequence[list[Candidate]],
    fold_of: Callable[[int], str | None],
    trains_on: Callable[[int, str], bool],
    head: Head,
) -> list[float]:
    """Each text's best score from the model of its fold (trained on `trains_on` rows);
    texts of no fold (None) are only trained on."""
    out = [0.0] * len(examples)
    folds = {fold_of(i) for i in range(len(examples))}
    for fold in sorted(f for f in folds if f is not None):
        model = _configured(train([e for i, e in enumerate(examples) if trains_on(i, fold)]))
        for i in range(len(examples)):
            if fold_of(i) == fold:
                out[i] = _best(model, candidates[i], head)
    return out


def run() -> list[Scores]:
    config = settings()
    arabic = arabic_examples()
    ar_cands = clause_candidates(arabic)
    rules = RuleScorer()
    ar_rule = [_best(rules, c, _claim) for c in ar_cands]
    topic_of = lambda i: arabic[i].topic  # noqa: E731
    claim = held_out_scores(arabic, ar_cands, topic_of, lambda i, t: topic_of(i) != t, _claim)
    worthy = held_out_scores(arabic, ar_cands, topic_of, lambda i, t: topic_of(i) != t, _worthy)
    n21, n22 = 661, 339  # rows of CheckThat 2021 and 2022 come first (arabic_examples)
    ct21 = range(n21)
    ct22 = range(n21, n21 + n22)
    ct24 = range(n21 + n22, len(arabic))

    def fold24(i: int) -> str | None:
        return f"{zlib.crc32(arabic[i].doc_id.encode()) % CT24_FOLDS}" if i in ct24 else None

    worthy_cv = held_out_scores(
        arabic, ar_cands, fold24, lambda i, f: fold24(i) != f, _worthy
    )
    # every CheckThat text is a post (untitled, under MAX_POST_CHARS): the post cut-off
    if not all(is_post(article_of(arabic[i])) for i in range(n21 + n22)):
        raise ValueError("a CheckThat claim row is not read as a post")
    cut_ar = config.threshold("ar", post=True)
    results = [
        _subset("checkthat2021-ar claim, topic held out", ct21, arabic, claim, ar_rule, cut_ar),
        _subset("checkthat2022-ar 1B claim, topic held out", ct22, arabic, claim, ar_rule, cut_ar),
        # the cut-off this run would choose for posts (compare with the configured one)
        _subset("checkthat2021+2022-ar claim, topic held out, best post cut", range(n21 + n22),
                arabic, claim, ar_rule,
                post_cut([int(arabic[i].claim or 0) for i in range(n21 + n22)],
                         [claim[i] for i in range(n21 + n22)])),
        _subset("checkthat2024-ar check-worthy, topic held out", ct24, arabic, worthy, ar_rule,
                WORTHY_THRESHOLD),
        _subset("checkthat2024-ar check-worthy, 5-fold", ct24, arabic, worthy_cv, ar_rule,
                WORTHY_THRESHOLD),
    ]
    english = english_examples()
    en_cands = clause_candidates(english)
    odd = [i for i, e in enumerate(english) if _odd(e)]
    even_model = _configured(train([e for e in english if not _odd(e)]), "en")
    en_scores = [_best(even_model, en_cands[i], _claim) for i in odd]
    en_rule = [_best(rules, en_cands[i], _claim) for i in odd]
    results.append(
        scores_of("claimbuster-en odd ids (trained on even)",
                  [int(english[i].claim or 0) for i in odd], en_scores, en_rule,
                  config.threshold("en"))
    )
    return results


def _odd(e: Example) -> bool:
    return e.doc_id.isdigit() and int(e.doc_id) % 2 == 1


def _subset(
    name: str, rows: range, examples: Sequence[Example], scores: Sequence[float],
    rule: Sequence[float], cut: float,
) -> Scores:
    head = "worthy" if "worthy" in name else "claim"
    labels = [int(getattr(examples[i], head)) for i in rows]
    return scores_of(name, labels, [scores[i] for i in rows], [rule[i] for i in rows], cut)


def to_markdown(results: Sequence[Scores]) -> str:
    lines = [
        "| dataset | n | positives | threshold | precision | recall | F1 | macro-F1 "
        "| rule macro-F1 | all-positive F1 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in results:
        lines.append(
            f"| {s.dataset} | {s.n} | {s.positives} | {s.threshold} | {s.precision} | "
            f"{s.recall} | {s.f1} | {s.macro_f1} | {s.rule_macro_f1} | {s.all_positive_f1} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of markdown")
    args = parser.parse_args(argv)
    results = run()
    atomic = [run_atomic(split)[0] for split in ("dev", "test", "all")]
    if args.json:
        print(json.dumps({"detection": [asdict(s) for s in results],
                          "atomic": [asdict(s) for s in atomic]}, indent=2))
        return
    print(to_markdown(results))
    print()
    print(atomic_markdown(atomic))


if __name__ == "__main__":
    main()
