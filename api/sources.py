"""HTTP API of the source registry: search, read, and (with an API key) add or edit sources."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, status
from pydantic import BaseModel
from sqlalchemy.engine import Engine

from api.deps import get_engine, require_api_key, require_read
from workers.sources.registry import SourceRegistry
from workers.sources.registry_file import SourceEntry
from workers.sources.store import SourceExists, create_source, get_source, update_source

router = APIRouter(prefix="/sources", tags=["sources"])
EngineDep = Annotated[Engine, Depends(get_engine)]


class SearchHit(SourceEntry):
    score: float


class SearchResult(BaseModel):
    query: str
    results: list[SearchHit]


@router.get("", response_model=SearchResult, dependencies=[Depends(require_read)])
def search_sources(
    engine: EngineDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="name or alias")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> SearchResult:
    """Registry entries whose names or aliases (Arabic or English) resemble `q`, best first."""
    registry = SourceRegistry.load(engine)
    hits = [
        SearchHit(**entry.model_dump(), score=round(score, 3))
        for entry, score in registry.search(q, limit)
    ]
    return SearchResult(query=q, results=hits)


@router.get("/{source_id}", response_model=SourceEntry, dependencies=[Depends(require_read)])
def read_source(source_id: str, engine: EngineDep) -> SourceEntry:
    SourceRegistry.load(engine)  # seeds an empty table on first use
    entry = get_source(engine, source_id)
    if entry is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no source with id {source_id!r}")
    return entry


@router.post(
    "",
    response_model=SourceEntry,
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(require_api_key)],
)
def add_source(entry: SourceEntry, engine: EngineDep) -> SourceEntry:
    SourceRegistry.load(engine)
    try:
        return create_source(engine, entry)
    except SourceExists:
        raise HTTPException(
            status.HTTP_409_CONFLICT, f"a source with id {entry.id!r} exists; use PUT to edit it"
        ) from None


@router.put("/{source_id}", response_model=SourceEntry, dependencies=[Depends(require_api_key)])
def edit_source(source_id: str, entry: SourceEntry, engine: EngineDep) -> SourceEntry:
    if entry.id != source_id:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"body id {entry.id!r} does not match the path id {source_id!r}",
        )
    SourceRegistry.load(engine)
    updated = update_source(engine, entry)
    if updated is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no source with id {source_id!r}")
    return updated
