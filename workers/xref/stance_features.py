"""Features of a (claim, evidence) pair for the trained stance model.

Contradicting headlines usually share most words and differ in one swapped word
(ارتفاع ↔ انخفاض, "rise" ↔ "fall") or an added negation, so the features describe the
*relation* between the two texts rather than each text alone:
- shared and differing character n-grams (TF-IDF of each side, element-wise product and
  absolute difference), robust to Arabic morphology without a stemmer;
- the words only one side has, and every (claim-only, evidence-only) word pair, hashed, so
  the model learns antonym swaps from data;
- dense cues: similarity, negation and denial counts and their asymmetry, differing figures;
- the edit between the two term sequences: a headline that keeps its words in order and
  swaps one for an unrelated word (تنفي → تؤكد, أردوغان → بوتين, 29 → 53) says something
  else, while a paraphrase rewrites more and swaps words for similar ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

import numpy as np
import scipy.sparse as sp
from rapidfuzz import fuzz
from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer

from workers.nlp.char_ngrams import NgramCounts
from workers.xref.cues import text_cues
from workers.xref.terms import index_terms

N_DENSE = 15
SIMILAR_WORD = 60  # rapidfuzz ratio above which a swapped word is a variant, not another word


def pair_tokens(claim: str, evidence: str) -> list[str]:
    """Tokens describing how two texts differ in words."""
    c, e = text_cues(claim).terms, text_cues(evidence).terms
    only_c, only_e = sorted(c - e), sorted(e - c)
    out = [f"c:{w}" for w in only_c] + [f"e:{w}" for w in only_e]
    out += [f"p:{a}|{b}" for a in only_c[:12] for b in only_e[:12]]
    if not only_c and not only_e:
        out.append("same-words")
    return out


def given_tokens(tokens: list[str]) -> list[str]:
    """Analyzer for pre-tokenised input (module level, so the model pickles)."""
    return tokens


def dense_features(claim: str, evidence: str) -> list[float]:
    cc, ce = text_cues(claim), text_cues(evidence)
    c, e = cc.terms, ce.terms
    jaccard = len(c & e) / len(c | e) if c | e else 0.0
    neg_c, neg_e = cc.negations, ce.negations
    den_c, den_e = cc.denials, ce.denials
    fig_c = {(round(f.value, 6), f.unit) for f in cc.figures}
    fig_e = {(round(f.value, 6), f.unit) for f in ce.figures}
    figure_clash = float(bool(fig_c) and bool(fig_e) and not fig_c & fig_e)
    return [
        jaccard,
        len(c - e) / (len(c) or 1),
        len(e - c) / (len(e) or 1),
        float(min(neg_c, 3)),
        float(min(neg_e, 3)),
        float((neg_c > 0) != (neg_e > 0)),
        float(min(den_c, 3)),
        float(min(den_e, 3)),
        float((den_c > 0) != (den_e > 0)),
        figure_clash,
        *edit_features(claim, evidence),
    ]


def edit_features(claim: str, evidence: str) -> list[float]:
    """How the evidence's term sequence differs from the claim's, aligned by difflib."""
    a, b = index_terms(claim), index_terms(evidence)
    if not a or not b:
        return [0.0] * 5
    kept = swaps = unlike = 0
    other_edits = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            kept += i2 - i1
        elif op == "replace" and i2 - i1 <= 3 and j2 - j1 <= 3:
            swaps += 1
            unlike += sum(
                1 for x in a[i1:i2] if max(fuzz.ratio(x, y) for y in b[j1:j2]) < SIMILAR_WORD
            )
        else:
            other_edits += max(i2 - i1, j2 - j1)
    kept_share = kept / len(a)
    return [
        kept_share,
        float(min(swaps, 3)),
        float(min(unlike, 3)),
        other_edits / len(a),
        float(kept_share >= 0.6 and swaps == 1 and unlike >= 1 and other_edits <= 1),
    ]


class PairFeaturizer:
    """Fitted on training pairs; turns pairs into one sparse row each."""

    def __init__(self) -> None:
        self.chars = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=60000
        )
        self.words = HashingVectorizer(
            analyzer=given_tokens, n_features=2**18, alternate_sign=False, norm="l2"
        )

    def fit(self, claims: Sequence[str], evidence: Sequence[str]) -> PairFeaturizer:
        self.chars.fit(list(claims) + list(evidence))
        return self

    def transform(self, claims: Sequence[str], evidence: Sequence[str]) -> sp.csr_matrix:
        xc = self._chars(claims)
        xe = self._chars(evidence)
        pairs = [pair_tokens(c, e) for c, e in zip(claims, evidence, strict=True)]
        cosine = np.asarray(xc.multiply(xe).sum(axis=1)).reshape(-1, 1)
        dense = np.array(
            [dense_features(c, e) for c, e in zip(claims, evidence, strict=True)], dtype=float
        ).reshape(-1, N_DENSE)
        return sp.hstack(
            [
                xc.multiply(xe),
                abs(xc - xe),
                self.words.transform(pairs),
                sp.csr_matrix(np.hstack([cosine, dense])),
            ],
            format="csr",
        )

    def _chars(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Char n-gram rows of `texts`, each distinct text analysed once (a claim comes with
        every passage it is compared with, and analysis is most of this model's cost)."""
        counts = self.__dict__.get("_counts")
        if counts is None:  # built on first use: models pickled before it existed load too
            counts = self.__dict__["_counts"] = NgramCounts(self.chars)
        distinct = list(dict.fromkeys(texts))
        if len(distinct) == len(texts):
            return counts.transform(texts)
        row = {text: i for i, text in enumerate(distinct)}
        return counts.transform(distinct)[[row[t] for t in texts]]

    def __getstate__(self) -> dict[str, Any]:
        # the per-word cache is runtime state, not part of the model file
        return {k: v for k, v in self.__dict__.items() if k != "_counts"}
