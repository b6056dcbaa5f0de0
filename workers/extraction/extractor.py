"""Claim extraction for one article: segment, split clauses, attribute, score, extract facts.

Every offset is into `article.body`; claim ids are deterministic, so a redelivered article
yields the same claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from contracts.events import ArticleSubmitted, ExtractionResult
from contracts.ids import claim_id
from contracts.record import Attribution, ExtractedClaim, SplitRule
from contracts.segmentation import Segment, segment
from workers.extraction import checkworthiness
from workers.extraction.attribution import PRONOUNS_EN, Found, find_attribution, is_according
from workers.extraction.checkworthiness import Candidate
from workers.extraction.chrome import is_chrome
from workers.extraction.clauses import split_clauses
from workers.extraction.denials import find_denials
from workers.extraction.detector import RuleScorer, Score, load_detector
from workers.extraction.markup import markup_spans
from workers.extraction.mentions import antecedent
from workers.extraction.quantities import find_quantities
from workers.extraction.settings import settings
from workers.extraction.stance import Stance
from workers.extraction.times import find_times
from workers.extraction.tokens import Word, norm_set, variants, word_set, words, words_within
from workers.nlp.arabic import is_arabic, normalize
from workers.nlp.language import detect

# Sentence openings that continue the previous sentence's reported content ("وتم ذلك عبر").
_CONTINUATION_VERBS_AR = norm_set("تم جرى حدث جاء")
_DEMONSTRATIVES_AR = norm_set("ذلك هذا هذه تلك")
_CONTINUATION_EN = word_set("this that these")
_CONTINUATION_VERBS_EN = word_set("was is were are came happened took")
MIN_WORDS_FOR_DETECTION = 3
# The article's language is read from its first characters: lingua's time grows with the
# text, and 600 characters give the same answer as the whole text on all 2,123 texts over 600
# characters that evaluation.extraction_snapshot reads (../shared corpora and dev sets).
ARTICLE_LANGUAGE_SAMPLE = 600
# A paragraph this short reads as one utterance (a social post, a caption): its stance cues
# colour every clause in it. Longer paragraphs of prose leave each sentence to its own cues.
MAX_POST_CHARS = 400


def is_post(article: ArticleSubmitted) -> bool:
    """A social post: an untitled article whose whole body is one short text (a tweet, a
    caption, a `verify extract --jsonl` line). News articles, headline-only ones included,
    carry a title."""
    return article.title is None and len(article.body) <= MAX_POST_CHARS


@dataclass
class _Context:
    """What earlier clauses of the article tell the next one."""

    previous: Attribution | None = None  # the previous clause's attribution, if any
    last_named: Attribution | None = None  # the latest identifiable mention
    speakers: list[Attribution] = field(default_factory=list)  # mentions, vague ones too
    # the source of a quotation still open at the end of the previous clause
    open_quote: Attribution | None = None
    quote_end: int = 0
    mentions: list[Attribution] = field(default_factory=list)
    paragraphs: dict[tuple[int, str], Stance] = field(default_factory=dict)


def sentence_language(text: str, article_language: str) -> str:
    """Language of one sentence (lingua), falling back to the article's for short ones.
    An Arabic-script sentence of an Arabic article is Arabic without asking lingua: that
    look-up was a third of extraction's time on news."""
    if len(text.split()) < MIN_WORDS_FOR_DETECTION:
        return article_language
    if article_language == "ar" and is_arabic(text):
        return "ar"
    return detect(text, default=article_language)


def _rules_language(language: str, text: str) -> str:
    """The lexicons we have: Arabic for Arabic script, English rules otherwise."""
    if language in ("ar", "en"):
        return language
    return "ar" if is_arabic(text) else "en"


