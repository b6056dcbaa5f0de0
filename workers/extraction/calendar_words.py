"""Month and weekday names (Arabic Gregorian, Levantine and English) and relative-time words."""

from __future__ import annotations

from workers.extraction.tokens import norm_set
from workers.nlp.arabic import normalize


def _months(names: dict[str, int]) -> dict[str, int]:
    return {normalize(k): v for k, v in names.items()}


MONTHS_AR = _months(
    {
        "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
        "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10,
        "نوفمبر": 11, "ديسمبر": 12, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
        "تموز": 7, "آب": 8, "أيلول": 9,
    }
)
# Two-word Levantine months: (first, second) -> month.
MONTH_PAIRS_AR = {
    (normalize("كانون"), normalize("الثاني")): 1,
    (normalize("تشرين"), normalize("الأول")): 10,
    (normalize("تشرين"), normalize("الثاني")): 11,
    (normalize("كانون"), normalize("الأول")): 12,
}
# Month names that are also common words: they need a date context to count.
AMBIGUOUS_MONTHS = frozenset({normalize("آب"), "may", "march"})
MONTHS_EN = {
    name: i + 1
    for i, name in enumerate(
        (
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december",
        )
    )
} | {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
     "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS_AR = {
    normalize(k): v
    for k, v in {
        "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
        "السبت": 5, "الأحد": 6,
    }.items()
}
WEEKDAYS_EN = {
    name: i
    for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
PAST_AR = norm_set("الماضي الماضية المنصرم المنصرمة الفائت الفائتة")
NEXT_AR = norm_set("المقبل المقبلة القادم القادمة")
CURRENT_AR = norm_set("الجاري الجارية الحالي الحالية")
# Period nouns with the article, for "الشهر الماضي".
PERIODS_AR = {
    normalize(k): v
    for k, v in {
        "الشهر": "month", "الأسبوع": "week", "الاسبوع": "week", "العام": "year",
        "السنة": "year", "اليوم": "day",
    }.items()
}
# Bare period nouns after "قبل/منذ", with how many units each form means.
AGO_AR = {
    normalize(k): v
    for k, v in {
        "أيام": ("day", None), "يوم": ("day", 1), "يومين": ("day", 2), "ساعات": ("hour", None),
        "أسبوع": ("week", 1), "أسبوعين": ("week", 2), "أسابيع": ("week", None),
        "شهر": ("month", 1), "شهرين": ("month", 2), "أشهر": ("month", None),
        "شهور": ("month", None), "عام": ("year", 1), "عامين": ("year", 2), "سنة": ("year", 1),
        "سنتين": ("year", 2), "أعوام": ("year", None), "سنوات": ("year", None),
    }.items()
}
YESTERDAY_AR = norm_set("أمس البارحة")
AGO_EN = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
          "months": "month", "year": "year", "years": "year", "hours": "hour"}
