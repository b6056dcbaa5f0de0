from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class OpsSettings(BaseSettings):
    """Where `make up`'s supervisord listens (VERIFY_SUPERVISOR_SOCKET, else under the run dir)."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_", extra="ignore")

    run_dir: Path = Field(
        default=Path(".run"), validation_alias=AliasChoices("VERIFY_RUN_DIR", "VERIFY_DATA_DIR")
    )
    supervisor_socket: Path | None = None
    records_rate_window_s: float = 300.0  # records per minute are averaged over this window

    @property
    def socket(self) -> Path:
        return self.supervisor_socket or self.run_dir / "supervisor" / "supervisor.sock"
