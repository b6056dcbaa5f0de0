"""Clause splitting inside one shared segment: one sentence may carry several claims.

Each cut names its rule (`SplitRule`, kept on the claim as `split_rule`):
- `connector`: before "، بينما / فيما / في حين" (", while / whereas") + a clause; before
  "، حيث / كما / إذ / إلا أن / لكن" (", but") only when what follows has a source of its own
  ("، حيث إنه الشهر الماضي، كشف موقع … أن"): otherwise it elaborates the same content.
- `semicolon`: at "؛" / ";" when both sides are full clauses.
- `reporting_verb`: before a second reporting verb ("، مشيرا إلى أن …", "، وأضاف أن …",
  ", adding that …"): the rest keeps the first verb's source.
- `coordination`: before "، و" / ", and" + a verb with its own arguments ("، وتم نقل الجرحى").
- `figures`: before "، و" + a figure ("، وسبعة") or ", and" + a verb and a figure, when the
  first part has a figure too ("القتلى هم 18 من النصرة، وسبعة من الفرقة 30"): figures with
  different referents. "، وأكثر من 60" stays: an approximate figure continues a list.
A part shorter than MIN_CLAUSE_WORDS (MIN_TAIL_WORDS after the cut) is never cut off:
splitting it would lose what it is about.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from contracts.record import SplitRule
from workers.extraction import cues
from workers.extraction.attribution import find_attribution
from workers.extraction.number_words import is_number_word
from workers.extraction.reporting_verbs import (
    REPORTING_AR,
    REPORTING_EN,
    REPORTING_PARTICIPLES_AR,
    REPORTING_PARTICIPLES_EN,
)
from workers.extraction.tokens import Word, gap_breaks, is_verb_in, norm_set, words

_CONTRAST = r"بينما|فيما|في حين|while\b|whereas\b"
_ELABORATION = r"و?حيث|كما|إذ|إلا أن|الا ان|إلا ان|ولكن|لكن|but\b"
_CUT = re.compile(r"[،,؛;]\s*", re.UNICODE)
_CONTRAST_RE = re.compile(rf"(?:{_CONTRAST})", re.UNICODE)
_ELABORATION_RE = re.compile(rf"(?:{_ELABORATION})", re.UNICODE)
MIN_CLAUSE_WORDS = 4
MIN_TAIL_WORDS = 3
_TRIM = " \t\r\n،,؛;:-–—"
# Verbs that open a coordinated clause of their own, beyond the event and reporting lexicons.
_CLAUSE_VERBS_AR = norm_set(
    "تم جرى أصيب اصيب فقد توفي لقي نقل اشتبك اشتبكوا وجد وجدوا أكد أعلن بث نشر ظهر قام قاموا"
    " لاذ لاذوا فر فروا هرب هربوا"  # "، ولاذ بالفرار إلى …": a flight is an event of its own
)
_FIGURE_UNITS_EN = frozenset({"percent", "million", "billion", "thousand", "hundred"})


Span = tuple[int, int, SplitRule | None]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _within(ws: list[Word], start: int, end: int) -> list[Word]:
    """The words of `ws` (sorted by offset) inside text[start:end]."""
    return ws[bisect_left(ws, start, key=_start) : bisect_right(ws, end, key=_last_end)]


def _start(w: Word) -> int:
    return w.start


def _last_end(w: Word) -> int:
    return w.end


def _has_own_source(text: str, ws: list[Word], start: int, end: int, language: str) -> bool:
    found = find_attribution(text, start, end, language, _within(ws, start, end))
    return found is not None and not found.subject_dropped


def _is_figure(w: Word) -> bool:
    return any(ch.isdigit() for ch in w.norm) or is_number_word(w.norm)


def _verb_ar(w: Word) -> bool:
    bare = w.norm[1:] if w.norm[:1] in ("و", "ف") and len(w.norm) >= 3 else w.norm
    return bare in _CLAUSE_VERBS_AR or any(
        is_verb_in(w, lexicon) for lexicon in (REPORTING_AR, cues.EVENT_AR)
    )


def _rule_at(
    text: str, ws: list[Word], span: tuple[int, int], left: int, cut: int, right: int,
    language: str,
) -> SplitRule | None:
    """The rule that cuts text[left:end] at `cut` (the rest starts at `right`), or None;
    `span` is the whole sentence, `ws` its words."""
    start, end = span
    earlier = _within(ws, start, cut)
    head = text[right : right + 12]
    tail = _within(ws, right, end)
    before = _within(ws, left, cut)
    if len(before) < MIN_CLAUSE_WORDS or len(tail) < MIN_TAIL_WORDS:
        return None
    if text[cut] in "؛;":
        return "semicolon" if len(tail) >= MIN_CLAUSE_WORDS else None
    if _CONTRAST_RE.match(head):
        return "connector" if len(tail) >= MIN_CLAUSE_WORDS else None
    if _ELABORATION_RE.match(head):
        return "connector" if _has_own_source(text, ws, right, end, language) else None
    first = tail[0]
    if language == "ar":
        bare = first.norm[1:] if first.norm.startswith("و") else first.norm
        if is_verb_in(first, REPORTING_AR) or bare in REPORTING_PARTICIPLES_AR:
            # a *second* reporting verb: the first part reports something already
            if any(is_verb_in(w, REPORTING_AR) for w in earlier):
                return "reporting_verb"
            if bare in REPORTING_PARTICIPLES_AR:
                return None
        if not first.norm.startswith(("و", "ف")):
            return None
        if _verb_ar(first):
            return "coordination"
        if _is_figure(first) and any(_is_figure(w) for w in before):
            return "figures"  # "…، وسبعة من …": a figure right after و starts a new referent
        return None
    if first.norm in REPORTING_PARTICIPLES_EN:
        return "reporting_verb" if any(w.norm in REPORTING_EN for w in earlier) else None
    if first.norm != "and" or len(tail) < 2:
        return None
    nxt = tail[1]
    if any(_is_figure(w) or w.norm in _FIGURE_UNITS_EN for w in tail[1:4]) and any(
        _is_figure(w) for w in before
    ):
        return "figures"
    if nxt.norm in cues.EVENT_EN or _has_own_source(text, ws, right, end, language):
        return "coordination"
    return None




# Past-tense verbs that open a coordinated main clause even without a comma ("… وجدوا كمينا
# واشتبكوا معهم", "تبنت الجبهة الخطف … وبث التنظيم شريطا"): forms no noun shares.
_BARE_CLAUSE_VERBS_AR = norm_set(
    """
    قتلت قتلوا سيطرت سيطروا هاجم هاجمت هاجموا استهدف استهدفت استهدفوا اعتقل اعتقلت اعتقلوا
    أطلق أطلقت أطلقوا وصلت بلغت ارتفع ارتفعت انخفض انخفضت سجلت أصيب أصيبت أصيبوا توفي
    فرضت وقعت انفجر قصفت قصفوا شنت شنوا أسفر أسفرت دخلت دخلوا خرجت خرجوا أغلق أغلقت وافق
    وافقت رفضت اغتيل نفذت نفذوا سقطت حررت انسحب انسحبت انسحبوا استعاد استعادت تقدمت عادت
    قرر قررت أصدر أصدرت اشتبك اشتبكت اشتبكوا لقي لقيت جرحت بثت نشرت أعلن أعلنت دمرت دمروا
    خطفت خطفوا أسرت أسروا
    """
)
# Forms a verbal noun shares ("مقتل 29 وجرح 15", "ورفض الزعماء"): a clause only before a
# figure ("وقتل 10", "وفقد 15 آخرون") or right after a closing quotation mark.
_BARE_VERBS_BEFORE_FIGURES_AR = norm_set(
    "قتل قصف نشر رفض فرض جرح سجل دخل خرج شن بث أسر خطف دمر فقد حرر تقدم وصل بلغ وقع سقط"
)


def _bare_cuts(text: str, ws: list[Word], start: int, end: int, language: str) -> list[int]:
    """Indices of words "و" + a past verb (no comma before) that open a coordinated clause."""
    if language != "ar":
        return []
    cuts: list[int] = []
    last = 0
    for k in range(MIN_CLAUSE_WORDS, len(ws) - MIN_TAIL_WORDS + 1):
        w = ws[k]
        if not w.norm.startswith("و"):
            continue
        bare = w.norm[1:]
        after_quote = any(ch in '”»"' for ch in text[ws[k - 1].end : w.start])
        if bare not in _BARE_CLAUSE_VERBS_AR and not (
            bare in _BARE_VERBS_BEFORE_FIGURES_AR and (_is_figure(ws[k + 1]) or after_quote)
        ):
            continue  # after a closing quotation a verb form starts a clause of its own
        gap = text[ws[k - 1].end : w.start]
        if k - last < MIN_CLAUSE_WORDS or any(ch in "،,؛;:" for ch in gap):
            continue  # too short a part, or a comma cut (the rules above judge those)
        if gap_breaks(text, ws[k - 2], ws[k - 1]):
            continue  # "، قتل وأصيب سبعة": one subject for both verbs
        cuts.append(k)
        last = k
    return cuts


def split_clauses(
    text: str, start: int, end: int, language: str, ws: list[Word] | None = None
) -> list[Span]:
    """Clause spans (offsets into `text`) of the sentence text[start:end], each with the rule
    that cut it off the clause before it (None for the first); `ws`: the sentence's words,
    when the caller has them."""
    spans: list[Span] = []
    left = start
    rule: SplitRule | None = None
    if ws is None:
        ws = words(text, start, end)
    cuts: list[tuple[int, int, SplitRule | None]] = []
    for match in _CUT.finditer(text, start, end):
        cuts.append((match.start(), match.end(), None))
    for k in _bare_cuts(text, ws, start, end, language):
        cuts.append((ws[k].start, ws[k].start, "coordination"))
    cuts.sort()
    for cut, right, bare_rule in cuts:
        if cut < left:
            continue
        if bare_rule is not None:
            if len(_within(ws, left, cut)) < MIN_CLAUSE_WORDS:
                continue
            found: SplitRule | None = bare_rule
        else:
            found = _rule_at(text, ws, (start, end), left, cut, right, language)
        if found is None:
            continue
        s, e = _trimmed(text, left, cut)
        spans.append((s, e, rule))
        left, rule = right, found
    s, e = _trimmed(text, left, end)
    spans.append((s, e, rule))
    return [(s, e, r) for s, e, r in spans if e > s]
