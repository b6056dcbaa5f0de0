"""The HTTP API: wiring only; routes live in their own modules."""

from __future__ import annotations

from fastapi import FastAPI

from api import metrics, records, review, sources
from api.limits import BodySizeLimit
from contracts import PIPELINE_VERSION


def create_app() -> FastAPI:
    app = FastAPI(title="newsroom-verify", version=PIPELINE_VERSION)
    app.include_router(records.router)
    app.include_router(review.router)
    app.include_router(sources.router)
    app.include_router(metrics.router)
    app.add_middleware(BodySizeLimit)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app


app = create_app()
