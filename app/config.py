"""One settings object for the whole service (environment prefix ``MOTCUA_``)."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PLACEHOLDER_SECRET = "change-me"  # noqa: S105 - the value we refuse outside development


class Environment(StrEnum):
    production = "production"
    demo = "demo"
    development = "development"
    test = "test"


class Settings(BaseSettings):
    """Every knob of the service. Production is the default and refuses unsafe values."""

    model_config = SettingsConfigDict(
        env_prefix="MOTCUA_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    env: Environment = Environment.production
    # postgresql+asyncpg://user:password@host:5432/motcua. Empty: embedded PostgreSQL (demo, tests).
    database_url: SecretStr | None = None
    data_dir: Path = Path(".motcua")
    db_pool_size: int = Field(default=10, ge=1, le=200)
    db_max_overflow: int = Field(default=10, ge=0, le=200)

    secret_key: SecretStr = SecretStr(PLACEHOLDER_SECRET)
    jwt_issuer: str = "motcua"
    jwt_audience: str = "motcua-api"
    access_token_minutes: int = Field(default=60, ge=1, le=24 * 60)

    login_max_failures: int = Field(default=5, ge=1)
    login_window_seconds: int = Field(default=900, ge=1)
    login_block_seconds: int = Field(default=900, ge=1)
    # Client address from X-Forwarded-For only when the peer is one of these (IPs or CIDRs).
    trusted_proxies: Annotated[list[str], NoDecode] = []

    cors_origins: Annotated[list[str], NoDecode] = []

    log_level: str = "INFO"
    log_json: bool = True

    # Outbox delivery and periodic jobs (`motcua worker`; in-process in demo mode).
    worker_in_process: bool = False
    worker_slots: int = Field(default=4, ge=1, le=64)
    worker_poll_seconds: float = Field(default=1.0, gt=0, le=60)
    worker_metrics_seconds: float = Field(default=60.0, gt=0)
    # Comma-separated modules imported at worker start; they register extra handlers and jobs.
    worker_plugins: Annotated[list[str], NoDecode] = []
    outbox_max_attempts: int = Field(default=10, ge=1, le=100)
    outbox_backoff_base_seconds: float = Field(default=2.0, gt=0)
    outbox_backoff_cap_seconds: float = Field(default=3600.0, gt=0)
    # Due messages of one key delivered in one transaction (fewer round trips; a crash redelivers all).
    outbox_batch_per_key: int = Field(default=10, ge=1, le=1000)
    outbox_delivery_timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    outbox_retention_days: int = Field(default=30, ge=1)

    # Notification webhook (a province plugs its SMS / Zalo ZNS gateway in here). Empty: log only.
    notify_webhook_url: str | None = None
    notify_webhook_secret: SecretStr = SecretStr(PLACEHOLDER_SECRET)

    @field_validator("trusted_proxies", "cors_origins", "worker_plugins", mode="before")
    @classmethod
    def _split_csv(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.env is Environment.production:
            problems = []
            if self.database_url is None or not self.database_url.get_secret_value():
                problems.append("MOTCUA_DATABASE_URL is required in production")
            secret = self.secret_key.get_secret_value()
            if secret == PLACEHOLDER_SECRET or len(secret) < 32:
                problems.append("MOTCUA_SECRET_KEY must be a real secret of at least 32 characters")
            webhook_secret = self.notify_webhook_secret.get_secret_value()
            if self.notify_webhook_url and (
                webhook_secret == PLACEHOLDER_SECRET or len(webhook_secret) < 32
            ):
                problems.append(
                    "MOTCUA_NOTIFY_WEBHOOK_SECRET must be a real secret of at least 32 characters "
                    "when MOTCUA_NOTIFY_WEBHOOK_URL is set"
                )
            if problems:
                raise ValueError("; ".join(problems))
        return self

    @property
    def is_production(self) -> bool:
        return self.env is Environment.production

    @property
    def uses_embedded_database(self) -> bool:
        return self.database_url is None or not self.database_url.get_secret_value()


@lru_cache
def get_settings() -> Settings:
    return Settings()
