"""Shared Arabic/English names, so a claim in one language finds reporting in the other.

A query that mentions any form of a name (داعش, "Islamic State", ISIS) matches passages
containing any other form: each alias group becomes one query concept with alternatives.
The built-in groups cover the archive's domain, `workers.xref.gazetteer` adds places,
people, months and number words, and the source registry's names and aliases
(workers/sources/data/registry.json, read with its own loader) are added when present.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from workers.sources.registry_file import REGISTRY_FILE, read_registry_file
from workers.xref.gazetteer import GAZETTEER
from workers.xref.terms import index_terms

# Each group: forms of one name across Arabic and English.
BUILTIN: tuple[tuple[str, ...], ...] = (
    ("سوريا", "سورية", "Syria", "Syrian"),
    ("تركيا", "Turkey", "Türkiye", "Turkish"),
    ("داعش", "تنظيم الدولة", "الدولة الإسلامية", "ISIS", "ISIL", "Islamic State", "Daesh"),
    ("أنقرة", "Ankara"),
    ("دمشق", "Damascus"),
    ("حلب", "Aleppo"),
    ("إدلب", "Idlib"),
    ("الرقة", "Raqqa"),
    ("دير الزور", "Deir ez-Zor", "Deir al-Zour"),
    ("الحسكة", "Hasakah", "Hasaka"),
    ("رأس العين", "Ras al-Ain"),
    ("المرصد السوري لحقوق الإنسان", "Syrian Observatory for Human Rights", "SOHR"),
    ("الأمم المتحدة", "United Nations", "UN"),
    ("وزارة الخزانة الأميركية", "الخزانة الأميركية", "US Treasury", "Treasury Department"),
    ("وزارة الدفاع الفرنسية", "French Defence Ministry", "French Ministry of Defense"),
    ("الجيش الوطني", "Syrian National Army", "National Army"),
    ("الجيش السوري الحر", "Free Syrian Army", "FSA"),
    ("جبهة النصرة", "النصرة", "Nusra Front", "al-Nusra"),
    ("قوات سوريا الديمقراطية", "قسد", "Syrian Democratic Forces", "SDF"),
    ("أردوغان", "Erdogan", "Erdoğan"),
    ("الأسد", "Assad"),
    ("روسيا", "Russia", "Russian"),
    ("إيران", "Iran", "Iranian"),
    ("العراق", "Iraq", "Iraqi"),
    ("الأكراد", "Kurds", "Kurdish"),
    ("حزب الله", "Hezbollah"),
    ("إسرائيل", "Israel", "Israeli"),
    ("السعودية", "Saudi Arabia", "Saudi"),
    ("الولايات المتحدة", "واشنطن", "United States", "Washington"),
    ("ستوكهولم", "أستوكهولم", "Stockholm"),
    ("أضنة", "Adana"),
    ("نورديك مونيتور", "Nordic Monitor"),
    ("فرنسا", "France", "French"),
    ("دولار", "dollar", "dollars", "USD"),
    ("مليون", "million"),
    ("مليار", "billion"),
    ("ألف", "thousand"),
)

Alternative = tuple[str, ...]  # the stemmed terms of one form of a name


@cache
def alias_groups() -> tuple[tuple[Alternative, ...], ...]:
    """Every group as its forms' stemmed terms (empty forms dropped, duplicates merged)."""
    groups: list[tuple[Alternative, ...]] = []
    for names in (*BUILTIN, *GAZETTEER, *registry_groups()):
        forms = {tuple(index_terms(name, drop_stopwords=False)) for name in names}
        forms.discard(())
        if len(forms) > 1:
            groups.append(tuple(sorted(forms)))
    return tuple(groups)


@cache
def _by_first_term() -> dict[str, list[tuple[int, Alternative]]]:
    """(group number, form) by the form's first term, so a query is matched in one pass."""
    index: dict[str, list[tuple[int, Alternative]]] = {}
    for number, group in enumerate(alias_groups()):
        for form in group:
            index.setdefault(form[0], []).append((number, form))
    return index


def registry_groups(path: Path = REGISTRY_FILE) -> list[tuple[str, ...]]:
    """Name groups of the source registry (name + English + Arabic aliases per source).

    Aliases marked `~` are common words that name a source only in context (الجزيرة is also
    "the island"), so they are left out. A missing or invalid file gives no groups: the
    registry belongs to another component and must not break the search.
    """
    try:
        entries = read_registry_file(path).sources
    except (OSError, ValueError):
        return []
    groups: list[tuple[str, ...]] = []
    for entry in entries:
        names = (entry.name, *entry.aliases_en, *entry.aliases_ar)
        kept = tuple(n for n in names if not n.startswith("~"))
        if len(kept) > 1:
            groups.append(kept)
    return groups


def concepts(terms: Iterable[str]) -> list[tuple[Alternative, ...]]:
    """Group query terms into concepts: an alias group found in the terms becomes one
    concept whose alternatives are all its forms; every other term is its own concept.
    At each position the longest form wins (الدولة الإسلامية over a shorter name)."""
    seq = list(terms)
    groups = alias_groups()
    used = [False] * len(seq)
    found: list[int] = []
    for i, term in enumerate(seq):
        if used[i]:
            continue
        fits = [
            (len(form), number)
            for number, form in _by_first_term().get(term, [])
            if tuple(seq[i : i + len(form)]) == form and not any(used[i : i + len(form)])
        ]
        if fits:
            length, number = max(fits)
            used[i : i + length] = [True] * length
            if number not in found:
                found.append(number)
    out: list[tuple[Alternative, ...]] = [groups[n] for n in found]
    out.extend(((term,),) for term, u in zip(seq, used, strict=True) if not u)
    return out
