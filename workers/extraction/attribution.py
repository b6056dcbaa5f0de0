"""Who stands behind a clause: the reporting verb, the mention's span, and the type.

Arabic news is mostly verb-first ("وكشف المرصد السوري أن ..."): the subject is the noun
phrase right after the verb, up to a comma, "أن/إن", a preposition or a time word. English
puts it before the verb ("the ministry said") or, inverted, right after it ("..., said X").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from contracts.record import Attribution, AttributionType
from workers.extraction.number_words import is_number_word
from workers.extraction.reporting_verbs import (
    ACCORDING_AR,
    AS_AR,
    BACKGROUND_AR,
    DOCUMENT_HEADS_AR,
    DOCUMENT_HEADS_EN,
    IN_DOCUMENT_AR,
    MEMBER_HEADS_AR,
    NEEDS_THAT_AR,
    PASSIVE_REPORTS_AR,
    REPORTING_AR,
    REPORTING_EN,
    REPORTING_PARTICIPLES_AR,
    SPEECH_NOUN_STEMS_AR,
    VAGUE_ADVERBS_EN,
    VERB_OR_NOUN_AR,
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
from workers.nlp.arabic import normalize, strip_clitics

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
# A verbal noun after these is not a verb ("رغم نفي أنقرة" is a denial, not a speech act;
# "وتم كشف النقاب" a passive).
_NOUN_CONTEXT_AR = norm_set(
    "رغم برغم بعد مع وسط عقب إثر اثر منذ ورغم وبعد تم وتم جرى وجرى يتم سيتم"
)
# Object pronouns on a preposition right after the verb ("أكدت لها", "نقلت عنه الصحف"): the
# subject, if any, follows them.
_OBJECT_PRONOUNS_AR = norm_set("له لها لهم لهن لنا لي لك لكم عنه عنها عنهم فيه فيها")
# Particles that may stand right before a verb (so the verb is not a noun in construct).
_PARTICLES_AR = norm_set(
    "حيث كما إذ فيما بينما كذلك لكن ثم قد فقد لقد وقد ما مما بعدما عندما حين حينما كان كانت"
    " وقت يوم لحظة"
)
# A negated verb without a subject is nobody's statement ("فيما لم يعلن سوى عن ثلاث غارات").
_NEGATIONS_AR = norm_set("لم لا لن ولم ولا")
# "أن/إن + subject + verb" (subject first after a complementiser): "الا ان الوزارة نفت".
_COMPLEMENTISERS_AR = norm_set("أن إن ان بأن")
_OPENERS_AR = norm_set("لكن ولكن بل")
_MAX_FRONTED_SUBJECT_WORDS = 4
_PRONOUN_SUFFIXES_AR = ("ها", "هم", "هن", "ني", "نا", "كم")
_PRONOUNS_AR = norm_set("نحن أنا هو هي هم هن أنت أنتم")
AS_AR_MARKERS = AS_AR | norm_set("حسبما وفقما مثلما")
_DETERMINERS_EN = word_set("a an the this that these those it its")
PRONOUNS_EN = word_set("he she they it we i you")
_QUOTE_MIN_WORDS = 4
_MAX_QUOTED_NAME_WORDS = 4  # "صحيفة “ذي ميل أون صنداي”" is a name, not a quotation


@dataclass(frozen=True)
class Found:
    """An attribution found in a clause; `mention_words` are the words of the mention."""

    attribution: Attribution
    mention_words: tuple[Word, ...]
    subject_dropped: bool = False  # a verb with no subject of its own ("وأضاف أن", "he said")


def opens_quotation(text: str, left: Word, right: Word) -> bool:
    """Does a quotation of several words open between two words? A quoted name
    ("موقع “نورديك مونيتور” السويدي") closes within a few words and stays in a subject."""
    gap = text[left.end : right.start]
    at = next((k for k, ch in enumerate(gap) if ch in QUOTES_OPEN), -1)
    if at < 0:
        return False
    opening = left.end + at
    closing = next(
        (k for k in range(opening + 1, min(len(text), opening + 60)) if text[k] in QUOTES_CLOSE),
        -1,
    )
    return closing < 0 or len(text[opening + 1 : closing].split()) > _MAX_QUOTED_NAME_WORDS


def _object_starts(subject: list[Word], w: Word) -> bool:
    """Verb-subject-object without a parser: a number word ("يظهر الشريط خمسة رجال") or an
    indefinite accusative after a definite subject ("لاحظ الباحثون ارتفاعا") starts the
    object."""
    if not subject:
        return False
    if is_number_word(w.norm):
        return True
    return w.text.endswith("اً") or (
        subject[-1].norm.startswith("ال")
        and not w.norm.startswith("ال")
        and len(w.norm) >= 5
        and w.norm.endswith("ا")
        and not w.norm.endswith(("يا", "كا", "با", "دا", "ها", "نا"))
    )


def _inner_preposition(text: str, ws: list[Word], j: int, subject: list[Word]) -> bool:
    """"مصادر في وزارة الدفاع", "مسؤول من الخارجية": a member noun keeps the body it belongs
    to across its preposition."""
    if not subject or len(subject) > 2 or ws[j].norm not in ("في", "من"):
        return False
    k = quantifier_length(subject)
    head = subject[k] if len(subject) > k else None
    if head is None or not any(strip_clitics(f) in MEMBER_HEADS_AR for f in variants(head.norm)):
        return False
    nxt = ws[j + 1] if j + 1 < len(ws) else None
    return (
        nxt is not None
        and not gap_breaks(text, ws[j - 1], ws[j])
        and not gap_breaks(text, ws[j], nxt)
        and not in_lexicon(nxt, _STOP_AR)
        and not any(ch.isdigit() for ch in nxt.norm)
    )


def _parenthesised(text: str, ws: list[Word], i: int) -> list[Word]:
    """"وذكرت (أ ف ب) أن …": an agency's initials in parentheses right after the verb."""
    k = ws[i].end
    while k < len(text) and text[k] == " ":
        k += 1
    if k >= len(text) or text[k] != "(":
        return []
    close = text.find(")", k, k + 20)
    if close < 0:
        return []
    return [w for w in ws[i + 1 :] if w.start > k and w.end <= close][:MAX_SUBJECT_WORDS]


