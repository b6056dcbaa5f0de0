from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CollectorSettings(BaseSettings):
    """Env prefix VERIFY_COLLECTOR_."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_COLLECTOR_", extra="ignore")

    deadline_s: float = 120.0  # after this, a join with a missing part becomes a partial record
    sweep_interval_s: float = 1.0  # how often to look for due joins (deadlines, crash recovery)
    # Prefect unreachable for longer than this: records are made without a flow run (stored,
    # published, join marked) and the runs are caught up when Prefect answers again.
    prefect_wait_s: float = 60.0
    catch_up_per_sweep: int = 5
    prefect_api_url: str = Field(
        default="http://127.0.0.1:4200/api", validation_alias="PREFECT_API_URL"
    )
