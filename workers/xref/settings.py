from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class XrefSettings(BaseSettings):
    """Env prefix VERIFY_XREF_. What the cross-reference worker shows an editor."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_XREF_", extra="ignore")

    # passages retrieved per claim for the same-fact model (6: the same evidence as 10 on
    # both judged sets, at less cost)
    candidates: int = Field(6, ge=1, le=50)
    # Claims under this check-worthiness are not searched: a throughput knob, off by default
    # (at 0.5, the "checkable" line, a third of news claims and most ANS-dev headlines would
    # go unsearched: the check-worthiness model learned from tweets under-rates news).
    min_checkworthiness: float = Field(0.0, ge=0.0, le=1.0)
    same_fact_threshold: float = Field(0.30, ge=0.0, le=1.0)  # P(same fact) to be evidence
    evidence_per_claim: int = Field(5, ge=1)
    related_per_claim: int = Field(2, ge=0)  # topic neighbours kept apart from evidence
    related_floor: float = Field(0.25, ge=0.0, le=1.0)  # P(same fact) a neighbour needs
