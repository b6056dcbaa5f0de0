"""Find every cited source in a text and resolve it against the registry.

Steps: registry aliases (longest match on normalised token keys), span extension (type noun,
spokesperson, titles before a person, nationality after), descriptive re-mentions ("الموقع
السويدي" -> the earlier Swedish site), unknown named sources after reporting verbs, and a
filter that keeps a mention only when a reporting cue stands next to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contracts.events import SourceMention
from contracts.record import AttributionType
from workers.sources import cues
from workers.sources.registry import SourceRegistry, source_ref, unknown_ref
from workers.sources.registry_file import SourceEntry
from workers.sources.text_keys import Token, proclitic_length, token_key, tokenize

_SOFT_GAP = re.compile(r"^[ \t\u00a0\-–\.«»“”\"'’‘‚_ـ]{0,4}$")
_HARD_BREAK = re.compile(r"[.!?؟؛\n]")
_SENTENCE_END = re.compile(r"[.!?]\s")
_APPOSITION = re.compile(r"^\s*[،,]\s*$")
_OPEN_QUOTES = "«“\"'‘"
_CLOSE_QUOTES = "»”\"'’"
_QUOTE_AFTER = re.compile(r"^[^.\n]{0,40}?[:،,]?\s*(?:أن|إن|بأن)?\s*[«“\"]")
_BEFORE, _AFTER = 4, 5
_AR_VERB_CUES = cues.AR_CUES - {
    k for k in cues.AR_CUES if k in cues.keys_of("حسب بحسب حسبما وفق وفقا طبقا تقرير تقارير")
}
_EN_SAY = frozenset({"said", "says", "told", "stated", "added", "claimed", "warned", "noted"})


@dataclass(slots=True)
class Found:
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    start: int
    end: int
    entry: SourceEntry | None
    score: float
    how: str  # alias | remention | fuzzy | unknown
    first_norm: str = ""  # unprefixed written form of the first token, to place the start


class _Text:
    """The text, its tokens and which tokens are already part of a mention."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks: list[Token] = tokenize(text)
        self.owner: list[int | None] = [None] * len(self.toks)

    def gap(self, i: int) -> str:
        """Raw text between token i-1 and token i."""
        return self.text[self.toks[i - 1].end : self.toks[i].start]

    def soft(self, i: int) -> bool:
        return 0 < i < len(self.toks) and bool(_SOFT_GAP.match(self.gap(i)))

    def hard(self, i: int) -> bool:
        return 0 < i < len(self.toks) and bool(_HARD_BREAK.search(self.gap(i)))


def _alias_at(doc: _Text, i: int, registry: SourceRegistry) -> tuple[int, str, str] | None:
    """Longest alias starting at token i: (token count, entry id, first word's form)."""
    for pattern in registry.by_first_key.get(doc.toks[i].key, ()):
        n = len(pattern.keys)
        if i + n > len(doc.toks):
            continue
        ok = all(
            doc.toks[i + k].key == pattern.keys[k]
            and (pattern.cased[k] is None or doc.toks[i + k].raw == pattern.cased[k])
            and (k == 0 or doc.soft(i + k))
            for k in range(n)
        )
        if not ok:
            continue
        if pattern.ambiguous and not _licensed(doc, i, i + n):
            continue
        return n, pattern.entry_id, pattern.first_norm
    return None


def _licensed(doc: _Text, first: int, last: int) -> bool:
    """A common-word alias counts only after a type noun or inside quotes."""
    if first > 0 and doc.toks[first - 1].key in cues.TYPE_NOUNS and doc.soft(first):
        return True
    before = doc.text[max(0, doc.toks[first].start - 2) : doc.toks[first].start]
    after = doc.text[doc.toks[last - 1].end : doc.toks[last - 1].end + 2]
    return any(q in before for q in _OPEN_QUOTES) and any(q in after for q in _CLOSE_QUOTES)


