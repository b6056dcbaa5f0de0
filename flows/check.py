"""`verify check`: the three workers' logic and the merge, in-process (no Kafka, no Prefect)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from contracts.events import ArticleSubmitted
from contracts.record import VerificationRecord
from flows.merge import ArticleMeta, Parts, merge
from workers.extraction.extractor import extract
from workers.sources.lookup import SourceRegistry, lookup_article
from workers.xref.archive import Archive, open_archive
from workers.xref.crossref import Models, cross_reference, load_models
from workers.xref.settings import XrefSettings


@dataclass(frozen=True)
class Checker:
    """What the three workers load once at start-up, for checking many articles in-process."""

    registry: SourceRegistry
    archive: Archive
    models: Models
    archive_checked: bool = True  # add each checked article to the archive, as the pipeline does
    settings: XrefSettings = field(default_factory=XrefSettings)

    @classmethod
    def for_engine(cls, engine: Engine, *, archive_checked: bool = True) -> Checker:
        return cls(
            SourceRegistry.load(engine), open_archive(engine), load_models(), archive_checked
        )

    def parts(self, article: ArticleSubmitted) -> Parts:
        """The three workers' results for `article`, as the collector would join them."""
        extraction = extract(article)
        sources = lookup_article(article, self.registry)
        xref = cross_reference(
            article,
            extraction.claims,
            self.archive,
            self.models,
            self.settings,
            archive_article=self.archive_checked,
        )
        meta = ArticleMeta.of(article)
        return Parts(article.article_id, article.revision, extraction, sources, xref, meta)

    def check(self, article: ArticleSubmitted) -> VerificationRecord:
        return merge(self.parts(article))


def check_article(article: ArticleSubmitted, engine: Engine) -> VerificationRecord:
    return Checker.for_engine(engine).check(article)
