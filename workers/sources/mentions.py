"""Find every cited source in a text and resolve it against the registry.

Steps: registry aliases (longest match on normalised token keys), span extension (type noun,
spokesperson, titles before a person, nationality after), descriptive re-mentions ("الموقع
السويدي" -> the earlier Swedish site), roles and descriptions resolved by context
(descriptions.py), unknown named sources after reporting verbs, and a filter that keeps a
mention only when a reporting cue stands next to it (or it is a wire or headline credit).
"""

from __future__ import annotations

import re

from contracts.events import SourceMention
from contracts.record import AttributionType
from workers.sources import cues
from workers.sources.descriptions import context_roles, english_descriptions
from workers.sources.doc_text import DocText, Found
from workers.sources.registry import SourceRegistry, source_ref, unknown_ref
from workers.sources.registry_file import SourceEntry
from workers.sources.text_keys import proclitic_length, token_key, tokenize

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


def _alias_at(doc: DocText, i: int, registry: SourceRegistry) -> tuple[int, str, str] | None:
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


def _licensed(doc: DocText, first: int, last: int) -> bool:
    """A common-word alias counts only after a type noun or inside quotes."""
    if first > 0 and doc.toks[first - 1].key in cues.TYPE_NOUNS and doc.soft(first):
        return True
    before = doc.text[max(0, doc.toks[first].start - 2) : doc.toks[first].start]
    after = doc.text[doc.toks[last - 1].end : doc.toks[last - 1].end + 2]
    return any(q in before for q in _OPEN_QUOTES) and any(q in after for q in _CLOSE_QUOTES)


def _alias_matches(doc: DocText, registry: SourceRegistry) -> list[Found]:
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


def _is_role_only(doc: DocText, item: Found) -> bool:
    return all(
        doc.toks[k].key in cues.TITLES or doc.toks[k].key in cues.NATIONALITY_KEYS
        for k in range(item.first, item.last)
    )


def _extend(doc: DocText, items: list[Found]) -> list[Found]:
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


def _claim_tokens(doc: DocText, items: list[Found]) -> None:
    for index, item in enumerate(items):
        for k in range(item.first, item.last):
            doc.owner[k] = index


def _head_keys(doc: DocText, item: Found) -> set[str]:
    assert item.entry is not None
    keys = {doc.toks[k].key for k in range(item.first, item.last)}
    keys |= {t.key for t in tokenize(item.entry.name)}
    return keys & cues.HEAD_NOUNS


def _is_definite(doc: DocText, i: int) -> bool:
    tok = doc.toks[i]
    if tok.norm.lstrip("وبفل").startswith("ال") or tok.norm.startswith("لل"):
        return True
    return i > 0 and doc.toks[i - 1].norm == "the"


def _rementions(doc: DocText, items: list[Found]) -> list[Found]:
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


def _capitalised_run(doc: DocText, lo: int, step: int, limit: int = 6) -> tuple[int, int] | None:
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
    if taken and doc.toks[min(taken)].raw.lower() in cues.EN_TIME_WORDS:
        return None
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


def _sentence_initial(doc: DocText, i: int) -> bool:
    return i == 0 or doc.hard(i) or bool(re.search(r"[\"“«(]\s*$", doc.gap(i)))


def _arabic_phrase(doc: DocText, lo: int) -> tuple[int, int] | None:
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


def _unknowns(doc: DocText, registry: SourceRegistry) -> list[Found]:
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


def _cited(doc: DocText, item: Found, starts: set[int], ends: set[int]) -> bool:
    """A reporting cue sits next to the mention, in the same sentence, before any other mention."""
    if item.how in ("unknown", "fuzzy", "credit"):
        return True
    if item.entry is not None and item.entry.kind == "wire" and _is_credit(doc, item):
        return True
    k = item.first
    if _relayed(doc, k) or _headline_credit(doc, item):
        return True
    if _after_lam(doc, k, item.entry):
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
        # English puts the verb after the subject; Arabic news prose mostly before, but a
        # fronted subject ("رئيس الحكومة ... أعلن") has its verb right after it
        if doc.toks[k].raw.isascii() and doc.toks[k].key in cues.EN_CUES:
            return True
        if k == item.last and doc.soft(k) and doc.toks[k].key in _AR_VERB_CUES:
            return True
        k += 1
    return False


_MEDIA_KINDS = frozenset({"wire", "broadcaster", "newspaper", "website"})
_HEADLINE_TOKENS = 40


def _relayed(doc: DocText, k: int) -> bool:
    """ "نقلت الصحيفة عن X": X is cited even though the relaying outlet stands in between."""
    if k == 0 or doc.toks[k - 1].key != "عن" or not doc.soft(k):
        return False
    lo = k - 1
    while lo > 0 and k - lo < 7 and not doc.hard(lo):
        lo -= 1
        if doc.toks[lo].key in cues.AR_RELAY:
            return True
    return False


def _headline_credit(doc: DocText, item: Found) -> bool:
    """An outlet or monitor named at the end of the headline ("... kills six Syrian state TV.
    A bomb ..."): early in the text, inside a line, then a capitalised word or the first stop."""
    if item.entry is None or item.entry.kind not in _MEDIA_KINDS | {"ngo"}:
        return False
    if item.first == 0 or item.last >= min(len(doc.toks), _HEADLINE_TOKENS):
        return False
    if doc.hard(item.first) or not doc.toks[item.last].raw[:1].isupper():
        return False
    return not any(doc.hard(k) for k in range(1, item.first + 1)) and "\n" not in doc.gap(item.last)


def _after_lam(doc: DocText, k: int, entry: SourceEntry | None) -> bool:
    """The mention starts with the preposition لـ: written apart ("لـ«"), or attached to an
    outlet a speaker talked to ("لشبكة"); attached to anything else it is mostly "of"."""
    if k > 0 and doc.toks[k - 1].key == "ل" and doc.soft(k):
        return True
    if entry is None or entry.kind not in _MEDIA_KINDS:
        return False
    norm = doc.toks[k].norm
    return norm.startswith("ل") and not doc.toks[k].key.startswith("ل") and len(norm) > 3


def _is_credit(doc: DocText, item: Found) -> bool:
    """A wire agency named as the origin of the text: "--AFP", "رويترز - بنغازي", "(AP)", a
    credit at the very end, or between a headline and the body ("... Aleppo AFP Eleven")."""
    start = doc.toks[item.first].start
    end = doc.toks[item.last - 1].end
    before = doc.text[max(0, start - 3) : start]
    after = doc.text[end : end + 3]
    if any(c in before for c in "-–—(") or any(c in after for c in "-–—)"):
        return True
    if not doc.text[end:].strip(" .\n"):
        return True
    nxt = item.last
    return (
        nxt < len(doc.toks)
        and doc.soft(nxt)
        and doc.toks[nxt].raw[:1].isupper()
        and doc.toks[item.first].raw.isupper()
    )


def _place(doc: DocText, item: Found) -> None:
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


def _attribution_type(doc: DocText, item: Found) -> AttributionType:
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
    doc = DocText(text)
    items = _extend(doc, _alias_matches(doc, registry))
    _claim_tokens(doc, items)
    items += _rementions(doc, items)
    items += context_roles(doc, items, registry)
    items += english_descriptions(doc, items)
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