def _alias_matches(doc: _Text, registry: SourceRegistry) -> list[Found]:
    found: list[Found] = []
    i = 0
    while i < len(doc.toks):
        hit = _alias_at(doc, i, registry)
        if hit is None:
            i += 1
            continue
        n, entry_id, first_norm = hit
        found.append(Found(i, i + n, 0, 0, registry.entries[entry_id], 1.0, "alias", first_norm))
        i += n
    return found


def _is_role_only(doc: _Text, item: Found) -> bool:
    return all(
        doc.toks[k].key in cues.TITLES or doc.toks[k].key in cues.NATIONALITY_KEYS
        for k in range(item.first, item.last)
    )


def _extend(doc: _Text, items: list[Found]) -> list[Found]:
    """Grow spans over type nouns, spokesperson phrases, person titles and nationality."""
    out: list[Found] = []
    for item in items:
        entry = item.entry
        assert entry is not None
        if (
            item.first > 0
            and doc.toks[item.first - 1].key in cues.TYPE_NOUNS
            and doc.soft(item.first)
        ):
            item.first -= 1
        for phrase in cues.SPOKESPERSON:
            n = len(phrase)
            lo = item.first - n
            if (
                lo >= 0
                and tuple(t.key for t in doc.toks[lo : item.first]) == phrase
                and all(doc.soft(k) for k in range(lo + 1, item.first + 1))
            ):
                item.first = lo
        if entry.kind == "person":
            # absorb a role-only match right before ("وزير الخارجية الأمريكي" + "جون كيري")
            if (
                out
                and out[-1].last == item.first
                and (doc.soft(item.first) or _APPOSITION.match(doc.gap(item.first)))
                and _is_role_only(doc, out[-1])
            ):
                item.first = out.pop().first
            steps = 0
            while (
                item.first > 0
                and steps < 5
                and doc.soft(item.first)
                and (
                    doc.toks[item.first - 1].key in cues.TITLES
                    or doc.toks[item.first - 1].key in cues.NATIONALITY_KEYS
                )
                and (not out or out[-1].last < item.first)
            ):
                item.first -= 1
                steps += 1
        if (
            entry.country
            and item.last < len(doc.toks)
            and doc.soft(item.last)
            and doc.toks[item.last].key in cues.NATIONALITY.get(entry.country, frozenset())
        ):
            item.last += 1
        if out and out[-1].last > item.first:
            item.first = out[-1].last
        out.append(item)
    return out


def _claim_tokens(doc: _Text, items: list[Found]) -> None:
    for index, item in enumerate(items):
        for k in range(item.first, item.last):
            doc.owner[k] = index


def _head_keys(doc: _Text, item: Found) -> set[str]:
    assert item.entry is not None
    keys = {doc.toks[k].key for k in range(item.first, item.last)}
    keys |= {t.key for t in tokenize(item.entry.name)}
    return keys & cues.HEAD_NOUNS


def _is_definite(doc: _Text, i: int) -> bool:
    tok = doc.toks[i]
    if tok.norm.lstrip("وبفل").startswith("ال") or tok.norm.startswith("لل"):
        return True
    return i > 0 and doc.toks[i - 1].norm == "the"


def _rementions(doc: _Text, items: list[Found]) -> list[Found]:
    """Definite head noun (+ nationality) after a full mention refers back to that entry."""
    added: list[Found] = []
    for i, tok in enumerate(doc.toks):
        if doc.owner[i] is not None or tok.key not in cues.HEAD_NOUNS or not _is_definite(doc, i):
            continue
        country = None
        last = i + 1
        if last < len(doc.toks) and doc.soft(last):
            country = cues.COUNTRY_OF_NATIONALITY.get(doc.toks[last].key)
            if country is not None and doc.owner[last] is None:
                last += 1
        earlier = [
            item
            for item in items
            if item.last <= i
            and item.entry is not None
            and item.entry.kind != "vague"
            and tok.key in _head_keys(doc, item)
            and (country is None or item.entry.country == country)
        ]
        if not earlier:
            continue
        score = 0.9 if country else 0.8
        added.append(Found(i, last, 0, 0, earlier[-1].entry, score, "remention"))
        for k in range(i, last):
            doc.owner[k] = -1
    return added


