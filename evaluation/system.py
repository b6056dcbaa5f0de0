"""The system under test, as the issue-8 evaluations and the archive-scale bench see it.

This is the ONLY module of `evaluation.status_e2e`, `evaluation.evidence` and
`bench.archive_scale` that touches the project's internals, so those harnesses cannot be
tuned to an implementation: when the archive or the checker changes, only this file is
adapted. Everything else talks to `System`:

    system = open_system(Path(".run/eval/x"))      # fresh SQLite file + data dir in there
    system.import_file(path)                        # JSONL articles or ClaimReview JSON
    system.import_articles([{"id", "text", "title", "outlet", "url", "published_at", ...}])
    record = system.check({"id": ..., "text": ...}) # archive=False: not archived afterwards
    system.search("text", k=10)                     # [(doc_id, score), ...]
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy.engine import Engine

from contracts.events import ArticleSubmitted
from contracts.record import VerificationRecord
from workers.xref.archive import IndexedArchive

DB_FILE = "verify.db"
DATA_DIR = "data"


class _NotArchiving:
    """The archive, except that checked articles are not added to it (checks stay
    independent). Everything else is delegated, so new archive methods pass through."""

    def __init__(self, archive: IndexedArchive) -> None:
        self._archive = archive

    def add_article(self, article: ArticleSubmitted) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._archive, name)


@dataclass
class System:
    """One isolated instance: its own database and data dir, loaded models kept across calls."""

    workdir: Path
    data_dir: Path
    database_url: str
    engine: Engine
    archive: IndexedArchive
    _checkers: dict[bool, Any] = field(default_factory=dict, repr=False)

    def import_file(self, path: Path) -> dict[str, int]:
        """Add a JSONL article file or a ClaimReview JSON file; counts added/present/bad."""
        from cli.archive import import_file

        return import_file(path, self.archive, show_progress=False)

    def import_articles(self, articles: Iterable[Mapping[str, Any]]) -> dict[str, int]:
        """Add articles given as dicts (id, text, title, outlet, url, published_at, language)."""
        from workers.xref.importer import article_from

        added, present = self.archive.add_many(article_from(dict(obj)) for obj in articles)
        return {"added": added, "present": present}

    def check(self, article: Mapping[str, Any], archive: bool = False) -> VerificationRecord:
        """The in-process verification of one article (the three workers + merge).

        archive=False leaves the archive as it was, so one check never feeds the next."""
        from workers.xref.importer import article_from

        return self._checker(archive).check(article_from(dict(article)))

    def search(self, text: str, k: int = 10) -> list[tuple[str, float]]:
        return [(p.doc_id, p.score) for p in self.archive.search(text, limit=k)]

    def count(self) -> int:
        return self.archive.count()

    def baseline_parts(self, article: Mapping[str, Any]) -> int:
        """Extraction and source lookup alone (no cross-reference): the speed baseline.
        Returns the number of claims, so the work cannot be optimised away."""
        from workers.extraction.extractor import extract
        from workers.sources.lookup import lookup_article
        from workers.xref.importer import article_from

        item = article_from(dict(article))
        checker = self._checker(False)
        claims = extract(item).claims
        lookup_article(item, checker.registry)
        return len(claims)

    def _checker(self, archive: bool) -> Any:
        if archive not in self._checkers:
            from flows.check import Checker
            from workers.sources.lookup import SourceRegistry
            from workers.xref.stance import load_stance_model

            shared = next(iter(self._checkers.values()), None)
            registry = shared.registry if shared else SourceRegistry.load(self.engine)
            stance = shared.stance if shared else load_stance_model()
            target = self.archive if archive else cast(IndexedArchive, _NotArchiving(self.archive))
            self._checkers[archive] = Checker(registry, target, stance)
        return self._checkers[archive]


def open_system(workdir: Path, database_url: str | None = None) -> System:
    """A fresh system in `workdir`: its SQLite file (unless a URL is given) and data dir are
    removed and recreated, migrations applied. Nothing global is changed (no environment
    variables), so tests can open several systems in one process: code that needs the pair
    (VERIFY_DATABASE_URL / VERIFY_DATA_DIR) is handed `database_url` and `data_dir`."""
    from storage.engine import make_engine
    from storage.migrate import upgrade
    from workers.xref.archive import open_archive

    workdir = workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    data_dir = workdir / DATA_DIR
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir()
    if database_url is None:
        for suffix in ("", "-wal", "-shm"):
            (workdir / (DB_FILE + suffix)).unlink(missing_ok=True)
        database_url = f"sqlite:///{workdir / DB_FILE}"
    engine = make_engine(database_url)
    upgrade(engine)
    return System(workdir, data_dir, database_url, engine, open_archive(engine, data_dir))
