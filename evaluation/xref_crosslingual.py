"""Cross-lingual retrieval on a small hand-written set: Arabic claims ↔ English sentences.

    python -m evaluation.xref_crosslingual [--db URL] [--distractors]

Ten pairs written for this purpose by the helper that built the feature (an AI assistant),
not taken from any corpus: each Arabic claim states the same fact as its English sentence
in different words (names, places, figures and dates kept, the rest reworded). Both sides
are archived in a fresh database; each Arabic claim searches the English documents and
each English sentence the Arabic ones (language filter), and the counterpart is the one
relevant document. The set is small and made by the same hand as the gazetteer, so it
shows the mechanism works on names it was designed for, not how it generalises; half of
the names (marked `key`) are in no alias group and can only match through transliteration.
With --distractors the pairs are added to the benchmark archive (both Arabic corpora and
the 804 FA-KES English articles on the Syrian war), which makes the search a real one.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest.mock import patch

from contracts.events import ArticleSubmitted
from evaluation.bench_xref import MIN_DOCUMENTS, add_fakes
from evaluation.xref_data import DEFAULT_SHARED, corpus_archive
from storage.engine import make_engine
from storage.migrate import upgrade
from workers.xref import aliases
from workers.xref.aliases import BUILTIN
from workers.xref.archive import Archive, open_archive
from workers.xref.terms import index_terms

# (id, Arabic claim, English sentence, how the names can match)
PAIRS: tuple[tuple[str, str, str, str], ...] = (
    (
        "kobani",
        "مقاتلون أكراد استعادوا السيطرة على كوباني في 26 يناير بعد أربعة أشهر من القتال",
        "Kurdish fighters retook Kobani on 26 January after four months of fighting.",
        "gazetteer",
    ),
    (
        "suruc",
        "تفجير انتحاري في سروج قرب الحدود التركية أوقع 32 قتيلا",
        "A suicide bombing in Suruc near the Turkish border killed 32 people.",
        "gazetteer",
    ),
    (
        "raqqa",
        "غارات جوية روسية استهدفت الرقة وقتلت 18 مدنيا",
        "Russian air strikes hit Raqqa and killed 18 civilians, activists said.",
        "gazetteer",
    ),
    (
        "adana",
        "الشرطة التركية اعتقلت 12 مشتبها بهم في أضنة بتهمة تهريب مقاتلين",
        "Turkish police detained 12 suspects in Adana accused of smuggling fighters.",
        "gazetteer",
    ),
    (
        "treasury",
        "الخزانة الأميركية تقدر عائدات داعش من النفط بنحو 40 مليون دولار شهريا",
        "The US Treasury estimates that ISIS earns about 40 million dollars a month from oil.",
        "gazetteer",
    ),
    (
        "salih",
        "صالح مسلم يتهم أنقرة بدعم المتطرفين على الحدود",
        "Salih Muslim accused Ankara of backing extremists along the border.",
        "key",
    ),
    (
        "rifaat",
        "قصف مدفعي على تل رفعت أدى إلى نزوح 5000 شخص",
        "Artillery shelling on Tal Rifaat displaced 5000 people.",
        "key",
    ),
    (
        "shaddadi",
        "قوات سوريا الديمقراطية دخلت الشدادي في فبراير",
        "The Syrian Democratic Forces entered Shaddadi in February.",
        "key",
    ),
    (
        "tabqa",
        "سد الطبقة على نهر الفرات مهدد بالانهيار بحسب مهندسين",
        "Engineers warned that the Tabqa dam on the Euphrates could collapse.",
        "key",
    ),
    (
        "nubl",
        "الجيش السوري فك الحصار عن نبل والزهراء شمال حلب",
        "The Syrian army broke the siege of Nubl and Zahraa north of Aleppo.",
        "key",
    ),
)


def build(url: str, distractors: bool = False) -> Archive:
    if distractors:
        _, archive = corpus_archive(url, DEFAULT_SHARED)
        if archive.count() < MIN_DOCUMENTS:
            add_fakes(archive, DEFAULT_SHARED)
    else:
        engine = make_engine(url)
        upgrade(engine)
        archive = open_archive(engine)
    for pid, ar, en, _ in PAIRS:
        archive.add_article(ArticleSubmitted(article_id=f"ar-{pid}", body=ar, language="ar"))
        archive.add_article(ArticleSubmitted(article_id=f"en-{pid}", body=en, language="en"))
    return archive


def evaluate(archive: Archive) -> dict[str, object]:
    out: dict[str, object] = {"pairs": len(PAIRS)}
    for direction, query_side, target in (("ar->en", 1, "en"), ("en->ar", 2, "ar")):
        hits, reciprocal, missed = 0, 0.0, []
        for row in PAIRS:
            found = [
                p.doc_id for p in archive.search(str(row[query_side]), language=target, limit=10)
            ]
            want = f"{target}-{row[0]}"
            rank = found.index(want) + 1 if want in found else 0
            hits += rank == 1
            reciprocal += 1 / rank if rank else 0.0
            if rank != 1:
                missed.append(row[0])
        out[direction] = {
            "hit@1": round(hits / len(PAIRS), 2),
            "mrr": round(reciprocal / len(PAIRS), 3),
            "not_first": missed,
        }
    return out


@contextmanager
def previous_query_side() -> Iterator[None]:
    """The query side as it was before this feature, for comparison: built-in alias groups
    only (the registry loader found no aliases in the file's real shape), no gazetteer,
    no transliteration keys. The index keeps its keys; no query asks for them."""
    groups = tuple(
        tuple(sorted({tuple(index_terms(n, drop_stopwords=False)) for n in names} - {()}))
        for names in BUILTIN
    )
    with (
        patch("workers.xref.aliases.alias_groups", lambda: groups),
        patch("workers.xref.ranking.arabic_name_keys", lambda text: {}),
    ):
        aliases._by_first_term.cache_clear()
        try:
            yield
        finally:
            aliases._by_first_term.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description="Cross-lingual retrieval on a hand-made set.")
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--distractors", action="store_true", help="add the corpora too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'crosslingual.db'}"
        archive = build(url, args.distractors)
        print(json.dumps({"with": evaluate(archive)}, ensure_ascii=False))
        with previous_query_side():
            print(json.dumps({"previous": evaluate(archive)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