def _capitalised_run(doc: _Text, lo: int, step: int, limit: int = 6) -> tuple[int, int] | None:
    """A run of capitalised words starting at token lo going in direction step (+1 or -1)."""
    idx = lo
    taken: list[int] = []
    while 0 <= idx < len(doc.toks) and len(taken) < limit and doc.owner[idx] is None:
        raw = doc.toks[idx].raw
        if (raw[:1].isupper() and raw.isascii()) or (raw.lower() in cues.EN_NAME_JOINERS and taken):
            taken.append(idx)
        else:
            break
        nxt = idx + step
        boundary = idx if step < 0 else nxt
        if not doc.soft(boundary) or _SENTENCE_END.search(doc.gap(boundary)):
            break
        idx = nxt
    while taken and not doc.toks[taken[-1]].raw[:1].isupper():
        taken.pop()
    if not taken:
        return None
    while taken and doc.toks[min(taken)].raw.lower() == "the":
        taken.remove(min(taken))
    if not taken:
        return None
    first, last = min(taken), max(taken) + 1
    if last - first == 1 and _sentence_initial(doc, first):
        return None  # "The", "Eleven", "At": a capital that only marks a sentence start
    if last - first == 1 and doc.toks[first].raw.lower() in cues.EN_PRONOUNS:
        return None
    if doc.toks[first].raw.lower() in cues.EN_PRONOUNS:
        return None
    return first, last


def _sentence_initial(doc: _Text, i: int) -> bool:
    return i == 0 or doc.hard(i) or bool(re.search(r"[\"“«(]\s*$", doc.gap(i)))


def _arabic_phrase(doc: _Text, lo: int) -> tuple[int, int] | None:
    """A named-source phrase right after a reporting verb: starts with an organisation/role noun."""
    if lo >= len(doc.toks) or doc.owner[lo] is not None or doc.hard(lo):
        return None
    if doc.toks[lo].key not in cues.AR_SOURCE_HEADS:
        return None
    last = lo + 1
    while (
        last < len(doc.toks)
        and last - lo < 6
        and doc.owner[last] is None
        and doc.soft(last)
        and doc.toks[last].key not in cues.AR_STOP
        and doc.toks[last].key not in cues.CUES
    ):
        last += 1
    return lo, last


def _unknowns(doc: _Text, registry: SourceRegistry) -> list[Found]:
    """Named sources after reporting cues that the alias pass did not find."""
    spans: list[tuple[int, int]] = []
    for i, tok in enumerate(doc.toks):
        if doc.owner[i] is not None:
            continue
        if tok.key in _AR_VERB_CUES:
            nxt = i + 1
            if nxt < len(doc.toks) and doc.toks[nxt].key == "ل" and doc.soft(nxt):
                nxt += 1  # "قال لـ..." names the listener; the speaker comes later
                continue
            span = _arabic_phrase(doc, nxt)
        elif tok.raw.lower() == "according" and i + 2 < len(doc.toks):
            lo = i + 2 if doc.toks[i + 1].raw.lower() == "to" else i + 1
            if lo < len(doc.toks) and doc.toks[lo].raw.lower() == "the" and doc.soft(lo + 1):
                lo += 1
            span = _capitalised_run(doc, lo, +1)
        elif tok.raw.lower() in _EN_SAY and i > 0 and doc.soft(i):
            span = _capitalised_run(doc, i - 1, -1)
            if span is None and i + 1 < len(doc.toks) and doc.soft(i + 1):
                span = _capitalised_run(doc, i + 1, +1)
        else:
            continue
        if span is not None and all(doc.owner[k] is None for k in range(*span)):
            spans.append(span)
            for k in range(*span):
                doc.owner[k] = -2
    out: list[Found] = []
    for first, last in spans:
        name = doc.text[doc.toks[first].start : doc.toks[last - 1].end]
        entry = registry.exact(name)
        if entry is not None:
            out.append(Found(first, last, 0, 0, entry, 0.95, "fuzzy"))
            continue
        fuzzy = registry.fuzzy(name)
        if fuzzy is not None:
            out.append(Found(first, last, 0, 0, fuzzy[0], fuzzy[1], "fuzzy"))
        else:
            out.append(Found(first, last, 0, 0, None, 0.0, "unknown"))
    return out


