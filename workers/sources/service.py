"""Kafka adapter: articles.submitted → source lookup → results.sources."""

from functools import partial

from contracts.topics import RESULTS_SOURCES
from storage.engine import default_engine
from workers.runtime.article_worker import run_article_worker
from workers.sources.lookup import SourceRegistry, lookup_article


def main() -> None:
    registry = SourceRegistry.load(default_engine())
    run_article_worker("sources", RESULTS_SOURCES, partial(lookup_article, registry=registry))