def paragraph_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) holding text[start:end]."""
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    return p_start, len(text) if p_end < 0 else p_end


def _is_continuation(ws: list[Word], language: str) -> bool:
    if len(ws) < 2:
        return False
    first, second = ws[0], ws[1]
    if language == "ar":
        if any(form in _DEMONSTRATIVES_AR for form in variants(first.norm)) and first.norm != (
            "ذلك"
        ):
            return first.norm in ("وذلك", "فذلك")
        return any(form in _CONTINUATION_VERBS_AR for form in variants(first.norm)) and any(
            form in _DEMONSTRATIVES_AR for form in variants(second.norm)
        )
    return first.norm in _CONTINUATION_EN and second.norm in _CONTINUATION_VERBS_EN


def _carried(source: Attribution, verb: str | None = None) -> Attribution:
    kind = "direct" if source.type == "quote" else source.type
    return source.model_copy(update={"type": kind, "verb": verb or source.verb})


def _resolve(found: Found | None, ws: list[Word], language: str, ctx: _Context) -> Attribution:
    if found is not None and found.subject_dropped:
        # "وقال مصدر … وأضاف أن": the dropped subject is the last speaker, named or not
        earlier = _last_speaker(ctx, found.attribution.verb) if language == "ar" else (
            ctx.last_named
        )
        mention = found.attribution.mention
        if earlier is not None and (mention is None or mention.lower() in PRONOUNS_EN):
            kind = "quote" if found.attribution.type == "quote" else "direct"
            if earlier.type == "vague":
                kind = "vague"
            return earlier.model_copy(update={"type": kind, "verb": found.attribution.verb})
        if mention is not None:
            return found.attribution
        return Attribution()
    if found is not None:
        return found.attribution
    if ctx.open_quote is not None:
        # a sentence inside a quotation opened earlier: the quoted source's words
        kind = "vague" if ctx.open_quote.type == "vague" else "quote"
        return ctx.open_quote.model_copy(update={"type": kind})
    if ctx.previous is not None and _is_continuation(ws, language):
        return _carried(ctx.previous)
    return Attribution()


def _masculine_singular(verb: str) -> bool:
    """"أضاف", "يضيف", "مضيفا": a verb form a feminine or non-human plural subject does not
    take ("وتشير المعلومات" is not who "ويضيف" refers to)."""
    bare = normalize(verb)
    if bare[:1] in ("و", "ف") and len(bare) > 3:
        bare = bare[1:]
    return not (bare.startswith("ت") or bare.endswith(("ت", "ة", "وا", "ين", "ون")))


def _feminine_head(mention: str) -> bool:
    head = normalize(mention).split()[0] if mention.strip() else ""
    return head.endswith("ات") or (head.startswith("ال") and head.endswith("ة"))


def _last_speaker(ctx: _Context, verb: str | None) -> Attribution | None:
    """The latest speaker a dropped subject can refer to (agreement read from the verb)."""
    for speaker in reversed(ctx.speakers):
        if verb and _masculine_singular(verb) and _feminine_head(speaker.mention or ""):
            continue
        return speaker
    return None


def _remember(ctx: _Context, attribution: Attribution) -> None:
    if attribution.type == "none":
        ctx.previous = None
        return
    ctx.previous = attribution
    if attribution.mention:
        ctx.speakers.append(attribution)
    if attribution.type in ("direct", "quote") and attribution.mention:
        ctx.last_named = attribution
        ctx.mentions.append(attribution)


def _quote_balance(text: str) -> int:
    """Typographic quotation marks opened minus closed ("«…»", "“…”")."""
    return sum(text.count(q) for q in "«“") - sum(text.count(q) for q in "»”")


def _track_quote(ctx: _Context, body: str, start: int, end: int, attribution: Attribution) -> None:
    """Remember the source of a quotation left open at the end of body[start:end], when the
    paragraph closes it later (an unclosed mark would swallow the rest of the article)."""
    clause = body[start:end]
    balance = _quote_balance(clause)
    if balance > 0 and attribution.type != "none":
        p_end = body.find("\n", end)
        rest = body[end : len(body) if p_end < 0 else p_end]
        mark = next((ch for ch in rest if ch in "«“»”"), "")
        ctx.open_quote = attribution if mark in ("»", "”") else None
    elif balance < 0 or "\n" in clause:
        ctx.open_quote = None


@dataclass(frozen=True)
class _Pending:
    """A clause waiting for its check-worthiness score."""

    start: int
    end: int
    language: str
    candidate: Candidate
    words: list[Word]
    split_rule: SplitRule | None = None


class Scorer(Protocol):
    def scores(self, candidates: Sequence[Candidate]) -> list[Score]: ...


def default_scorer() -> Scorer:
    """The trained detector, or the rule score when the settings turn the model off."""
    config = settings()
    if not config.use_model:
        return RuleScorer()
    return load_detector(config.model_path, config.model_weight_ar, config.model_weight_en)


def _clauses_of_sentence(
    article: ArticleSubmitted,
    start: int,
    end: int,
    language: str,
    published: date | None,
    ctx: _Context,
    body_words: list[Word],
) -> list[_Pending]:
    """The clauses of the sentence body[start:end]; `body_words`: the words of the body."""
    body = article.body
    rules = _rules_language(language, body[start:end])
    pending: list[_Pending] = []
    sentence_attribution: Attribution | None = None
    p_start, p_end = paragraph_span(body, start, end)
    paragraph: Stance | None = None
    if p_end - p_start <= MAX_POST_CHARS:
        paragraph = ctx.paragraphs.get((p_start, rules))
        if paragraph is None:
            paragraph = checkworthiness.text_stance(
                body, p_start, p_end, rules, words_within(body, body_words, p_start, p_end)
            )
            ctx.paragraphs[(p_start, rules)] = paragraph
    sentence_words = words_within(body, body_words, start, end)
    for c_start, c_end, split_rule in split_clauses(body, start, end, rules, sentence_words):
        ws = words_within(body, sentence_words, c_start, c_end)
        found = find_attribution(body, c_start, c_end, rules, ws)
        if ctx.open_quote is not None and "\n" in body[ctx.quote_end : c_start]:
            ctx.open_quote = None  # a quotation does not run on into a new paragraph
        attribution = _resolve(found, ws, rules, ctx)
        if attribution.type == "none" and sentence_attribution is not None:
            attribution = _carried(sentence_attribution)  # "... ؛ B": still the same source
        _remember(ctx, attribution)
        _track_quote(ctx, body, c_start, c_end, attribution)
        ctx.quote_end = c_end
        if attribution.type != "none":
            sentence_attribution = attribution
        times = find_times(body, ws, published, rules)
        in_time = [(t.start or 0, t.end or 0) for t in times]
        quantities = [
            q for q in find_quantities(body, ws, rules)
            if not any(s <= q.start < e for s, e in in_time)
        ]
        candidate = Candidate(
            body[c_start:c_end], ws, rules, attribution, quantities, times,
            markup_spans(body, c_start, c_end), paragraph,
        )
        pending.append(_Pending(c_start, c_end, language, candidate, ws, split_rule))
    return _attribution_at_the_end(pending)


def _attribution_at_the_end(pending: list[_Pending]) -> list[_Pending]:
    """"A، وB، بحسب المرصد[، وقال …]": a source named after clauses ("بحسب", "حسبما أفادت",
    "according to") stands behind the unattributed clauses before it."""
    out = list(pending)
    for k in range(1, len(out)):
        source = out[k].candidate.attribution
        if source.type == "none" or not is_according(source.verb):
            continue
        j = k - 1
        while j >= 0 and out[j].candidate.attribution.type == "none":
            p = out[j]
            out[j] = replace(p, candidate=replace(p.candidate, attribution=_carried(source)))
            j -= 1
    return out


def _re_mentions(pending: Sequence[_Pending]) -> dict[int, int]:
    """Clause index -> the earlier clause whose source mention it repeats: the same span
    (a carried source, a dropped subject) or a re-mention of it (`mentions.antecedent`)."""
    first: dict[tuple[int, int], int] = {}
    named: list[tuple[str, tuple[int, int]]] = []
    links: dict[int, int] = {}
    for i, p in enumerate(pending):
        a = p.candidate.attribution
        if a.type == "none" or a.start is None or a.end is None or not a.mention:
            continue
        span = (a.start, a.end)
        if span in first:
            links[i] = first[span]
            continue
        earlier = antecedent(a.mention, [m for m, _ in named])
        if earlier is not None:
            links[i] = first[next(s for m, s in named if m == earlier)]
        first[span] = i
        named.append((a.mention, span))
    return links


def _pending(article: ArticleSubmitted) -> tuple[str, list[Segment], list[_Pending]]:
    """The article's language, sentences, and every clause that may be a claim."""
    body = article.body
    # the script decides only when lingua cannot (is_arabic over a whole body is not free)
    article_language = (
        article.language
        or detect(body[:ARTICLE_LANGUAGE_SAMPLE], default="")
        or ("ar" if is_arabic(body) else "en")
    )
    published = article.published_at.date() if article.published_at else None
    segments = segment(body)
    ctx = _Context()
    pending: list[_Pending] = []
    body_words = words(body)  # read once; sentences, paragraphs and clauses take slices
    for seg in segments:
        if is_chrome(body, seg.start, seg.end, words_within(body, body_words, seg.start, seg.end)):
            continue
        language = article.language or sentence_language(seg.text, article_language)
        pending.extend(
            _clauses_of_sentence(article, seg.start, seg.end, language, published, ctx, body_words)
        )
    return article_language, segments, pending


