"""Times: absolute and relative expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date

from workers.extraction.times import find_times
from workers.extraction.tokens import words

PUB = date(2020, 3, 15)  # a Sunday


def _t(text: str, language: str, published: date | None = PUB) -> list[tuple[str, str | None]]:
    return [(t.text, t.resolved) for t in find_times(text, words(text), published, language)]


def test_arabic_relative_expressions() -> None:
    assert _t("وفي فبراير الماضي، كشف تقرير", "ar") == [("فبراير الماضي", "2020-02")]
    assert _t("أفادت الوزارة في الشهر الماضي", "ar") == [("الشهر الماضي", "2020-02")]
    assert _t("وقبل أيام، جددت الأمم المتحدة", "ar") == [("قبل أيام", "2020-03-08/2020-03-14")]
    assert _t("أعلن أمس", "ar") == [("أمس", "2020-03-14")]
    assert _t("قبل 3 أيام", "ar") == [("قبل 3 أيام", "2020-03-12")]
    assert _t("العام الماضي", "ar") == [("العام الماضي", "2019")]


def test_arabic_month_after_publication_month_is_last_year() -> None:
    assert _t("في أكتوبر الماضي", "ar") == [("أكتوبر الماضي", "2019-10")]
    assert _t("في تشرين الأول الماضي", "ar") == [("تشرين الأول الماضي", "2019-10")]


def test_absolute_dates() -> None:
    assert _t("في 5 مارس 2019", "ar") == [("5 مارس 2019", "2019-03-05")]
    assert _t("on March 5, 2019", "en") == [("March 5, 2019", "2019-03-05")]
    assert _t("عام 2015", "ar", None) == [("عام 2015", "2015")]


def test_english_relative_expressions() -> None:
    assert _t("Officials said last month that", "en") == [("last month", "2020-02")]
    assert _t("The strike happened in February", "en") == [("February", "2020-02")]
    assert _t("three days ago", "en") == [("three days ago", "2020-03-12")]
    assert _t("yesterday", "en") == [("yesterday", "2020-03-14")]
    assert _t("last week", "en") == [("last week", "2020-W10")]


def test_relative_unresolved_without_publication_date() -> None:
    assert _t("فبراير الماضي", "ar", None) == [("فبراير الماضي", None)]
    assert _t("last month", "en", None) == [("last month", None)]


def test_ambiguous_month_words_need_context() -> None:
    assert _t("He may say so", "en") == []
    assert _t("May 2019", "en") == [("May 2019", "2019-05")]
