"""The end-to-end status test's reading of records and its figures (pure logic)."""

from __future__ import annotations

from evaluation.status_e2e import article_outcome, metrics, wire_articles


def test_outcome_without_claims_is_no_claim() -> None:
    assert article_outcome([]) == "no claim"


def test_outcome_ignores_undecided_claims_beside_a_decisive_one() -> None:
    assert article_outcome(["unverified", "corroborated"]) == "corroborated"
    assert article_outcome(["unsupported", "contradicted"]) == "contradicted"


def test_outcome_with_both_directions_or_a_dispute_is_not_decisive() -> None:
    assert article_outcome(["corroborated", "contradicted"]) == "disputed"
    assert article_outcome(["disputed", "corroborated"]) == "disputed"
    assert article_outcome(["unverified", "unsupported"]) == "undecided"


def test_metrics_count_directions_per_class() -> None:
    pairs = (
        [("agree", "corroborated")] * 6
        + [("agree", "contradicted")] * 1
        + [("agree", "undecided")] * 3
        + [("disagree", "contradicted")] * 4
        + [("disagree", "corroborated")] * 1
        + [("disagree", "no claim")] * 5
        + [("other", "corroborated")] * 1
        + [("other", "undecided")] * 3
    )
    m = metrics(pairs)
    assert m["rows"] == 24
    assert m["decisive"] == 13  # 6 + 1 + 4 + 1 + 1
    assert m["decisive_precision"] == round(10 / 13, 4)
    assert m["coverage"] == round(10 / 20, 4)
    assert m["wrong_direction_rate"] == round(2 / 20, 4)
    assert m["other_decisive_rate"] == 0.25
    agree = m["by_class"]["agree"]
    # corroborated was given 8 times (6 agree, 1 disagree, 1 other); 6 were right
    assert agree["precision"] == 0.75 and agree["coverage"] == 0.6
    assert m["by_class"]["disagree"]["wrong_direction_rate"] == 0.1
    assert m["counts"]["disagree"]["no claim"] == 5
    assert m["targets"]["met"] is False  # wrong direction 10 % > 5 %


def test_metrics_meet_targets_when_decisive_and_right() -> None:
    pairs = [("agree", "corroborated")] * 11 + [("disagree", "undecided")] * 9
    m = metrics(pairs)
    assert m["coverage"] == 0.55 and m["wrong_direction_rate"] == 0.0
    assert m["targets"]["met"] is True


def test_each_distinct_headline_is_archived_once_from_the_wire() -> None:
    rows = [("a", "x", "agree"), ("a", "y", "disagree"), ("b", "z", "other")]
    wires = wire_articles(rows)
    assert [w["text"] for w in wires] == ["a", "b"]
    assert {w["outlet"] for w in wires} == {"wire.example"}
    assert len({w["id"] for w in wires}) == 2
