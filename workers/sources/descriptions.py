"""Mentions that name a source by what it is rather than by its name.

- A national body's role without its country ("وزارة الدفاع", "الجيش", "the Defence Ministry")
  is placed in the article's dominant country, counted from nationality adjectives, country
  names and the national bodies and persons already found.
- An English description ("a monitor", "the Britain-based group", "The TV") stands for the
  nearest source of the kind it describes (earlier first, else the next one).
- A headline credit: a capitalised description between a headline and the body
  ("... in Syria's Idlib Monitor An air strike ...").
"""

from __future__ import annotations

from collections import Counter

from workers.sources import cues
from workers.sources.doc_text import DocText, Found
from workers.sources.registry import SourceRegistry
from workers.sources.registry_file import SourceEntry

_PARTY_KINDS = frozenset({"government", "person", "armed_group"})
# English description heads -> the kinds of source they can stand for
_EN_KINDS: dict[str, frozenset[str]] = {
    "monitor": frozenset({"ngo"}),
    "watchdog": frozenset({"ngo"}),
    "observatory": frozenset({"ngo"}),
    "group": frozenset({"ngo", "armed_group"}),
    "tv": frozenset({"broadcaster"}),
    "television": frozenset({"broadcaster"}),
    "broadcaster": frozenset({"broadcaster"}),
    "channel": frozenset({"broadcaster"}),
    "agency": frozenset({"wire"}),
    "newspaper": frozenset({"newspaper"}),
    "daily": frozenset({"newspaper"}),
}
_DETERMINERS = frozenset({"a", "an", "the"})
_MAX_MODIFIERS = 3
_HEADLINE_TOKENS = 40


def country_weights(doc: DocText, items: list[Found]) -> Counter[str]:
    """How strongly the text is about each country: free nationality adjectives and country
    names, plus the countries of national bodies and persons already found."""
    weights: Counter[str] = Counter()
    for i, tok in enumerate(doc.toks):
        if doc.owner[i] is not None:
            continue
        country = cues.COUNTRY_OF_NATIONALITY.get(tok.key) or cues.COUNTRY_OF_NAME.get(tok.key)
        if country is not None:
            weights[country] += 1
    for item in items:
        if item.entry is not None and item.entry.kind in _PARTY_KINDS and item.entry.country:
            weights[item.entry.country] += 1
    return weights


def _dominant(weights: Counter[str]) -> str | None:
    """The single most frequent country; a tie names none."""
    top = weights.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def _role_at(doc: DocText, i: int, registry: SourceRegistry) -> tuple[int, dict[str, str]] | None:
    """The longest country-less role starting at token i: (token count, country -> entry id)."""
    best: tuple[int, dict[str, str]] | None = None
    keys: list[str] = []
    k = i
    while k < len(doc.toks) and k - i < 5 and doc.owner[k] is None and (k == i or doc.soft(k)):
        keys.append(doc.toks[k].key)
        found = registry.by_role.get(tuple(keys))
        if found is not None:
            best = (k - i + 1, found)
        k += 1
    return best


def _names_a_country(doc: DocText, k: int) -> bool:
    if k >= len(doc.toks) or not doc.soft(k):
        return False
    key = doc.toks[k].key
    return key in cues.COUNTRY_OF_NATIONALITY or key in cues.COUNTRY_OF_NAME


def _continues_name(doc: DocText, k: int) -> bool:
    """The role goes on into a longer name: "الجيش الوطني", "الجيش الحر", "Army Command"."""
    if k >= len(doc.toks) or not doc.soft(k) or doc.owner[k] is not None:
        return False
    tok = doc.toks[k]
    if tok.key in cues.ROLE_WORDS:
        return False
    return tok.norm.startswith("ال") or tok.raw[:1].isupper()


def context_roles(doc: DocText, items: list[Found], registry: SourceRegistry) -> list[Found]:
    """Roles without a country ("وزارة الدفاع") resolved to the article's dominant country.

    A role followed or preceded by a country word is left alone: it names its own country,
    and if the registry lacks that country's body, guessing another would be wrong."""
    country = _dominant(country_weights(doc, items))
    if country is None:
        return []
    added: list[Found] = []
    i = 0
    while i < len(doc.toks):
        hit = _role_at(doc, i, registry) if doc.owner[i] is None else None
        if hit is None:
            i += 1
            continue
        n, by_country = hit
        if (
            country in by_country
            and not _names_a_country(doc, i + n)
            and not _continues_name(doc, i + n)
            and not (i > 0 and _names_a_country(doc, i - 1) and doc.owner[i - 1] is None)
        ):
            entry = registry.entries[by_country[country]]
            added.append(Found(i, i + n, 0, 0, entry, 0.7, "context"))
            doc.take(i, i + n, -3)
        i += n
    return added


def _referent(items: list[Found], i: int, kinds: frozenset[str]) -> SourceEntry | None:
    """The nearest source of one of `kinds` before token i, else the first one after it."""
    before = [x for x in items if x.last <= i and x.entry is not None and x.entry.kind in kinds]
    if before:
        return max(before, key=lambda x: x.last).entry
    after = [x for x in items if x.first > i and x.entry is not None and x.entry.kind in kinds]
    return min(after, key=lambda x: x.first).entry if after else None


def _modifier(doc: DocText, k: int) -> bool:
    raw = doc.toks[k].raw
    return (
        raw.isascii()
        and doc.owner[k] is None
        and raw.lower() not in _DETERMINERS
        and doc.toks[k].key not in cues.EN_CUES
    )


def english_descriptions(doc: DocText, items: list[Found]) -> list[Found]:
    """ "a monitor", "The monitoring group", "the Britain-based group", "The TV" -> the
    source of that kind the article names; a capitalised one in the headline is a credit."""
    added: list[Found] = []
    for i, tok in enumerate(doc.toks):
        kinds = _EN_KINDS.get(tok.key)
        if kinds is None or doc.owner[i] is not None or not tok.raw.isascii():
            continue
        lo = i
        while lo > 0 and i - lo < _MAX_MODIFIERS and doc.soft(lo) and _modifier(doc, lo - 1):
            lo -= 1
        while lo < i and not (lo > 0 and doc.soft(lo) and _is_det(doc, lo - 1)):
            lo += 1  # modifiers count only when a determiner opens the phrase
        how = "description"
        if lo > 0 and doc.soft(lo) and _is_det(doc, lo - 1):
            lo -= 1
        elif _headline_credit(doc, i):
            how = "credit"
        else:
            continue
        if any(doc.toks[k].raw.lower() == "monitoring" for k in range(lo, i)):
            kinds = frozenset({"ngo"})
        entry = _referent(items, lo, kinds)
        if entry is None:
            continue
        added.append(Found(lo, i + 1, 0, 0, entry, 0.7, how))
        doc.take(lo, i + 1, -4)
    return added


def _is_det(doc: DocText, k: int) -> bool:
    return doc.toks[k].raw.lower() in _DETERMINERS and doc.owner[k] is None


def _headline_credit(doc: DocText, i: int) -> bool:
    """A capitalised description ending the headline: inside the first line, not starting a
    sentence, and followed by a capitalised word that opens the body or a credit."""
    tok = doc.toks[i]
    if i >= _HEADLINE_TOKENS or i == 0 or not tok.raw[:1].isupper() or doc.hard(i):
        return False
    if i + 1 >= len(doc.toks):
        return False
    return doc.toks[i + 1].raw[:1].isupper() and not doc.hard(i + 1)
