from pydantic_settings import BaseSettings, SettingsConfigDict


class ApiSettings(BaseSettings):
    """Env prefix VERIFY_API_ (host, port); the write key is VERIFY_API_KEY."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_API_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8000
    batch_max: int = 500  # articles per POST /articles:batch (the body size limit applies too)
