from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class DatabaseSettings(BaseSettings):
    """Where all state lives: the database (SQLite file by default; PostgreSQL by URL,
    postgresql+psycopg://user:pw@host:port/db) and the data dir (this machine's search index).
    A fresh, empty pair works: migrations and the index are made on first use."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_", extra="ignore")

    database_url: str = "sqlite:///.run/verify.db"
    data_dir: Path = Path(".run")
