"""Kafka adapter: articles.submitted → cross-reference search → results.xref, and an
archive.added event when the article entered the archive (the re-check consumer reads it)."""

from kafka.consumer.fetcher import ConsumerRecord

from contracts.events import ArchiveAdded, ArticleSubmitted, XrefResult
from contracts.topics import ARCHIVE_ADDED, ARTICLES_SUBMITTED, RESULTS_XREF
from storage.engine import default_engine
from workers.extraction.extractor import extract
from workers.runtime.article_worker import article_handler
from workers.runtime.logs import setup_logging
from workers.runtime.messages import Outgoing, standard_headers
from workers.runtime.service import Service
from workers.xref.archive import open_archive
from workers.xref.crossref import cross_reference, load_models
from workers.xref.settings import XrefSettings


def main() -> None:
    setup_logging()
    archive = open_archive(default_engine())
    models = load_models()
    settings = XrefSettings()
    added: list[str] = []  # what the last computed article added to the archive

    def compute(article: ArticleSubmitted) -> XrefResult:
        # Claims come from the same deterministic extractor, so claim ids match the
        # extraction worker's without waiting for it.
        claims = extract(article).claims
        added.clear()
        result = cross_reference(article, claims, archive, models, settings, archive_article=False)
        if archive.add_article(article):  # searched first, archived after: never finds itself
            added.append(article.article_id)
        return result.model_copy(update={"archive_size": archive.count()})

    results = article_handler(RESULTS_XREF, compute)

    def handle(record: ConsumerRecord) -> list[Outgoing]:
        outputs = results(record)
        if added:
            event = ArchiveAdded(doc_ids=list(added), origin="article")
            hdrs = standard_headers(None, "ArchiveAdded")
            outputs.append(Outgoing(ARCHIVE_ADDED, added[0], event, hdrs))
        return outputs

    Service("xref", [ARTICLES_SUBMITTED], handle).run()
