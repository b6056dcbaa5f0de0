"""The synthetic archive generator: deterministic, importer-shaped (pure, small corpus)."""

from __future__ import annotations

import json
from pathlib import Path

from bench.archive_scale import percentile
from bench.synthetic_archive import Corpus, documents, split_sentences
from workers.xref.importer import BadRecord, read_documents

CORPUS = Corpus(
    sentences={
        "ar": [f"جملة عربية رقم {i} عن الأحداث في المنطقة." for i in range(30)],
        "en": [f"English sentence number {i} about the events." for i in range(30)],
    },
    lengths=[("ar", 3), ("ar", 5), ("en", 2), ("en", 7)],
)


def test_same_seed_same_documents_other_seed_other_documents() -> None:
    a = list(documents(200, CORPUS, seed=1))
    b = list(documents(200, CORPUS, seed=1))
    c = list(documents(200, CORPUS, seed=2))
    assert a == b
    assert [d["text"] for d in a] != [d["text"] for d in c]


def test_documents_have_unique_ids_and_real_lengths() -> None:
    docs = list(documents(500, CORPUS, seed=3))
    assert len({d["id"] for d in docs}) == 500
    counts = {(d["language"], len(split_sentences(d["text"]))) for d in docs}
    assert counts <= set(CORPUS.lengths)
    assert all(d["title"] and d["outlet"].endswith(".example") for d in docs)


def test_output_is_read_by_the_archive_importer(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for doc in documents(20, CORPUS, seed=4):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    items = list(read_documents(path))
    assert not [i for i in items if isinstance(i, BadRecord)]
    assert [i.article_id for i in items] == [d["id"] for d in documents(20, CORPUS, seed=4)]


def test_percentile_is_nearest_rank() -> None:
    values = list(range(1, 101))
    assert percentile(values, 95) == 95
    assert percentile(values, 50) == 50
    assert percentile([7.0], 95) == 7.0
