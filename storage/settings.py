from pydantic_settings import BaseSettings, SettingsConfigDict


class DatabaseSettings(BaseSettings):
    """SQLite file by default; PostgreSQL by URL (postgresql+psycopg://user:pw@host:port/db)."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_", extra="ignore")

    database_url: str = "sqlite:///.run/verify.db"
