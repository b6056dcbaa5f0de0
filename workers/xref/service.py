"""Kafka adapter: articles.submitted → cross-reference search → results.xref."""

from contracts.events import ArticleSubmitted, XrefResult
from contracts.topics import RESULTS_XREF
from storage.engine import default_engine
from workers.extraction.extractor import extract
from workers.runtime.article_worker import run_article_worker
from workers.xref.archive import open_archive
from workers.xref.crossref import cross_reference, load_models
from workers.xref.settings import XrefSettings


def main() -> None:
    archive = open_archive(default_engine())
    models = load_models()
    settings = XrefSettings()

    def compute(article: ArticleSubmitted) -> XrefResult:
        # Claims come from the same deterministic extractor, so claim ids match the
        # extraction worker's without waiting for it.
        claims = extract(article).claims
        return cross_reference(article, claims, archive, models, settings)

    run_article_worker("xref", RESULTS_XREF, compute)