def _cited(doc: _Text, item: Found, starts: set[int], ends: set[int]) -> bool:
    """A reporting cue sits next to the mention, in the same sentence, before any other mention."""
    if item.how == "unknown" or (item.how == "fuzzy"):
        return True
    k = item.first
    if k > 0 and doc.toks[k - 1].key == "ل" and doc.soft(k):
        # "قال ... لـ«الشرق الأوسط»": the outlet the speaker talked to, cited as the channel
        lo = k - 1
        while lo > 0 and k - lo < 8 and not doc.hard(lo):
            lo -= 1
            if doc.toks[lo].key in cues.AR_CUES:
                return True
    for _ in range(_BEFORE):
        if k == 0 or doc.hard(k) or (k in ends and k != item.first):
            break
        k -= 1
        key = doc.toks[k].key
        if key in cues.CUES:
            return True
        if key in cues.AR_STOP and key in cues.keys_of("أن إن بأن ان"):
            break
    k = item.last
    for _ in range(_AFTER):
        if k >= len(doc.toks) or doc.hard(k) or (k in starts and k != item.last):
            break
        # English puts the verb after the subject; Arabic news prose puts it before
        if doc.toks[k].raw.isascii() and doc.toks[k].key in cues.EN_CUES:
            return True
        k += 1
    return False


def _place(doc: _Text, item: Found) -> None:
    first_tok = doc.toks[item.first]
    if not item.first_norm or doc.toks[item.first].key != _key_of_norm(item.first_norm):
        item.first_norm = cues.BASE_NORM.get(first_tok.key, first_tok.norm)
    item.start = first_tok.start + proclitic_length(first_tok.raw, item.first_norm)
    item.end = doc.toks[item.last - 1].end
    # keep a closing quote that belongs to a quoted name inside the span ("“نورديك مونيتور”")
    if item.end < len(doc.text) and doc.text[item.end] in _CLOSE_QUOTES:
        inner = doc.text[item.start : item.end]
        if any(q in inner for q in _OPEN_QUOTES) and not any(q in inner for q in _CLOSE_QUOTES):
            item.end += 1


def _key_of_norm(norm: str) -> str:
    return token_key(norm)


def _attribution_type(doc: _Text, item: Found) -> AttributionType:
    if item.entry is not None and item.entry.kind == "vague":
        return "vague"
    return "quote" if _QUOTE_AFTER.match(doc.text[item.end : item.end + 80]) else "direct"


def find_mentions(
    text: str, registry: SourceRegistry, language: str | None = None
) -> list[SourceMention]:
    """Every cited source in `text`, with offsets into `text` and a resolved SourceRef.

    `language` is accepted for symmetry with the other workers; both Arabic and English cues
    are always active because quoted English names appear in Arabic text and vice versa.
    """
    del language
    doc = _Text(text)
    items = _extend(doc, _alias_matches(doc, registry))
    _claim_tokens(doc, items)
    items += _rementions(doc, items)
    items += _unknowns(doc, registry)
    items.sort(key=lambda item: item.first)
    starts = {item.first for item in items}
    ends = {item.last for item in items}
    mentions: list[SourceMention] = []
    for item in items:
        if not _cited(doc, item, starts, ends):
            continue
        _place(doc, item)
        mention = text[item.start : item.end]
        ref = source_ref(item.entry, item.score) if item.entry else unknown_ref(mention)
        mentions.append(
            SourceMention(
                mention=mention,
                start=item.start,
                end=item.end,
                type=_attribution_type(doc, item),
                source=ref,
            )
        )
    return mentions
