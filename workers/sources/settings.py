"""Settings of the source lookup (env prefix VERIFY_): the optional external resolver."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ResolverSettings(BaseSettings):
    """The external resolver is off unless VERIFY_RESOLVER_URL is set (a Wikidata-shaped API,
    e.g. https://www.wikidata.org/w/api.php)."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_", extra="ignore")

    resolver_url: str | None = None
    resolver_timeout: float = Field(default=3.0, gt=0)
    resolver_retries: int = Field(default=2, ge=0, le=10)
    resolver_backoff: float = Field(default=0.25, ge=0)
    resolver_cache_ttl: float = Field(default=7 * 24 * 3600, ge=0)
    resolver_breaker_failures: int = Field(default=5, ge=1)
    resolver_breaker_reset: float = Field(default=60.0, gt=0)
    resolver_min_score: float = Field(default=0.9, ge=0, le=1)
