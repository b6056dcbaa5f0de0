"""Re-mentions resolve to the earlier full mention."""

from __future__ import annotations

from workers.extraction.mentions import antecedent, refers_to

EARLIER = [
    "المرصد السوري لحقوق الإنسان",
    "موقع “نورديك مونيتور” السويدي",
    "وزارة الخزانة الأميركية",
]


def test_short_and_descriptive_rementions() -> None:
    assert antecedent("المرصد السوري", EARLIER) == "المرصد السوري لحقوق الإنسان"
    assert antecedent("الموقع السويدي", EARLIER) == "موقع “نورديك مونيتور” السويدي"
    assert antecedent("الخزانة الأميركية", EARLIER) == "وزارة الخزانة الأميركية"
    assert antecedent("the ministry", ["the French defence ministry"]) == (
        "the French defence ministry"
    )


def test_unrelated_mentions_do_not_resolve() -> None:
    assert antecedent("الأمم المتحدة", EARLIER) is None
    assert not refers_to("السويدي الموقع", "موقع نورديك مونيتور السويدي")  # order matters
