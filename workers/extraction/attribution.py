"""Who stands behind a clause: the reporting verb, the mention's span, and the type.

Arabic news is mostly verb-first ("وكشف المرصد السوري أن ..."): the subject is the noun
phrase right after the verb, up to a comma, "أن/إن", a preposition or a time word. English
puts it before the verb ("the ministry said") or, inverted, right after it ("..., said X").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from contracts.record import Attribution, AttributionType
from workers.extraction.reporting_verbs import (
    ACCORDING_AR,
    DOCUMENT_HEADS_AR,
    DOCUMENT_HEADS_EN,
    REPORTING_AR,
    REPORTING_EN,
    SPEECH_NOUN_STEMS_AR,
    VAGUE_ADVERBS_EN,
)
from workers.extraction.tokens import (
    QUOTES_CLOSE,
    QUOTES_OPEN,
    Word,
    bare_text,
    gap_breaks,
    in_lexicon,
    is_verb_in,
    norm_set,
    variants,
    word_set,
)
from workers.extraction.vague import is_vague, quantifier_length

MAX_SUBJECT_WORDS = 7
# Words that end an Arabic subject noun phrase (normalised: أن/إن -> ان, إلى -> الي).
_STOP_AR = norm_set(
    """
    أن أنه أنها أنهم إن إنه إنها إنهم بأن بأنه بأنها في من على عن إلى خلال مع بعد قبل منذ
    اليوم أمس الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الذي التي الذين حول عبر
    لدى ضد أيضا كذلك مساء صباح يوم هذا هذه ذلك تلك إنّ أنّ عن أمام ما لا لم لن قد
    """
)
_STOP_EN = word_set("""
    that and but while because as if which who whom when since after before so than where
    what though although whereas in on at to from with by about during this these
    """)
_AUX_EN = word_set("""
    has have had was were is are also earlier later previously recently further then again
    once publicly officially would will repeatedly separately not never already
    """)
# A verbal noun after these is not a verb ("رغم نفي أنقرة" is a denial, not a speech act).
_NOUN_CONTEXT_AR = norm_set("رغم برغم بعد مع وسط عقب إثر اثر منذ ورغم وبعد")
_DETERMINERS_EN = word_set("a an the this that these those it its")
PRONOUNS_EN = word_set("he she they it we i you")
_QUOTE_MIN_WORDS = 4


@dataclass(frozen=True)
class Found:
    """An attribution found in a clause; `mention_words` are the words of the mention."""

    attribution: Attribution
    mention_words: tuple[Word, ...]
    subject_dropped: bool = False  # a verb with no subject of its own ("وأضاف أن", "he said")


def _arabic_subject(text: str, ws: list[Word], i: int) -> list[Word]:
    subject: list[Word] = list(ws[i + 1 : i + 1 + quantifier_length(ws[i + 1 : i + 4])])
    for j in range(i + 1 + len(subject), min(len(ws), i + 1 + MAX_SUBJECT_WORDS)):
        w = ws[j]
        if gap_breaks(text, ws[j - 1], w) or in_lexicon(w, _STOP_AR):
            break
        if any(form.startswith(SPEECH_NOUN_STEMS_AR) for form in variants(w.norm)):
            break
        if is_verb_in(w, REPORTING_AR):
            break
        subject.append(w)
    return subject


def _trim_document_head(text: str, subject: list[Word], language: str) -> tuple[int, list[Word]]:
    """'تقرير لوزارة الخزانة' / 'a report by the Treasury' -> the issuer; returns (start, words)."""
    if len(subject) < 2:
        return subject[0].start if subject else 0, subject
    head, nxt = subject[0], subject[1]
    if language == "ar" and any(form in DOCUMENT_HEADS_AR for form in variants(head.norm)):
        rest = subject[1:]
        if nxt.norm in ("ل", "لـ") and len(subject) > 2:
            return subject[2].start, subject[2:]
        offset = nxt.start
        if nxt.norm.startswith("ل") and not nxt.norm.startswith("ال"):
            offset += 1 + (1 if text[nxt.start + 1 : nxt.start + 2] == "ـ" else 0)
        return offset, rest
    if language != "ar":
        k = 1 if head.norm in _DETERMINERS_EN else 0
        if (
            len(subject) > k + 2
            and subject[k].norm in DOCUMENT_HEADS_EN
            and subject[k + 1].norm in ("by", "from", "of")
        ):
            return subject[k + 2].start, subject[k + 2 :]
    return head.start, subject


def _mention_end(text: str, last: Word, start: int) -> int:
    """End of the mention, taking a closing quote when the mention opened one."""
    end = last.end
    inside = text[start:end]
    opened = sum(inside.count(q) for q in QUOTES_OPEN if q != '"')
    closed = sum(inside.count(q) for q in QUOTES_CLOSE if q != '"')
    if opened > closed and end < len(text) and text[end] in QUOTES_CLOSE:
        end += 1
    return end


def _is_quote(text: str, start: int, end: int) -> bool:
    """Is the reported content a verbatim quotation (a quoted stretch of several words)?"""
    inside = False
    count = 0
    best = 0
    for token in text[start:end].replace("\n", " ").split():
        if not inside and token[0] in QUOTES_OPEN:
            inside, count = True, 0
        if inside:
            count += 1
            if token[-1] in QUOTES_CLOSE or token.rstrip(".،,:").endswith(tuple(QUOTES_CLOSE)):
                inside = False
                best = max(best, count)
    return max(best, count if inside else 0) >= _QUOTE_MIN_WORDS


def _build(
    text: str,
    subject: list[Word],
    verb: str | None,
    language: str,
    content: tuple[int, int],
) -> Found:
    start, words_ = _trim_document_head(text, subject, language)
    k = quantifier_length(words_) if language == "ar" else 0
    if k:
        start, words_ = words_[k].start, words_[k:]
    end = _mention_end(text, words_[-1], start)
    kind: AttributionType
    if is_vague(words_, language):
        kind = "vague"
    elif _is_quote(text, *content):
        kind = "quote"
    else:
        kind = "direct"
    attribution = Attribution(type=kind, mention=text[start:end], verb=verb, start=start, end=end)
    return Found(attribution, tuple(words_))


def _dropped(verb: str, text: str, content: tuple[int, int]) -> Found:
    kind: AttributionType = "quote" if _is_quote(text, *content) else "direct"
    return Found(Attribution(type=kind, verb=verb), (), subject_dropped=True)


@lru_cache(maxsize=100_000)
def _may_attribute_ar(norm: str) -> bool:
    """Is the word a reporting verb or an "according to" marker (the loop below tests which)?"""
    w = Word(0, 0, norm, norm)
    return in_lexicon(w, ACCORDING_AR) or is_verb_in(w, REPORTING_AR)


def _find_arabic(text: str, ws: list[Word], end: int) -> Found | None:
    dropped: Found | None = None
    for i, w in enumerate(ws):
        if not _may_attribute_ar(w.norm):
            continue
        if in_lexicon(w, ACCORDING_AR):
            j = i + 1
            if j < len(ws) and ws[j].norm in ("ل", "لـ", "عن", "الي"):
                j += 1
            subject = _arabic_subject(text, ws, j - 1)
            if subject:
                first = subject[0]
                found = _build(
                    text, subject, bare_text(w, ACCORDING_AR), "ar", (subject[-1].end, end)
                )
                if first.norm.startswith("ل") and not first.norm.startswith("ال") and (
                    found.attribution.start == first.start
                ):
                    return _shift(text, found, 1)
                return found
        if is_verb_in(w, REPORTING_AR) and not (i and in_lexicon(ws[i - 1], _NOUN_CONTEXT_AR)):
            verb = bare_text(w, REPORTING_AR)
            subject = _arabic_subject(text, ws, i)
            if subject:
                return _build(text, subject, verb, "ar", (subject[-1].end, end))
            if dropped is None:
                dropped = _dropped(verb, text, (w.end, end))
    return dropped


def _shift(text: str, found: Found, by: int) -> Found:
    a = found.attribution
    assert a.start is not None and a.end is not None
    start = a.start + by
    moved = a.model_copy(update={"start": start, "mention": text[start : a.end]})
    return Found(moved, found.mention_words, found.subject_dropped)


def _english_before(text: str, ws: list[Word], i: int, floor: int) -> list[Word]:
    j = i - 1
    while j >= floor and ws[j].norm in _AUX_EN and not gap_breaks(text, ws[j], ws[j + 1]):
        j -= 1
    subject: list[Word] = []
    while j >= floor and len(subject) < MAX_SUBJECT_WORDS:
        w = ws[j]
        if w.norm in _STOP_EN or gap_breaks(text, w, ws[j + 1]):
            break
        subject.insert(0, w)
        j -= 1
    while subject and subject[0].norm in ("s",):
        subject.pop(0)
    if all(w.norm in _DETERMINERS_EN for w in subject):
        return []
    return subject


def _english_after(text: str, ws: list[Word], i: int) -> list[Word]:
    subject: list[Word] = []
    for j in range(i + 1, min(len(ws), i + 1 + MAX_SUBJECT_WORDS)):
        w = ws[j]
        if gap_breaks(text, ws[j - 1], w) or w.norm in _STOP_EN:
            break
        subject.append(w)
    return subject


def _find_english(text: str, ws: list[Word], start: int, end: int) -> Found | None:
    for i, w in enumerate(ws):
        if w.norm == "according" and i + 1 < len(ws) and ws[i + 1].norm == "to":
            subject = _english_after(text, ws, i + 1)
            if subject:
                return _build(text, subject, "according to", "en", (start, end))
        if w.norm in REPORTING_EN:
            subject = _english_before(text, ws, i, 0)
            if subject and len(subject) == 1 and subject[0].norm in PRONOUNS_EN:
                a = Attribution(type="direct", mention=subject[0].text, verb=w.text,
                                start=subject[0].start, end=subject[0].end)
                return Found(a, tuple(subject), subject_dropped=True)
            if not subject and (i == 0 or gap_breaks(text, ws[i - 1], w)):
                subject = _english_after(text, ws, i)
            if subject:
                return _build(text, subject, w.text, "en", (start, end))
    for w in ws:
        if w.norm in VAGUE_ADVERBS_EN:
            a = Attribution(type="vague", mention=w.text, start=w.start, end=w.end)
            return Found(a, (w,))
    return None


_MAX_COLON_SOURCE_WORDS = 6
_MIN_AFTER_COLON_WORDS = 3


def _colon_source(text: str, ws: list[Word], start: int, end: int, language: str) -> Found | None:
    """Headline attribution: "مصادر يمنية: الحوثيون يسيطرون ...", "WHO: cases rose ..."."""
    colon = text.find(":", start, min(end, start + 80))
    if colon < 0:
        return None
    head = max(text.rfind(mark, start, colon) for mark in "|-—–#")
    lead = [w for w in ws if max(head, start) <= w.start and w.end <= colon]
    after = [w for w in ws if w.start > colon]
    if not lead or len(lead) > _MAX_COLON_SOURCE_WORDS or len(after) < _MIN_AFTER_COLON_WORDS:
        return None
    stops = _STOP_AR if language == "ar" else _STOP_EN
    if any((w.norm in stops) if language != "ar" else in_lexicon(w, stops) for w in lead):
        return None
    if any(w.norm.isdigit() for w in lead):
        return None
    return _build(text, lead, None, language, (colon + 1, end))


def find_attribution(
    text: str, start: int, end: int, language: str, ws: list[Word]
) -> Found | None:
    """The attribution of the clause text[start:end] (words `ws`), or None when unattributed."""
    found = (
        _find_arabic(text, ws, end) if language == "ar" else _find_english(text, ws, start, end)
    )
    if found is None or found.subject_dropped:
        return _colon_source(text, ws, start, end, language) or found
    return found
