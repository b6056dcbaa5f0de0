"""Seeding the registry table from the data file, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.tables.sources import SourceRegistryMeta, SourceRow
from workers.sources import registry as registry_module
from workers.sources.registry import SourceRegistry, seed_registry
from workers.sources.registry_file import REGISTRY_FILE, read_registry_file
from workers.sources.store import get_source, update_source


def test_data_file_meets_the_issue() -> None:
    doc = read_registry_file()
    assert len(doc.sources) >= 200
    kinds = {entry.kind for entry in doc.sources}
    assert {"wire", "broadcaster", "newspaper", "government", "intergovernmental", "ngo"} <= kinds
    for entry in doc.sources:
        assert entry.reliability_basis, entry.id
        if entry.reliability != "unknown":
            assert "MBFC" in entry.reliability_basis, entry.id


def test_seed_then_load(engine: Engine) -> None:
    written = seed_registry(engine)
    assert written == len(read_registry_file().sources)
    assert seed_registry(engine) == 0  # same version: nothing to do
    registry = SourceRegistry.load(engine)
    assert registry.entries["sohr"].name == "Syrian Observatory for Human Rights"
    with Session(engine) as session:
        meta = session.get(SourceRegistryMeta, "registry_version")
        assert meta is not None and int(meta.value) == read_registry_file().version


def test_newer_file_reseeds_but_keeps_editor_changes(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_registry(engine)
    sohr = get_source(engine, "sohr")
    assert sohr is not None
    update_source(engine, sohr.model_copy(update={"reliability": "mixed"}))
    doc = json.loads(REGISTRY_FILE.read_text(encoding="utf-8"))
    doc["version"] += 1
    for entry in doc["sources"]:
        if entry["id"] in ("sohr", "reuters"):
            entry["name"] = entry["name"] + " (renamed)"
    newer = tmp_path / "registry.json"
    newer.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(
        registry_module, "read_registry_file", lambda: registry_module.read_registry_file_at(newer)
    )
    assert seed_registry(engine) == len(doc["sources"]) - 1
    reuters = get_source(engine, "reuters")
    edited = get_source(engine, "sohr")
    assert reuters is not None and reuters.name == "Reuters (renamed)"
    assert edited is not None and edited.name == "Syrian Observatory for Human Rights"
    assert edited.reliability == "mixed"
    with Session(engine) as session:
        origins = {row.origin for row in session.exec(select(SourceRow)).all()}
    assert origins == {"seed", "api"}


def test_added_entries_keep_an_honest_rating_basis() -> None:
    from workers.sources.registry_file import read_registry_file

    doc = read_registry_file()
    by_id = {entry.id: entry for entry in doc.sources}
    assert doc.version >= 2
    # rated by MBFC through News-Media-Reliability; the others say why they are unknown
    assert by_id["al-masdar-news"].reliability == "mixed"
    assert "almasdarnews.com" in by_id["al-masdar-news"].reliability_basis
    assert by_id["hawar-news"].reliability == "unknown"
    assert by_id["hawar-news"].reliability_basis.startswith("unknown: hawarnews.com")
    assert all(entry.reliability_basis for entry in doc.sources)
