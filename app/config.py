"""One settings object for the whole service (environment prefix ``MOTCUA_``)."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from app.services.calendar import VIETNAM_TZ_NAME, OfficeHours

PLACEHOLDER_SECRET = "change-me"  # noqa: S105 - the value we refuse outside development
# Instants are stored in UTC and presented in this zone; dossier codes use its date (DESIGN.md 5).
CALENDAR_TIME_ZONE = VIETNAM_TZ_NAME


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

    # Daily office periods of the receiving offices, local time of Asia/Ho_Chi_Minh (the only time zone
    # of the service: CALENDAR_TIME_ZONE). Invalid text refuses to start.
    office_hours: str = "07:30-11:30,13:00-17:00"

    @field_validator("trusted_proxies", "cors_origins", mode="before")
    @classmethod
    def _split_csv(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("office_hours")
    @classmethod
    def _parse_office_hours(cls, value: str) -> str:
        try:
            return str(OfficeHours.parse(value))
        except ValueError as exc:
            raise ValueError(f"MOTCUA_OFFICE_HOURS: {exc}") from None

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.env is Environment.production:
            problems = []
            if self.database_url is None or not self.database_url.get_secret_value():
                problems.append("MOTCUA_DATABASE_URL is required in production")
            secret = self.secret_key.get_secret_value()
            if secret == PLACEHOLDER_SECRET or len(secret) < 32:
                problems.append("MOTCUA_SECRET_KEY must be a real secret of at least 32 characters")
            if problems:
                raise ValueError("; ".join(problems))
        return self

    @property
    def calendar_office_hours(self) -> OfficeHours:
        return OfficeHours.parse(self.office_hours)

    @property
    def is_production(self) -> bool:
        return self.env is Environment.production

    @property
    def uses_embedded_database(self) -> bool:
        return self.database_url is None or not self.database_url.get_secret_value()


@lru_cache
def get_settings() -> Settings:
    return Settings()
