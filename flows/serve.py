"""Operators' Prefect deployments, served by one long-running process (`make up` runs it
under supervisord as `operator`):

- `verify-article/operator`: re-run one article's merge from its stored parts;
- `recheck-claims/operator`: re-verify articles (`article_ids`) against the whole archive, or
  re-check stored claims against documents archived since a date (`since`, `since_hours`);
- `recheck-claims/daily`: the scheduled catch-all (VERIFY_OPERATOR_DAILY_CRON).

Each run started from the UI or the API runs in a subprocess of this one.
"""

from __future__ import annotations

import logging
from typing import Any

from prefect import serve

from flows.recheck_claims import recheck_claims
from flows.settings import OperatorSettings
from flows.verify_article import verify_article
from workers.runtime.logs import setup_logging


def deployments(settings: OperatorSettings) -> list[Any]:
    """RunnerDeployments (typed Any: Prefect's sync/async dual signature types as a union)."""
    name = settings.deployment
    out = [
        verify_article.to_deployment(name=name, tags=["operator"]),
        recheck_claims.to_deployment(name=name, tags=["operator"]),
    ]
    if settings.daily:
        out.append(
            recheck_claims.to_deployment(
                name=f"{name}-daily" if name != "operator" else "daily",
                cron=settings.daily_cron,
                parameters={"since_hours": settings.daily_hours},
                tags=["operator", "scheduled"],
            )
        )
    return out


def main() -> None:
    setup_logging()
    logging.getLogger("httpx").setLevel(logging.WARNING)  # a line per poll of the server
    serve(*deployments(OperatorSettings()), print_starting_message=False)


if __name__ == "__main__":
    main()
