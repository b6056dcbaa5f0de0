"""The evidence evaluation: reference checks, claim matching and figures (pure logic)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from evaluation.evidence import (
    JUDGMENTS,
    ClaimResult,
    EvalClaim,
    Judgment,
    best_claim,
    load_claims,
    load_judgments,
    metrics,
)
from evaluation.evidence_data import (
    Document,
    ReferenceError_,
    check_reference,
    documents,
    text_hash,
)
from evaluation.evidence_pool import tokens


def _doc(text: str) -> Document:
    return Document("snn:line-1", "article", text, "t", "o", None, None, "ar")


def test_reference_resolves_span_after_hash_check() -> None:
    doc = _doc("قال المرصد إن 12 شخصا قتلوا.")
    _, span = check_reference(doc, text_hash(doc.text), 11, 16)
    assert span == doc.text[11:16]


def test_reference_with_another_hash_or_span_outside_is_an_error() -> None:
    doc = _doc("some text")
    with pytest.raises(ReferenceError_, match="hash"):
        check_reference(doc, text_hash("other text"), 0, 4)
    with pytest.raises(ReferenceError_, match="outside"):
        check_reference(doc, text_hash(doc.text), 5, 50)


@dataclass
class _Span:
    start: int
    end: int


def test_best_claim_is_the_largest_overlap_and_none_without_overlap() -> None:
    claims = [_Span(0, 10), _Span(8, 40), _Span(50, 60)]
    assert best_claim((5, 30), claims) is claims[1]
    assert best_claim((41, 49), claims) is None
    assert best_claim((0, 5), []) is None


def _claim(cid: str, factcheck: str | None = None, expected: str | None = None) -> EvalClaim:
    source = None if factcheck else "snn:line-1"
    return EvalClaim(cid, "text", "ar", source, 0, 4, factcheck, expected)


def _j(claim: str, doc: str, useful: bool) -> tuple[tuple[str, str], Judgment]:
    return (claim, doc), Judgment(claim, doc, useful, "supports" if useful else None, 1)


def test_figures_count_unjudged_as_not_useful_and_report_them() -> None:
    claims = [_claim("c1"), _claim("c2"), _claim("c3"), _claim("f1", "cr:item-9", "contradicted")]
    judgments = dict(
        [
            _j("c1", "d1", True),
            _j("c1", "d2", False),
            _j("c2", "d3", True),
            _j("c3", "d4", False),
            _j("f1", "cr:item-9", True),
        ]
    )
    results = {
        "c1": ClaimResult("c1", True, ["d1", "d2", "d9"], "corroborated"),  # d9 unjudged
        "c2": ClaimResult("c2", True, ["d4"], "unverified"),  # has a useful doc, shows none
        "c3": ClaimResult("c3", True, [], "unsupported"),  # nothing useful, silent: right
        "f1": ClaimResult("f1", True, ["cr:item-9", "d1"], "contradicted"),
    }
    m = metrics(claims, results, judgments)
    # unjudged: d9 for c1, d4 for c2 (judged for c3 only), d1 for f1 (judged for c1 only)
    assert m["shown_items"] == 6 and m["useful_items"] == 2 and m["unjudged_items"] == 3
    assert m["evidence_precision"] == round(2 / 6, 4)
    assert m["evidence_precision_judged_only"] == round(2 / 3, 4)
    assert m["claims_with_useful_in_archive"] == 2 and m["coverage"] == 0.5
    assert m["claims_without_useful_in_archive"] == 1
    assert m["silent_when_nothing_useful"] == 1.0
    fc = m["factchecks"]
    assert fc["target_shown_first"] == 1 and fc["status_as_expected"] == 1


def test_not_extracted_claims_are_listed() -> None:
    claims = [_claim("c1")]
    m = metrics(claims, {"c1": ClaimResult("c1", extracted=False)}, {})
    assert m["not_extracted"] == ["c1"] and m["shown_items"] == 0


def test_own_normalisation_folds_letter_forms_and_digits() -> None:
    assert tokens("أعلنت الوزارة ١٢ قتيلا") == tokens("اعلنت الوزاره 12 قتيلا")
    assert "في" not in " ".join(tokens("في سوريا"))


@pytest.mark.shared
def test_every_reference_of_the_set_resolves(shared_dir: Path) -> None:
    claims = load_claims(shared_dir)
    assert len(claims) == 75
    assert sum(1 for c in claims if c.factcheck) == 15
    judgments = load_judgments()
    docs = documents(shared_dir)
    shas = {}
    for line in JUDGMENTS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        shas[row["doc"]] = row["sha"]
    assert all(docs[doc].sha == sha for doc, sha in shas.items())
    assert {j.pass_ for j in judgments.values()} == {1, 2}
    assert len(load_judgments(max_pass=1)) < len(judgments)
