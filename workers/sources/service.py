"""Kafka adapter: articles.submitted → source lookup → results.sources."""

from functools import partial

from contracts.topics import RESULTS_SOURCES
from storage.engine import default_engine
from workers.runtime.article_worker import run_article_worker
from workers.sources.lookup import SourceRegistry, lookup_article
from workers.sources.resolver import WikidataResolver


def main() -> None:
    engine = default_engine()
    registry = SourceRegistry.load(engine)
    resolver = WikidataResolver.from_settings(engine)  # None unless VERIFY_RESOLVER_* enables it
    compute = partial(lookup_article, registry=registry, resolver=resolver)
    run_article_worker("sources", RESULTS_SOURCES, compute)
