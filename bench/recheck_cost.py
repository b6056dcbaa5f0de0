"""Cost of a re-check per 1,000 stored claims, against checking one article in the same run.

Records of real articles (SaudiNewsNet) are stored until they hold about `claims` claims;
then a fact-check and one new article enter the archive and `recheck_now` looks for the
stored claims they bear on. Baseline: `verify check` of one article (the per-article work
the pipeline does anyway), timed in the same process.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from cli.archive import import_file
from contracts.events import ArticleSubmitted
from flows.check import Checker
from flows.publish import store_version
from flows.recheck import Recheck
from flows.recheck_claims import recheck_now
from storage.engine import make_engine
from storage.migrate import upgrade
from workers.xref.crossref import load_models
from workers.xref.importer import article_from

FACTCHECK = Path(__file__).resolve().parents[1] / "tests/data/living/treasury-claimreview.json"


def bench(corpus: Path, seed: str, claims: int = 1000) -> dict[str, Any]:
    engine = make_engine(f"sqlite:///{tempfile.mkdtemp()}/recheck.db")
    upgrade(engine)
    checker = Checker.for_engine(engine, archive_checked=False)
    stored = records = 0
    check_s: list[float] = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            article = article_from(json.loads(line))
            t0 = time.perf_counter()
            record = checker.check(article)
            check_s.append(time.perf_counter() - t0)
            store_version(engine, record)
            stored += len(record.claims)
            records += 1
            if stored >= claims:
                break
    added: list[str] = []
    import_file(FACTCHECK, checker.archive, show_progress=False, added_ids=added)  # type: ignore[arg-type]
    new = ArticleSubmitted(article_id="bench-new", body=seed, language="ar")
    checker.archive.add_article(new)
    added.append(new.article_id)
    recheck = Recheck(checker.archive, load_models())
    t0 = time.perf_counter()
    outcome = recheck_now(doc_ids=added, engine=engine, checker=recheck)
    recheck_s = time.perf_counter() - t0
    per_article = sorted(check_s)[len(check_s) // 2]
    per_1000 = recheck_s * 1000 / stored
    return {
        "stored_records": records,
        "stored_claims": stored,
        "new_documents": len(added),
        "candidate_claims": outcome.claims_checked,
        "new_versions": len(outcome.versions),
        "recheck_s": round(recheck_s, 2),
        "recheck_s_per_1000_claims": round(per_1000, 2),
        "check_one_article_s": round(per_article, 3),
        "per_1000_claims_in_articles_checked": round(per_1000 / per_article, 1),
    }