def _arabic_subject(text: str, ws: list[Word], i: int) -> list[Word]:
    first = i + 1
    while first < len(ws) and first < i + 3 and ws[first].norm in _OBJECT_PRONOUNS_AR and not (
        gap_breaks(text, ws[first - 1], ws[first])
    ):
        first += 1
    if first > i + 1 and first < len(ws) and gap_breaks(text, ws[first - 1], ws[first]):
        return []
    if first < len(ws) and first == i + 1 and i >= 0:
        inside = _parenthesised(text, ws, i)
        if inside:
            return inside
    subject: list[Word] = list(ws[first : first + quantifier_length(ws[first : first + 3])])
    for j in range(first + len(subject), min(len(ws), first + MAX_SUBJECT_WORDS)):
        w = ws[j]
        if _inner_preposition(text, ws, j, subject):
            subject.append(w)
            continue
        if gap_breaks(text, ws[j - 1], w) or in_lexicon(w, _STOP_AR):
            break
        if opens_quotation(text, ws[j - 1], w) or _object_starts(subject, w):
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
        if not nxt.norm.startswith(("ل", "ال")):
            return head.start, subject  # "تقرير إخباري": an adjective, no issuer named
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
    """Could the word attribute: a reporting verb (active or passive), "according to", "جاء
    في"? (The loop below tests which; one cached look-up per spelling skips the rest.)"""
    w = Word(0, 0, norm, norm)
    return (
        in_lexicon(w, ACCORDING_AR)
        or is_verb_in(w, REPORTING_AR)
        or in_lexicon(w, IN_DOCUMENT_AR)
        or in_lexicon(w, PASSIVE_REPORTS_AR)
    )


