"""`verify check`: the three workers' logic and the merge, in-process (no Kafka, no Prefect)."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from contracts.events import ArticleSubmitted
from contracts.record import VerificationRecord
from flows.merge import ArticleMeta, Parts, merge
from workers.extraction.extractor import extract
from workers.sources.lookup import SourceRegistry, lookup_article
from workers.xref.archive import open_archive
from workers.xref.crossref import cross_reference
from workers.xref.stance import load_stance_model


def check_article(article: ArticleSubmitted, engine: Engine) -> VerificationRecord:
    extraction = extract(article)
    sources = lookup_article(article, SourceRegistry.load(engine))
    xref = cross_reference(article, extraction.claims, open_archive(engine), load_stance_model())
    meta = ArticleMeta.of(article)
    parts = Parts(article.article_id, article.revision, extraction, sources, xref, meta)
    return merge(parts)
