"""Shared fixtures: ../shared data, and a fresh migrated database on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from storage.engine import make_engine
from storage.migrate import upgrade

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERIFY_SHARED_DIR", ROOT.parent / "shared"))
POSTGRES_URL = os.environ.get("VERIFY_TEST_POSTGRES_URL", "")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own VERIFY_DATA_DIR (search indexes live there)."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("VERIFY_DATA_DIR", str(data_dir))
    return data_dir


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the project; tests that need it skip with a reason when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED} (set VERIFY_SHARED_DIR)")
    return SHARED


@pytest.fixture(scope="session")
def seed_article(shared_dir: Path) -> str:
    return (shared_dir / "examples" / "seed-ar-001.txt").read_text(encoding="utf-8")


def _postgres_schema_url(base: str) -> Iterator[str]:
    """A throw-away schema per test, so parallel runs on one server never collide."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module")
def postgres_module_url() -> Iterator[str]:
    """A PostgreSQL schema for a whole test module (the fault tests stop and start the server)."""
    if not POSTGRES_URL:
        pytest.fail("VERIFY_TEST_POSTGRES_URL not set: `make test` starts PostgreSQL and sets it")
    yield from _postgres_schema_url(POSTGRES_URL)


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgres", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL with the schema migrated, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'verify.db'}"
        upgrade(make_engine(url))
        yield url
        return
    if not POSTGRES_URL:
        pytest.skip("VERIFY_TEST_POSTGRES_URL not set (`make test` starts PostgreSQL and sets it)")
    for url in _postgres_schema_url(POSTGRES_URL):
        upgrade(make_engine(url))
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()
