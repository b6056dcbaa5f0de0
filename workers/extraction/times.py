"""Time expressions, resolved against the article's publication date.

Resolved values: a day "YYYY-MM-DD", a month "YYYY-MM", an ISO week "YYYY-Www", a year
"YYYY", or a range "start/end" of days ("قبل أيام" = one to seven days before publication).
A relative expression is unresolved (None) when the publication date is unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from functools import lru_cache

from contracts.record import TimeExpr
from workers.extraction.calendar_words import (
    AGO_AR,
    AGO_EN,
    AMBIGUOUS_MONTHS,
    CURRENT_AR,
    MONTH_PAIRS_AR,
    MONTHS_AR,
    MONTHS_EN,
    NEXT_AR,
    PAST_AR,
    PERIODS_AR,
    WEEKDAYS_AR,
    WEEKDAYS_EN,
    YESTERDAY_AR,
)
from workers.extraction.number_words import UNITS_AR, UNITS_EN
from workers.extraction.tokens import Word, gap_breaks, variants

_AGO_MARKERS_AR = frozenset({"قبل", "منذ"})
_FEW_DAYS = (7, 1)  # "a few days ago": from a week before to the day before


def _month(d: date, back: int = 0) -> str:
    year, month = d.year, d.month - back
    while month < 1:
        month += 12
        year -= 1
    return f"{year:04d}-{month:02d}"


def _named_month(d: date, month: int, relation: str) -> str:
    if relation == "past":  # "فبراير الماضي": the last February before this month
        year = d.year if month < d.month else d.year - 1
    elif relation == "next":
        year = d.year if month > d.month else d.year + 1
    else:  # bare "in February": news reports the past, so the latest one not after now
        year = d.year if month <= d.month else d.year - 1
    return f"{year:04d}-{month:02d}"


def _period(d: date, unit: str, back: int) -> str:
    if unit == "month":
        return _month(d, back)
    if unit == "year":
        return f"{d.year - back:04d}"
    if unit == "week":
        iso = (d - timedelta(weeks=back)).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return (d - timedelta(days=back)).isoformat()


def _ago(d: date, unit: str, count: int | None) -> str:
    if count is None:  # "قبل أيام", "weeks ago": a range
        spans = {"day": (7, 1), "hour": (1, 0), "week": (28, 7), "month": (180, 30),
                 "year": (5 * 365, 365)}
        far, near = spans[unit]
        return f"{(d - timedelta(days=far)).isoformat()}/{(d - timedelta(days=near)).isoformat()}"
    if unit == "day":
        return (d - timedelta(days=count)).isoformat()
    if unit == "week":
        return (d - timedelta(weeks=count)).isoformat()
    if unit == "month":
        return _month(d, count)
    if unit == "year":
        return f"{d.year - count:04d}"
    return d.isoformat()


def _weekday(d: date, weekday: int, strictly_before: bool) -> str:
    delta = (d.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return (d - timedelta(days=delta)).isoformat()


def _prefix_len(word: Word, form: str) -> int:
    return max(0, len(word.norm) - len(form))


def _bare(word: Word, lexicon: Mapping[str, object] | frozenset[str]) -> str | None:
    for form in variants(word.norm):
        if form in lexicon:
            return form
    return None


def _year(word: Word | None) -> int | None:
    if word is not None and word.norm.isdigit() and len(word.norm) == 4:
        value = int(word.norm)
        if 1900 <= value <= 2100:
            return value
    return None


class _Scanner:
    def __init__(self, text: str, ws: list[Word], published: date | None) -> None:
        self.text, self.ws, self.published = text, ws, published
        self.found: list[TimeExpr] = []

    def word(self, i: int) -> Word | None:
        if 0 <= i < len(self.ws):
            return self.ws[i]
        return None

    def joined(self, i: int, j: int) -> bool:
        """Are words i and j (adjacent) in one phrase, with no punctuation between?"""
        a, b = self.word(i), self.word(j)
        return a is not None and b is not None and not gap_breaks(self.text, a, b)

    def add(self, start: int, end: int, resolved: str | None) -> None:
        self.found.append(TimeExpr(text=self.text[start:end], resolved=resolved, start=start,
                                   end=end))

    def rel(self, fn: object, *args: object) -> str | None:
        if self.published is None:
            return None
        assert callable(fn)
        result = fn(self.published, *args)
        assert isinstance(result, str)
        return result

    def month_at(self, i: int, language: str) -> tuple[int, int] | None:
        """(month, words used) for a month name at word i."""
        w = self.ws[i]
        if language == "ar":
            nxt = self.word(i + 1)
            for (first, second), month in MONTH_PAIRS_AR.items():
                if nxt is not None and _bare(w, frozenset({first})) and nxt.norm == second:
                    return month, 2
            form = _bare(w, MONTHS_AR)
            return (MONTHS_AR[form], 1) if form else None
        if w.text[:1].isupper() and w.norm in MONTHS_EN:
            return MONTHS_EN[w.norm], 1
        return None


def find_times(text: str, ws: list[Word], published: date | None, language: str) -> list[TimeExpr]:
    """Time expressions among the words `ws` of `text`."""
    scan = _Scanner(text, ws, published)
    i = 0
    while i < len(ws):
        used = (_arabic_at if language == "ar" else _english_at)(scan, i)
        i += max(used, 1)
    return scan.found


def _month_phrase(scan: _Scanner, i: int, language: str, relation_words: tuple[str, ...]) -> int:
    """A month name at i with its day before, its year or 'الماضي/last' around it."""
    got = scan.month_at(i, language)
    if got is None:
        return 0
    month, n = got
    w = scan.ws[i]
    start = w.start + (_prefix_len(w, _bare(w, MONTHS_AR) or w.norm) if language == "ar" else 0)
    end_i = i + n - 1
    prev = scan.word(i - 1)
    day = None
    if prev is not None and prev.norm.isdigit() and 1 <= int(prev.norm) <= 31 and scan.joined(
        i - 1, i
    ):
        day, start = int(prev.norm), prev.start
    after = scan.word(end_i + 1)
    if language == "en" and after is not None and after.norm.isdigit() and day is None and (
        1 <= int(after.norm) <= 31
    ):
        day, end_i = int(after.norm), end_i + 1
        after = scan.word(end_i + 1)
    year = _year(after)
    relation = "bare"
    if year is not None:
        end_i += 1
    elif after is not None and scan.joined(end_i, end_i + 1) and after.norm in relation_words:
        relation = "past" if after.norm in PAST_AR or after.norm == "last" else "next"
        end_i += 1
    elif language == "en" and prev is not None and prev.norm in ("last", "next"):
        relation = "past" if prev.norm == "last" else "next"
        start = prev.start
    ambiguous = _bare(w, AMBIGUOUS_MONTHS) is not None or w.norm in AMBIGUOUS_MONTHS
    if ambiguous and year is None and day is None and relation == "bare":
        return 0
    if year is not None:
        resolved: str | None = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    else:
        resolved = scan.rel(_named_month, month, relation)
        if resolved is not None and day:
            resolved = f"{resolved}-{day:02d}"
    scan.add(start, scan.ws[end_i].end, resolved)
    return end_i - i + 1


# Every word an Arabic time phrase can start with (as `_arabic_at` tests it, through
# `variants`): other words are skipped with one cached look-up.
_STARTS_AR = frozenset(
    {
        *(first for first, _ in MONTH_PAIRS_AR), *MONTHS_AR, *PERIODS_AR, *_AGO_MARKERS_AR,
        *YESTERDAY_AR, *WEEKDAYS_AR, "عام", "العام", "سنة", "السنة",
    }
)


@lru_cache(maxsize=100_000)
def _may_start_ar(norm: str) -> bool:
    return any(form in _STARTS_AR for form in variants(norm))


def _arabic_at(scan: _Scanner, i: int) -> int:
    w = scan.ws[i]
    if not _may_start_ar(w.norm):
        return 0
    nxt = scan.word(i + 1)
    used = _month_phrase(scan, i, "ar", tuple(PAST_AR | NEXT_AR))
    if used:
        return used
    period = _bare(w, PERIODS_AR)
    if period and nxt is not None and scan.joined(i, i + 1):
        unit = PERIODS_AR[period]
        start = w.start + _prefix_len(w, period)
        if nxt.norm in PAST_AR and unit != "day":
            scan.add(start, nxt.end, scan.rel(_period, unit, 1))
            return 2
        if nxt.norm in NEXT_AR and unit != "day":
            scan.add(start, nxt.end, scan.rel(_period, unit, -1))
            return 2
        if nxt.norm in CURRENT_AR and unit != "day":
            scan.add(start, nxt.end, scan.rel(_period, unit, 0))
            return 2
        if unit == "day" and _bare(nxt, WEEKDAYS_AR):  # "اليوم الأحد"
            scan.add(start, nxt.end, scan.rel(_period, "day", 0))
            return 2
    marker = _bare(w, _AGO_MARKERS_AR)
    if marker and nxt is not None and scan.joined(i, i + 1):
        start = w.start + _prefix_len(w, marker)
        ago = _bare(nxt, AGO_AR)
        if ago:
            unit, count = AGO_AR[ago]
            scan.add(start, nxt.end, scan.rel(_ago, unit, count))
            return 2
        third = scan.word(i + 2)
        count_value = int(nxt.norm) if nxt.norm.isdigit() else UNITS_AR.get(nxt.norm)
        if count_value and third is not None and _bare(third, AGO_AR) and scan.joined(i + 1, i + 2):
            unit = AGO_AR[_bare(third, AGO_AR) or ""][0]
            scan.add(start, third.end, scan.rel(_ago, unit, int(count_value)))
            return 3
        year = _year(nxt) if marker == "منذ" else None
        if year is not None:
            scan.add(start, nxt.end, str(year))
            return 2
    yesterday = _bare(w, YESTERDAY_AR)
    if yesterday:
        scan.add(w.start + _prefix_len(w, yesterday), w.end, scan.rel(_period, "day", 1))
        return 1
    weekday = _bare(w, WEEKDAYS_AR)
    prev = scan.word(i - 1)
    if weekday and prev is not None and _bare(prev, frozenset({"يوم"})) and scan.joined(i - 1, i):
        past = nxt is not None and nxt.norm in PAST_AR and scan.joined(i, i + 1)
        end = nxt.end if past and nxt is not None else w.end
        start = prev.start + _prefix_len(prev, "يوم")
        scan.add(start, end, scan.rel(_weekday, WEEKDAYS_AR[weekday], past))
        return 2 if past else 1
    year_word = _bare(w, frozenset({"عام", "العام", "سنة", "السنة"}))
    if year_word and _year(nxt) is not None and scan.joined(i, i + 1) and nxt is not None:
        scan.add(w.start + _prefix_len(w, year_word), nxt.end, nxt.norm)
        return 2
    return 0


def _english_at(scan: _Scanner, i: int) -> int:
    w = scan.ws[i]
    nxt = scan.word(i + 1)
    used = _month_phrase(scan, i, "en", ("last", "next"))
    if used:
        return used
    low = w.norm
    if low in ("last", "this", "next", "past") and nxt is not None and scan.joined(i, i + 1):
        unit = {"week": "week", "month": "month", "year": "year"}.get(nxt.norm)
        if unit:
            back = {"last": 1, "past": 1, "this": 0, "next": -1}[low]
            prev = scan.word(i - 1)
            start = prev.start if prev is not None and prev.norm == "earlier" else w.start
            scan.add(start, nxt.end, scan.rel(_period, unit, back))
            return 2
        if nxt.norm in WEEKDAYS_EN and low == "last":
            scan.add(w.start, nxt.end, scan.rel(_weekday, WEEKDAYS_EN[nxt.norm], True))
            return 2
    if low == "yesterday":
        scan.add(w.start, w.end, scan.rel(_period, "day", 1))
        return 1
    if low == "today":
        scan.add(w.start, w.end, scan.rel(_period, "day", 0))
        return 1
    if low in WEEKDAYS_EN and w.text[:1].isupper():
        prev = scan.word(i - 1)
        if prev is not None and prev.norm == "on":
            scan.add(w.start, w.end, scan.rel(_weekday, WEEKDAYS_EN[low], False))
            return 1
    third = scan.word(i + 2)
    if nxt is not None and nxt.norm in AGO_EN and third is not None and third.norm == "ago":
        count: int | None = None
        start = w.start
        if low.isdigit():
            count = int(low)
        elif low in UNITS_EN:
            count = int(UNITS_EN[low])
        elif low in ("a", "an"):
            count = 1
        elif low not in ("few", "several", "some"):
            start = nxt.start
        prev = scan.word(i - 1)
        if low in ("few",) and prev is not None and prev.norm == "a":
            start = prev.start
        scan.add(start, third.end, scan.rel(_ago, AGO_EN[nxt.norm], count))
        return 3
    if low == "in" and _year(nxt) is not None and nxt is not None:
        scan.add(nxt.start, nxt.end, nxt.norm)
        return 2
    return 0