def candidates(article: ArticleSubmitted) -> list[Candidate]:
    """Every clause of the article as the detector sees it, before any cut-off."""
    return [p.candidate for p in _pending(article)[2]]


def extract(
    article: ArticleSubmitted,
    *,
    threshold: float | None = None,
    scorer: Scorer | None = None,
) -> ExtractionResult:
    """Claims of one article, with attribution, quantities, times and denials.

    `threshold` overrides the configured check-worthiness cut-off (0 keeps every candidate);
    `scorer` the configured detector (evaluation scores with models of its own folds).
    """
    body = article.body
    article_language, segments, pending = _pending(article)
    worth = (scorer or default_scorer()).scores([p.candidate for p in pending])
    config = settings()
    ids = [claim_id(article.article_id, article.revision, p.start, p.end) for p in pending]
    post = is_post(article)
    kept = [
        score.claim
        >= (config.threshold(p.candidate.language, post) if threshold is None else threshold)
        for p, score in zip(pending, worth, strict=True)
    ]
    links = _re_mentions(pending)
    claims: list[ExtractedClaim] = []
    for i, (p, score) in enumerate(zip(pending, worth, strict=True)):
        c = p.candidate
        if not kept[i]:
            continue
        attribution = c.attribution
        target = links.get(i)
        if target is not None and kept[target]:
            attribution = attribution.model_copy(update={"refers_to": ids[target]})
        claims.append(
            ExtractedClaim(
                claim_id=ids[i],
                text=c.text,
                start=p.start,
                end=p.end,
                kind=checkworthiness.kind(c),
                checkworthiness=score.worthy,
                attribution=attribution,
                quantities=c.quantities,
                times=c.times,
                denials=find_denials(body, p.words, c.language),
                language=p.language,
                split_rule=p.split_rule,
            )
        )
    return ExtractionResult(
        article_id=article.article_id,
        revision=article.revision,
        language=article_language,
        sentences=len(segments),
        claims=claims,
    )