def _is_noun_here(ws: list[Word], i: int, text: str) -> bool:
    """Is the reporting-verb form at i a verbal noun? After "رغم/بعد/تم …", or, for forms a
    verbal noun shares ("نقل", "كشف"), between two nouns of a construct ("خط أنابيب نقل
    الغاز"; "ذكر تقرير" keeps its verb: an indefinite subject follows)."""
    if not i:
        return False
    prev, w = ws[i - 1], ws[i]
    if in_lexicon(prev, _NOUN_CONTEXT_AR):
        return True
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    return (
        w.norm in VERB_OR_NOUN_AR
        and nxt is not None
        and nxt.norm.startswith("ال")  # the construct's second noun: "نقل الغاز"
        and not gap_breaks(text, prev, w)
        and not prev.norm.startswith("ال")
        and not in_lexicon(prev, _STOP_AR)
        and not in_lexicon(prev, _PARTICLES_AR)
        and not any(ch.isdigit() for ch in prev.norm)
    )


def _is_passive_report(w: Word) -> bool:
    """A reporting verb in the passive: "قيل/يقال", or written with a damma on its first
    letter ("ذُكر", "أُعلن", "يُذكر" is background and handled apart)."""
    if in_lexicon(w, PASSIVE_REPORTS_AR):
        return True
    bare = w.text[1:] if w.text[:1] in ("و", "ف") and len(w.text) > 3 else w.text
    return (
        len(bare) > 2 and bare[1] == "\u064f" and bare[0] not in "يت"
        and is_verb_in(w, REPORTING_AR)
    )


def _bare_passive(w: Word) -> str:
    return w.text[1:] if w.text[:1] in ("و", "ف") and len(w.text) > 3 else w.text


def _relayed(text: str, ws: list[Word], subject: list[Word]) -> list[Word]:
    """"نقلت الأناضول عن مسؤول تركي": the outlet relays; the innermost source speaks."""
    k = ws.index(subject[-1]) + 1
    if k + 1 < len(ws) and ws[k].norm == "عن" and not gap_breaks(text, subject[-1], ws[k]):
        inner = _arabic_subject(text, ws, k)
        if inner and not (len(inner) == 1 and inner[0].norm in ("قوله", "قولها")):
            return [w for w in inner if w.norm not in ("قوله", "قولها", "قولهم")] or subject
    return subject


def _subject_before(text: str, ws: list[Word], i: int, *, at_start: bool = False) -> list[Word]:
    """"…أن مصادر أكدت …": the noun phrase between a complementiser and the verb; with
    `at_start`, also one that opens the clause ("لكن مراقبين لاحظوا أن")."""
    j = i - 1
    subject: list[Word] = []
    while j >= 0 and len(subject) < MAX_SUBJECT_WORDS - 2:
        w = ws[j]
        if w.norm.startswith("لكن") and w.norm not in _OPENERS_AR:
            return []  # "لكنه أضاف": the pronoun is the subject
        if w.norm in _COMPLEMENTISERS_AR or (
            at_start and (w.norm in _OPENERS_AR or in_lexicon(w, _PARTICLES_AR))
        ):
            return subject if subject and not gap_breaks(text, w, subject[0]) else []
        if in_lexicon(w, _STOP_AR) or gap_breaks(text, w, ws[j + 1]):
            return []
        subject.insert(0, w)
        j -= 1
    if at_start and j < 0 and len(subject) <= _MAX_FRONTED_SUBJECT_WORDS and not any(
        w.norm.endswith(_PRONOUN_SUFFIXES_AR) or w.norm in _PRONOUNS_AR for w in subject
    ):
        return subject  # "مصادر أمنية أكدت", not "وكأني بلسان حالهم يقول"
    return []


def _in_document(text: str, ws: list[Word], i: int, end: int) -> Found | None:
    """"وجاء في بيان (الوزارة): «…»": the document states the content."""
    if i + 2 >= len(ws) or ws[i + 1].norm not in ("في", "فى"):
        return None
    if not any(form in DOCUMENT_HEADS_AR for form in variants(ws[i + 2].norm)):
        return None
    subject = _arabic_subject(text, ws, i + 1)
    if not subject:
        return None
    bare = bare_text(ws[i], IN_DOCUMENT_AR)
    verb = text[ws[i].end - len(bare) : ws[i + 1].end]
    return _build(text, subject, verb, "ar", (subject[-1].end, end))


