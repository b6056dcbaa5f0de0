from pydantic_settings import BaseSettings, SettingsConfigDict


class CollectorSettings(BaseSettings):
    """Env prefix VERIFY_COLLECTOR_."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_COLLECTOR_", extra="ignore")

    deadline_s: float = 120.0  # after this, a join with a missing part becomes a partial record
    sweep_interval_s: float = 1.0  # how often to look for due joins (deadlines, crash recovery)
