"""Index terms: the same normalisation and stemming at index time and at query time.

Arabic: normalise spelling (workers.nlp.arabic), drop the article and attached
conjunctions/prepositions, then the Snowball Arabic stemmer. Latin script: Snowball English.
Numbers keep their digits (Arabic-Indic folded to ASCII, thousands separators dropped) so a
figure matches across languages.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import snowballstemmer

from workers.nlp.arabic import normalize, strip_clitics
from workers.xref.transliterate import key, latin_name_keys

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
# Marks inside a word that the word pattern would split on (normalize() drops them too).
_DIACRITIC = re.compile(r"[\u064b-\u0652\u0640]")

# Function words that only add noise to a ranked OR query (normalised spelling).
STOPWORDS_AR = frozenset(
    [
        "في",
        "من",
        "علي",
        "الي",
        "عن",
        "مع",
        "ان",
        "او",
        "ام",
        "ثم",
        "لا",
        "لم",
        "لن",
        "ما",
        "ماذا",
        "هل",
        "قد",
        "كان",
        "كانت",
        "يكون",
        "تكون",
        "هو",
        "هي",
        "هم",
        "هن",
        "انا",
        "نحن",
        "انت",
        "انتم",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "هؤلاء",
        "الذي",
        "التي",
        "الذين",
        "اللذين",
        "اللتين",
        "كل",
        "بعض",
        "غير",
        "بين",
        "حتي",
        "اذا",
        "اذ",
        "حيث",
        "عند",
        "عندما",
        "منذ",
        "خلال",
        "بعد",
        "قبل",
        "امام",
        "فوق",
        "تحت",
        "لدي",
        "لدى",
        "لكن",
        "بل",
        "ايضا",
        "كما",
        "وقد",
        "فقد",
        "وهو",
        "وهي",
        "وان",
        "وكان",
        "وفي",
        "ومن",
        "والتي",
        "والذي",
        "الا",
        "اما",
        "اي",
        "ايه",
        "ذات",
        "ذو",
        "له",
        "لها",
        "لهم",
        "به",
        "بها",
        "فيه",
        "فيها",
        "منه",
        "منها",
        "عليه",
        "عليها",
        "اليه",
        "اليها",
        "ضمن",
        "نحو",
        "مثل",
        "اكثر",
        "اقل",
        "جدا",
        "وكانت",
        "يوم",
        "اليوم",
        "امس",
        "قال",
        "قالت",
        "وقال",
        "وقالت",
        "اشار",
        "اضاف",
        "واضاف",
        "واشار",
        "حسب",
        "وفق",
        "ولا",
        "ولم",
        "فيما",
        "بينما",
        "الان",
        "لقد",
        "وذلك",
        "وهذا",
        "وهذه",
    ]
)
STOPWORDS_EN = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "we",
        "our",
        "you",
        "your",
        "i",
        "not",
        "no",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "than",
        "then",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "some",
        "such",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "also",
        "said",
        "says",
        "say",
        "more",
        "most",
        "other",
        "out",
        "up",
        "down",
        "so",
        "very",
        "just",
        "only",
        "own",
        "same",
    ]
)


@cache
def _stemmer(name: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Stem one *normalised* token (Arabic or Latin script); numbers pass through."""
    if token[0].isdigit():
        # "100,000" -> "100000", "3.5" -> "3d5": one alphanumeric token in every index
        return token.replace(",", "").replace(".", "d")
    if _ARABIC_LETTER.match(token):
        bare = strip_clitics(token)
        stemmed = _stemmer("arabic").stemWord(bare)
        return stemmed if len(stemmed) >= 2 else bare
    return _stemmer("english").stemWord(token)


def raw_tokens(text: str) -> list[str]:
    """Normalised surface tokens (no stemming), in order."""
    return _WORD.findall(normalize(text))


_DROPPED = ""  # memo value of a token that is not a term (stop word, single letter)
_term_memo: dict[str, str] = {}
_MEMO_LIMIT = 500_000


def _term(token: str) -> str:
    """The index term of one surface token, '' when it is dropped."""
    norm = normalize(token)
    if norm in STOPWORDS_AR or norm in STOPWORDS_EN or (len(norm) < 2 and not norm.isdigit()):
        return _DROPPED
    return stem(norm)


def index_terms(text: str, *, drop_stopwords: bool = True) -> list[str]:
    """Stemmed terms of `text` in order, the unit the index holds."""
    if not drop_stopwords:
        return [stem(tok) for tok in raw_tokens(text) if len(tok) >= 2 or tok.isdigit()]
    # Tokenising the raw text and normalising per distinct token gives the same terms as
    # normalising first: the folds never join or split a word (diacritics aside, below).
    if _DIACRITIC.search(text):
        text = _DIACRITIC.sub("", text)
    tokens = _WORD.findall(text)
    # Memoised per surface token, looked up without a Python call per token: news
    # vocabulary repeats, and this runs on every archived sentence.
    known = _term_memo.get
    terms = [known(tok) for tok in tokens]
    if None in terms:
        if len(_term_memo) >= _MEMO_LIMIT:
            _term_memo.clear()
        for i, term in enumerate(terms):
            if term is None:
                terms[i] = _term_memo[tokens[i]] = _term(tokens[i])
    return [t for t in terms if t]


def passage_terms(text: str) -> list[str]:
    """What the index holds for a passage: its terms, then the transliteration keys of the
    Latin-script names in it (workers.xref.transliterate), so Arabic queries reach them."""
    return index_terms(text) + latin_name_keys(text, STOPWORDS_EN)


def arabic_name_keys(text: str) -> dict[str, str]:
    """Query side: the stemmed term of each Arabic word mapped to its transliteration key."""
    out: dict[str, str] = {}
    for tok in raw_tokens(text):
        if tok in STOPWORDS_AR or not _ARABIC_LETTER.match(tok):
            continue
        k = key(tok)
        if k is not None:
            out.setdefault(stem(tok), k)
    return out


def query_terms(text: str, limit: int = 32) -> list[str]:
    """Distinct stemmed query terms, in first-seen order, safe for FTS5 and tsquery."""
    seen: dict[str, None] = {}
    for term in index_terms(text):
        if term.isalnum() and term not in seen:
            seen[term] = None
        if len(seen) >= limit:
            break
    return list(seen)
