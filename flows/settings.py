from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class StatusSettings(BaseSettings):
    """Env prefix VERIFY_STATUS_. When evidence is strong enough to decide a claim's status."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_STATUS_", extra="ignore")

    # An evidence item decides corroborated/contradicted only when it is likely enough to
    # state the same fact AND its stance is likely enough to be right. Below, the claim
    # stays unverified and needs review: a wrong `contradicted` costs a newsroom more than
    # an honest `unverified` (chosen on the ANS-dev status test, docs/xref.md).
    decisive_same_fact: float = Field(0.4, ge=0.0, le=1.0)
    decisive_stance: float = Field(0.8, ge=0.0, le=1.0)


class OperatorSettings(BaseSettings):
    """Env prefix VERIFY_OPERATOR_. The Prefect deployments `make up` serves (flows/serve.py)."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_OPERATOR_", extra="ignore")

    deployment: str = Field("operator", min_length=1, max_length=100)  # deployment name
    # the daily re-check of documents archived in the last `daily_hours` (overlapping days:
    # an event lost to a crash between archiving and announcing is caught the next night)
    daily_cron: str = "30 3 * * *"
    daily_hours: float = Field(26.0, gt=0)
    daily: bool = True
