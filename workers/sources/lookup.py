"""The source-lookup worker's domain entry points (no Kafka here; service.py adapts them)."""

from __future__ import annotations

import logging

from contracts.events import ArticleSubmitted, SourceMention, SourcesResult
from contracts.record import SourceRef
from workers.nlp.arabic import is_arabic
from workers.sources.mentions import find_mentions
from workers.sources.registry import FUZZY_THRESHOLD, SourceRegistry, seed_registry, source_ref
from workers.sources.resolver import ResolverError, WikidataResolver

log = logging.getLogger(__name__)

__all__ = [
    "SourceRegistry",
    "find_mentions",
    "lookup_article",
    "resolve_name",
    "resolve_unknowns",
    "seed_registry",
]

WORKER_VERSION = "0.1.0"


def resolve_name(
    name: str, registry: SourceRegistry, threshold: float = FUZZY_THRESHOLD
) -> SourceRef | None:
    """One name -> the best registry entry: an exact alias (score 1.0), else the closest alias
    by edit similarity when it clears `threshold`, else None."""
    if not name.strip():
        return None
    entry = registry.exact(name)
    if entry is not None:
        return source_ref(entry, 1.0)
    fuzzy = registry.fuzzy(name, threshold)
    return source_ref(*fuzzy) if fuzzy else None


def resolve_unknowns(
    mentions: list[SourceMention], resolver: WikidataResolver, language: str | None
) -> list[SourceMention]:
    """Ask the external resolver about `unknown` mentions; a failing resolver changes nothing."""
    out: list[SourceMention] = []
    for mention in mentions:
        if mention.source is not None and mention.source.source_id == "unknown":
            lang = language or ("ar" if is_arabic(mention.mention) else "en")
            try:
                ref = resolver.resolve(mention.mention, lang)
            except ResolverError as exc:
                log.warning("external resolver unavailable: %s", exc)
                ref = None
            if ref is not None:
                mention = mention.model_copy(update={"source": ref})
        out.append(mention)
    return out


def lookup_article(
    article: ArticleSubmitted,
    registry: SourceRegistry,
    resolver: WikidataResolver | None = None,
) -> SourcesResult:
    mentions: list[SourceMention] = find_mentions(article.body, registry, article.language)
    if resolver is not None:
        mentions = resolve_unknowns(mentions, resolver, article.language)
    return SourcesResult(
        article_id=article.article_id,
        revision=article.revision,
        mentions=mentions,
        worker_version=WORKER_VERSION,
    )
