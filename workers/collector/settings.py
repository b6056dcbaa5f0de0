from typing import Literal

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
    # Issue 9 (docs/decisions.md "Throughput"): flow runs in flight at once per collector
    concurrency: int = Field(default=4, ge=1)
    # article: one `verify-article` run per join; batch: one `verify-batch` run per batch of
    # up to batch_size joins; auto: a join due alone gets its own `verify-article` run, joins
    # due together share a `verify-batch` run
    mode: Literal["auto", "article", "batch"] = "auto"
    batch_size: int = Field(default=20, ge=1)
    # while runs are in flight a new one starts at most this often (auto and batch modes), so
    # joins falling due close together share a run; an idle collector starts one at once
    linger_s: float = Field(default=0.5, ge=0)
    # a claimed join is this collector's until its run ends or this lapses (it died)
    claim_lease_s: float = Field(default=120.0, gt=0)