def _find_arabic(text: str, ws: list[Word], end: int) -> Found | None:
    dropped: Found | None = None
    for i, w in enumerate(ws):
        if not _may_attribute_ar(w.norm):
            continue
        if in_lexicon(w, IN_DOCUMENT_AR) and (found := _in_document(text, ws, i, end)):
            return found
        if _is_passive_report(w):
            # "قيل إن", "ذُكر أن": somebody unnamed said it
            return Found(Attribution(type="vague", verb=_bare_passive(w)), ())
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
        if is_verb_in(w, REPORTING_AR) and not _is_noun_here(ws, i, text):
            verb = bare_text(w, REPORTING_AR)
            # a participle ("مؤكدا تضامن إيطاليا") takes the main verb's subject: what
            # follows it is its object
            after = [] if is_verb_in(w, REPORTING_PARTICIPLES_AR) else _arabic_subject(text, ws, i)
            subject = _subject_before(text, ws, i) or after
            if subject and is_verb_in(w, NEEDS_THAT_AR) and not _that_follows(ws, subject):
                continue
            if subject:
                content_from = subject[-1].end
                if bare_text(w, REPORTING_AR) in ("نقل", "نقلت", "نقلوا", "ينقل", "تنقل"):
                    subject = _relayed(text, ws, subject)
                    content_from = max(content_from, subject[-1].end)
                return _build(text, subject, _as_marker(text, ws, i), "ar", (content_from, end))
            nxt = ws[i + 1].norm if i + 1 < len(ws) else ""
            if is_verb_in(w, BACKGROUND_AR) and nxt in ("ان", "أن", "الي", "إلى"):
                return None  # "يذكر أن …": the article's own background
            if i and in_lexicon(ws[i - 1], _NEGATIONS_AR):
                continue
            if dropped is None and (not is_verb_in(w, NEEDS_THAT_AR) or nxt in _COMPLEMENTISERS_AR):
                # subject-verb order: "مصادر أمنية أكدت أنه …"
                before = _subject_before(text, ws, i, at_start=True)
                if before:
                    return _build(text, before, verb, "ar", (w.end, end))
                dropped = _dropped(verb, text, (w.end, end))
    return dropped


def _that_follows(ws: list[Word], subject: list[Word]) -> bool:
    k = ws.index(subject[-1]) + 1
    return k < len(ws) and ws[k].norm in _COMPLEMENTISERS_AR


def is_according(verb: str | None) -> bool:
    """Does the verb name a source that stands behind what precedes it ("بحسب", "على ما
    نقلت", "according to")?"""
    if verb is None:
        return False
    if verb.lower() == "according to":
        return True
    first = normalize(verb).split()[0]
    return any(f in ACCORDING_AR or f in AS_AR_MARKERS for f in variants(first))


def _as_marker(text: str, ws: list[Word], i: int) -> str:
    """The verb, or "على ما نقلت" / "بحسب ما ذكر" when a marker before it makes the source
    stand behind the sentence (see extractor._attribution_at_the_end)."""
    verb = bare_text(ws[i], REPORTING_AR)
    if i >= 2 and ws[i - 1].norm == "ما" and (
        in_lexicon(ws[i - 2], AS_AR) or in_lexicon(ws[i - 2], ACCORDING_AR)
    ):
        return text[ws[i - 2].start : ws[i].end]
    if i >= 1 and ws[i - 1].norm in ("حسبما", "وفقما", "مثلما"):
        return text[ws[i - 1].start : ws[i].end]
    return verb


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
                kind: AttributionType = "quote" if _is_quote(text, w.end, end) else "direct"
                a = Attribution(type=kind, mention=subject[0].text, verb=w.text,
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
    if any(
        (is_verb_in(w, REPORTING_AR) if language == "ar" else w.norm in REPORTING_EN) for w in lead
    ):
        return None  # "وأضاف: «…»": a verb without its subject, not a headline source
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