def extract_text(
    doc_id: str,
    text: str,
    language: str | None = None,
    *,
    threshold: float | None = None,
    scorer: Scorer | None = None,
) -> list[ExtractedClaim]:
    """Claims of a loose text (batch use): article id `doc_id`, revision 1."""
    if language not in (None, "ar", "en"):
        raise ValueError(f"unsupported language {language!r} (expected 'ar', 'en' or none)")
    article = ArticleSubmitted.model_validate(
        {"article_id": doc_id, "body": text, "language": language}
    )
    return extract(article, threshold=threshold, scorer=scorer).claims


def text_candidate(text: str, language: str) -> Candidate:
    """The whole of a short text (a post, a debate sentence) as one candidate: what the
    detector is trained on."""
    rules = _rules_language(language, text)
    ws = words(text)
    attribution = _resolve(find_attribution(text, 0, len(text), rules, ws), ws, rules, _Context())
    times = find_times(text, ws, None, rules)
    in_time = [(t.start or 0, t.end or 0) for t in times]
    quantities = [
        q for q in find_quantities(text, ws, rules) if not any(s <= q.start < e for s, e in in_time)
    ]
    paragraph = (
        checkworthiness.text_stance(text, 0, len(text), rules)
        if len(text) <= MAX_POST_CHARS
        else None
    )
    return Candidate(
        text, ws, rules, attribution, quantities, times, markup_spans(text), paragraph
    )
