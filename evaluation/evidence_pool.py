"""Candidate pools for judging the evidence set, built WITHOUT the project's retrieval.

    python -m evaluation.evidence_pool pool   [--out .run/eval/evidence-pool.txt]
    python -m evaluation.evidence_pool similar --doc snn:line-12   (helps choose claims)

Own normalisation (no workers.nlp / workers.xref code): Arabic diacritics and tatweel
dropped, alef/yeh/teh-marbuta forms folded, Arabic-Indic digits folded, a light prefix
(و، ال، بال، لل…) and suffix strip; English lower-cased with a plural `s` dropped. BM25
(bm25s) over sentences and over whole documents, plus a grep for the claim's figures and
capitalised / long name words. Per claim: the top 15 documents by best sentence, the top
10 by whole document, and up to 8 documents holding one of the claim's figures together
with one of its names; the source document itself is never in its pool.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from evaluation.evidence_data import Document, documents
from evaluation.xref_data import DEFAULT_SHARED, ROOT

SENT_K, DOC_K, GREP_K = 15, 10, 8
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)?|[^\W\d_]+")
_SENT = re.compile(r"(?<=[.!?؟\n])\s+|\n+")
_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
    | {chr(0x660 + d): str(d) for d in range(10)}
    | {chr(0x6F0 + d): str(d) for d in range(10)}
)
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و")
_SUFFIXES = ("ات", "ون", "ين", "ان", "ها", "هم", "يه", "يا", "ه", "ي")
_STOP_WORDS = (
    "في من على الى إلى عن ان أن إن مع هذا هذه ذلك التي الذي الذين كان كانت قد لا ما او أو ثم "
    "وقال قال بين بعد قبل حتى كما عند لم لن كل اي أي هو هي هم تم وفي ومن وعلى the a an of to "
    "in on and or for with by at from that this is was were be been has have had it its as "
    "said are not but he she they which"
)
STOP = set(_STOP_WORDS.split())


def normalise(text: str) -> str:
    return _DIACRITICS.sub("", text).translate(_FOLD).lower()


def stem(word: str) -> str:
    if word.isdigit() or word.isascii():
        return word[:-1] if word.isascii() and len(word) > 4 and word.endswith("s") else word
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            word = word[len(p) :]
            break
    for s in _SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            return word[: -len(s)]
    return word


def tokens(text: str) -> list[str]:
    # normalised first, so Arabic-Indic digits are digits (the pass-1 pools were built
    # before this fix; it changes nothing for the set's claims, which have none)
    out = []
    for word in _TOKEN.findall(normalise(text)):
        if word in STOP:
            continue
        out.append(stem(word.replace(",", "")))
    return [t for t in out if t and t not in STOP]


def sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENT.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@dataclass
class Index:
    docs: list[Document]
    sent_doc: list[int]
    sent_span: list[tuple[int, int]]
    by_sentence: object
    by_document: object

    def best_sentence(self, doc: int, query: Sequence[str]) -> str:
        q = set(query)
        text = self.docs[doc].text
        spans = [s for s, d in zip(self.sent_span, self.sent_doc, strict=True) if d == doc]
        if not spans:
            return self.docs[doc].title
        best = max(spans, key=lambda sp: len(q & set(tokens(text[sp[0] : sp[1]]))))
        return text[best[0] : best[1]]


@cache
def index(shared: Path) -> Index:
    import bm25s

    docs = list(documents(shared).values())
    sent_doc, sent_span, sent_tokens = [], [], []
    for i, doc in enumerate(docs):
        body = doc.text if doc.kind == "article" else doc.text + "\n" + doc.title
        for s, e in sentences(body):
            sent_doc.append(i)
            sent_span.append((s, e))
            sent_tokens.append(tokens(body[s:e]) or ["∅"])
    by_sentence = bm25s.BM25()
    by_sentence.index(sent_tokens, show_progress=False)
    by_document = bm25s.BM25()
    by_document.index([tokens(d.title + "\n" + d.text) or ["∅"] for d in docs], show_progress=False)
    return Index(docs, sent_doc, sent_span, by_sentence, by_document)


def figures_and_names(claim: str) -> tuple[set[str], set[str]]:
    figures = {t for t in tokens(claim) if t[0].isdigit()}
    names = {
        stem(normalise(w))
        for w in re.findall(r"[^\W\d_]+", claim)
        if (w[0].isupper() and len(w) > 3) or (not w.isascii() and len(normalise(w)) >= 6)
    } - STOP
    return figures, names


def pool(shared: Path, claim: str, exclude: str) -> list[tuple[str, str]]:
    """(doc id, why pooled) for one claim, best first, source document excluded."""
    ix = index(shared)
    query = tokens(claim)
    picked: dict[int, str] = {}
    sent_scores = np.asarray(ix.by_sentence.get_scores(query))  # type: ignore[attr-defined]
    best_doc: dict[int, float] = {}
    for s in np.argsort(-sent_scores)[:2000]:
        d = ix.sent_doc[int(s)]
        if sent_scores[s] <= 0:
            break
        best_doc.setdefault(d, float(sent_scores[s]))
    for d in [d for d in best_doc if ix.docs[d].doc_id != exclude][:SENT_K]:
        picked.setdefault(d, "bm25-sentence")
    doc_scores = np.asarray(ix.by_document.get_scores(query))  # type: ignore[attr-defined]
    ranked = [int(d) for d in np.argsort(-doc_scores) if doc_scores[d] > 0]
    for d in [d for d in ranked if ix.docs[d].doc_id != exclude][:DOC_K]:
        picked.setdefault(d, "bm25-document")
    figures, names = figures_and_names(claim)
    if figures and names:
        grep = 0
        for d in ranked:
            toks = set(tokens(ix.docs[d].text))
            if ix.docs[d].doc_id != exclude and figures & toks and names & toks:
                if d not in picked:
                    picked[d] = "grep-figure+name"
                    grep += 1
                if grep >= GREP_K:
                    break
    return [(ix.docs[d].doc_id, why) for d, why in picked.items()]


def show(shared: Path, claim: str, doc_id: str) -> str:
    ix = index(shared)
    i = next(n for n, d in enumerate(ix.docs) if d.doc_id == doc_id)
    doc = ix.docs[i]
    sentence = " ".join(ix.best_sentence(i, tokens(claim)).split())[:260]
    where = f"{doc.outlet} {str(doc.published_at)[:10]}"
    return f"{doc_id} [{where}] T: {doc.title[:90]} | S: {sentence}"


def main() -> None:
    parser = argparse.ArgumentParser(description="Pools for judging the evidence set.")
    parser.add_argument("what", choices=("pool", "similar"))
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--claims", type=Path, default=ROOT / "tests/data/evidence/claims.jsonl")
    parser.add_argument("--doc", help="for `similar`: a document id")
    parser.add_argument("--out", type=Path, default=ROOT / ".run/eval/evidence-pool.txt")
    args = parser.parse_args()
    if args.what == "similar":
        doc = documents(args.shared)[args.doc]
        for doc_id, why in pool(args.shared, doc.title + " " + doc.text[:600], args.doc)[:12]:
            print(why, show(args.shared, doc.title, doc_id))
        return
    from evaluation.evidence import load_claims

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for claim in load_claims(args.shared, args.claims):
            fh.write(f"\n### {claim.claim_id}: {claim.text}\n")
            for doc_id, why in pool(args.shared, claim.text, claim.source_doc or ""):
                pooled = json.dumps({"claim": claim.claim_id, "doc": doc_id, "why": why})
                fh.write(f"{pooled}\n    {show(args.shared, claim.text, doc_id)}\n")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
