"""Check-worthiness (0..1) of a candidate clause and its kind.

An additive score over cues with hand-set weights; the threshold that turns it into
"this is a claim" is calibrated on the Arabic and English dev sets (see docs/extraction.md).
Questions, greetings and prayers, opinion and calls to action score low; figures, dates,
named sources and event verbs score high.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from contracts.record import Attribution, ClaimKind, Quantity, TimeExpr
from workers.extraction import cues
from workers.extraction.markup import content_words, has_laughter_emoji, markup_spans
from workers.extraction.settings import settings
from workers.extraction.stance import Stance, stance_of
from workers.extraction.tokens import Word, conj_variants, is_verb_in, variants, words
from workers.nlp.arabic import strip_clitics

_BASE = 0.4
# "A full statement" in content words; Arabic attaches articles, prepositions and pronouns to
# the word, so it says as much in fewer words.
_LONG_WORDS = {"ar": 5, "en": 8}


@dataclass(frozen=True)
class Candidate:
    """What the extractor knows about one clause when it scores it."""

    text: str
    words: list[Word]
    language: str
    attribution: Attribution
    quantities: list[Quantity]
    times: list[TimeExpr]
    # Spans (body offsets) of links, @mentions and #hashtags inside the clause.
    markup: list[tuple[int, int]] = field(default_factory=list)
    # Stance of the whole paragraph (a social post is one utterance): weighs half.
    paragraph: Stance | None = None


# Arabic word cues, looked up once per spelling (bits of `_word_flags_ar`).
_EVENT_BIT, _ENTITY_BIT, _GREETING_BIT, _OPINION_BIT = 1, 2, 4, 8


@lru_cache(maxsize=100_000)
def _word_flags_ar(norm: str) -> int:
    """Which per-word cues an Arabic word carries: an event verb, a named entity, a greeting
    word, an opinion word (the same tests as `_has`, `_named_entities`, `_is_greeting` and
    `_opinion_hits`, cached: words repeat)."""
    verb_forms = conj_variants(norm)
    flags = 0
    if any(form in cues.EVENT_AR for form in verb_forms):
        flags |= _EVENT_BIT
    if any(strip_clitics(f) in cues.ENTITIES_AR or f in cues.ENTITIES_AR for f in variants(norm)):
        flags |= _ENTITY_BIT
    if any(form in cues.GREETINGS_AR for form in verb_forms):
        flags |= _GREETING_BIT
    if any(form in cues.OPINION_AR for form in verb_forms):
        flags |= _OPINION_BIT
    return flags


def _has(ws: list[Word], lexicon: frozenset[str], language: str) -> bool:
    if language == "ar":
        return any(is_verb_in(w, lexicon) for w in ws)
    return any(w.norm in lexicon for w in ws)


def _is_question(c: Candidate) -> bool:
    stripped = c.text.rstrip(" \"'”»)")
    if stripped.endswith(("?", "؟")):
        return True
    first = c.words[0] if c.words else None
    if first is None:
        return False
    if c.language == "ar":
        return is_verb_in(first, cues.QUESTION_WORDS_AR) and "?" in c.text
    return False


def _is_greeting(c: Candidate, greeting_words: int | None = None) -> bool:
    """`greeting_words`: how many of the (Arabic) words are greeting words, when known."""
    if not c.words:
        return False
    if c.language == "ar":
        starts = is_verb_in(c.words[0], cues.GREETING_STARTS_AR)
        hits = (
            sum(1 for w in c.words if _word_flags_ar(w.norm) & _GREETING_BIT)
            if greeting_words is None
            else greeting_words
        )
        return (starts and hits >= 1) or hits >= 2
    return c.words[0].norm in cues.GREETINGS_EN or (
        len(c.words) > 1 and c.words[0].norm == "thank" and c.words[1].norm == "you"
    )


def _opinion_hits(c: Candidate) -> int:
    if c.language == "ar":
        return sum(1 for w in c.words if _word_flags_ar(w.norm) & _OPINION_BIT)
    return sum(1 for w in c.words if w.norm in cues.OPINION_EN)


def _is_call(c: Candidate) -> bool:
    if not c.words:
        return False
    if c.language == "ar":
        return any(is_verb_in(w, cues.CALLS_AR) for w in c.words[:3])
    return c.words[0].norm in cues.CALLS_EN or (
        len(c.words) > 1 and c.words[0].norm == "let" and c.words[1].norm in ("us", "s")
    )


def _named_entities(c: Candidate) -> int:
    if c.language == "ar":
        return sum(1 for w in c.words if _word_flags_ar(w.norm) & _ENTITY_BIT)
    return sum(1 for w in c.words[1:] if w.text[:1].isupper() and w.norm not in ("i",))


def threshold(language: str) -> float:
    """The configured cut-off for `language` (settings: model or rule thresholds)."""
    return settings().threshold(language)


# Weight of each stance cue (subtracted); the sum is capped so one clause full of them is not
# pushed further than a question or greeting.
_STANCE_WEIGHTS = {
    "first_person": 0.1,
    "second_person": 0.15,
    "vocative": 0.1,
    "oath": 0.15,
    "prayer": 0.15,
    "wish": 0.2,
    "prediction": 0.2,
    "command": 0.2,
    "abuse": 0.05,
    "laughter": 0.2,  # as much as an exclamation run: a joke is not a checkable report
    "exclamation": 0.2,
}
_STANCE_CAP = 0.45
_PARAGRAPH_WEIGHT = 0.5


@lru_cache(maxsize=4096)
def stance_penalty(stance: Stance) -> float:
    total = sum(w for name, w in _STANCE_WEIGHTS.items() if getattr(stance, name))
    return min(total, _STANCE_CAP)


def text_stance(
    text: str, start: int, end: int, language: str, ws: list[Word] | None = None
) -> Stance:
    """Stance cues of text[start:end] (offsets into `text`; `ws` its words when known)."""
    ws = words(text, start, end) if ws is None else ws
    content = content_words(ws, markup_spans(text, start, end))
    return stance_of(
        content, text[start:end], language, emoji_laughter=has_laughter_emoji(text[start:end])
    )


@lru_cache(maxsize=100_000)
def _is_title_ar(norm: str) -> bool:
    return any(form in cues.TITLES_AR for form in variants(norm))


def _title(c: Candidate, ws: list[Word]) -> bool:
    return c.language == "ar" and any(map(_is_title_ar, [w.norm for w in ws]))


# Weight of each cue in the rule score (added to _BASE); `cue_values` gives each cue's value.
RULE_WEIGHTS = {
    "quantity": 0.25,
    "time": 0.1,
    "named_source": 0.2,
    "vague_source": 0.1,
    "event_verb": 0.1,
    "entity": 0.05,
    "title": 0.05,
    "long": 0.05,
    "short": -0.3,
    "question": -0.5,
    "greeting": -0.5,
    "call": -0.4,
    "opinion": -0.4,
    "stance": -1.0,
    "future_en": -0.1,
    "first_person_en": -0.05,
}
CUES = tuple(RULE_WEIGHTS)


def cue_values(c: Candidate) -> dict[str, float]:
    """Each cue of the candidate as a number (mostly 0/1): the rule score's inputs and the
    hand-made features of the trained detector."""
    content = content_words(c.words, c.markup)
    n = len(content)
    laughing = has_laughter_emoji(c.text)
    own = stance_penalty(stance_of(content, c.text, c.language, emoji_laughter=laughing))
    around = _PARAGRAPH_WEIGHT * stance_penalty(c.paragraph) if c.paragraph else 0.0
    english = c.language != "ar"
    if english:
        event = _has(c.words, cues.EVENT_EN, c.language)
        entity = _named_entities(c) >= 1
        greeting = _is_greeting(c)
        opinions = _opinion_hits(c)
    else:  # one cached look-up per word for the four word cues
        flags = list(map(_word_flags_ar, [w.norm for w in c.words]))
        every = 0
        for f in flags:
            every |= f
        event, entity = bool(every & _EVENT_BIT), bool(every & _ENTITY_BIT)
        greetings = sum(1 for f in flags if f & _GREETING_BIT) if every & _GREETING_BIT else 0
        greeting = _is_greeting(c, greetings)
        opinions = sum(1 for f in flags if f & _OPINION_BIT) if every & _OPINION_BIT else 0
    return {
        "quantity": float(bool(c.quantities)),
        "time": float(bool(c.times)),
        "named_source": float(c.attribution.type in ("direct", "quote")),
        "vague_source": float(c.attribution.type == "vague"),
        "event_verb": float(event),
        "entity": float(entity),
        "title": float(_title(c, content)),
        "long": float(n >= _LONG_WORDS.get(c.language, _LONG_WORDS["en"])),
        "short": float(n < 4),
        "question": float(_is_question(c)),
        "greeting": float(greeting),
        "call": float(_is_call(c)),
        "opinion": min(opinions, 2) / 2,
        "stance": max(own, around),
        "future_en": float(english and any(w.norm in cues.FUTURE_EN for w in c.words)),
        "first_person_en": float(
            english and any(w.norm in cues.FIRST_PERSON_EN for w in c.words)
        ),
    }


def rule_score(values: dict[str, float]) -> float:
    """The hand-weighted check-worthiness in 0..1 from `cue_values`."""
    value = _BASE + sum(RULE_WEIGHTS[name] * v for name, v in values.items())
    return round(min(1.0, max(0.0, value)), 4)


def score(c: Candidate) -> float:
    """Rule-based check-worthiness in 0..1."""
    return rule_score(cue_values(c))


def kind(c: Candidate) -> ClaimKind:
    if c.attribution.type == "quote":
        return "quote"
    if any(q.unit != "count" or q.value >= 1 for q in c.quantities):
        return "statistic"
    if c.attribution.type in ("direct", "vague"):
        return "attributed_statement"
    event = cues.EVENT_AR if c.language == "ar" else cues.EVENT_EN
    if _has(c.words, event, c.language) and c.times:
        return "event"
    return "assertion"
