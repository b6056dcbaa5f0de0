"""Editor review: the editor's status wins, the machine's verdict stays beside it, and a later
machine run flags a changed verdict instead of undoing the decision."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from factories import machine_claim

from contracts.record import Claim, Summary, VerificationRecord
from flows.material import material_key
from flows.review import UnknownClaim, apply_review, keep_reviews

AT = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def _record(*claims: Claim, version: int = 1) -> VerificationRecord:
    return VerificationRecord(
        article_id="a-1",
        revision=1,
        version=version,
        language="ar",
        status="complete",
        claims=list(claims),
        summary=Summary.of(list(claims)),
    )


def test_a_review_sets_the_status_and_keeps_the_machine_verdict_beside_it() -> None:
    record = _record(machine_claim("c-1", "contradicted", True), machine_claim("c-2", "unverified"))
    reviewed = apply_review(record, "c-1", "corroborated", "wire confirmed", "lina", AT)
    c1, c2 = reviewed.claims
    assert (c1.status, c1.machine_status, c1.needs_review) == (
        "corroborated",
        "contradicted",
        False,
    )
    assert c1.review is not None
    assert (c1.review.reviewer, c1.review.note, c1.review.previous_status) == (
        "lina",
        "wire confirmed",
        "contradicted",
    )
    assert c1.rationale == ["machine says contradicted"]
    assert c2 == record.claims[1]
    assert (reviewed.summary.corroborated, reviewed.summary.contradicted) == (1, 0)
    assert material_key(reviewed) != material_key(record)


def test_a_second_review_keeps_the_machine_status_not_the_first_editors() -> None:
    first = apply_review(
        _record(machine_claim("c-1", "unverified")), "c-1", "disputed", "", "a", AT
    )
    second = apply_review(first, "c-1", "corroborated", "", "b", AT)
    assert second.claims[0].machine_status == "unverified"
    assert second.claims[0].review.previous_status == "disputed"  # type: ignore[union-attr]


def test_an_unknown_claim_is_an_error_naming_it() -> None:
    with pytest.raises(UnknownClaim, match="no claim 'c-9'"):
        apply_review(_record(machine_claim("c-1", "unverified")), "c-9", "disputed", "", "a", AT)


def test_a_later_machine_run_with_the_same_verdict_keeps_the_review_unflagged() -> None:
    reviewed = apply_review(
        _record(machine_claim("c-1", "unverified")), "c-1", "disputed", "n", "a", AT
    )
    rerun = keep_reviews(_record(machine_claim("c-1", "unverified")), reviewed)
    assert rerun.claims[0].status == "disputed" and not rerun.claims[0].needs_review
    assert material_key(rerun) == material_key(reviewed)  # nothing new to store


def test_a_machine_verdict_that_moves_after_the_review_flags_it_and_never_undoes_it() -> None:
    reviewed = apply_review(
        _record(machine_claim("c-1", "unverified")), "c-1", "corroborated", "n", "a", AT
    )
    machine = _record(machine_claim("c-1", "contradicted"), machine_claim("c-2", "unverified"))
    rerun = keep_reviews(machine, reviewed)
    c1 = rerun.claims[0]
    assert (c1.status, c1.machine_status, c1.needs_review) == ("corroborated", "contradicted", True)
    assert c1.review == reviewed.claims[0].review
    assert c1.rationale[0].startswith("the machine now says contradicted (was unverified)")
    assert rerun.claims[1] == machine.claims[1]
    # once flagged it stays flagged until an editor reviews it again
    again = keep_reviews(_record(machine_claim("c-1", "contradicted")), rerun)
    assert again.claims[0].needs_review and again.claims[0].status == "corroborated"


def test_reviews_of_another_revision_are_not_carried_over() -> None:
    reviewed = apply_review(
        _record(machine_claim("c-1", "unverified")), "c-1", "disputed", "", "a", AT
    )
    new_revision = _record(machine_claim("c-1", "unverified")).model_copy(update={"revision": 2})
    assert keep_reviews(new_revision, reviewed).claims[0].review is None
