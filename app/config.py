"""One settings object for the whole service (environment prefix ``MOTCUA_``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PLACEHOLDER_SECRET = "change-me"  # noqa: S105 - the value we refuse outside development
# Instants are stored in UTC and presented in this zone; dossier codes use its date (DESIGN.md 5).
VIETNAM_TZ_NAME = "Asia/Ho_Chi_Minh"
CALENDAR_TIME_ZONE = VIETNAM_TZ_NAME

Period = tuple[time, time]


@dataclass(frozen=True)
class OfficeHours:
    """Daily office periods in local time, ordered and non-overlapping (touching is allowed)."""

    periods: tuple[Period, ...] = (
        (time(7, 30), time(11, 30)),
        (time(13, 0), time(17, 0)),
    )

    def __post_init__(self) -> None:
        if not self.periods:
            raise ValueError("office hours need at least one period")
        previous_end: time | None = None
        for start, end in self.periods:
            if start.tzinfo is not None or end.tzinfo is not None:
                # Periods are wall-clock times of the calendar's own time zone.
                raise ValueError("office hours are naive local times")
            if start >= end:
                raise ValueError(f"office period {start}-{end} does not end after it starts")
            if previous_end is not None and start < previous_end:
                raise ValueError(f"office period starting {start} overlaps or is out of order")
            previous_end = end

    @classmethod
    def parse(cls, text: str) -> OfficeHours:
        """Read the settings form ``"07:30-11:30,13:00-17:00"`` (spaces around parts allowed)."""
        periods: list[Period] = []
        for part in text.split(","):
            bounds = part.split("-")
            if len(bounds) != 2:
                raise ValueError(f"office period {part.strip()!r} is not of the form HH:MM-HH:MM")
            try:
                start, end = (time.fromisoformat(bound.strip()) for bound in bounds)
            except ValueError as exc:
                raise ValueError(f"office period {part.strip()!r}: {exc}") from None
            periods.append((start, end))
        return cls(tuple(periods))

    def __str__(self) -> str:
        return ",".join(f"{start:%H:%M}-{end:%H:%M}" for start, end in self.periods)

    @property
    def opening(self) -> time:
        return self.periods[0][0]

    @property
    def closing(self) -> time:
        return self.periods[-1][1]

    @property
    def day_length(self) -> timedelta:
        """Office time in one working day (8 hours by default)."""
        today = date.min  # any date: periods never cross midnight
        return sum(
            (
                datetime.combine(today, end) - datetime.combine(today, start)
                for start, end in self.periods
            ),
            timedelta(0),
        )


# The built-in development issuer of citizen tokens (demo, development, test only).
DEV_CITIZEN_ISSUER = "motcua-dev-citizen"
# Citizen tokens are verified with the issuer's public keys only: never HMAC, never "none".
ASYMMETRIC_ALGORITHMS = frozenset({"RS256", "RS384", "RS512", "ES256", "ES384", "ES512"})


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
    # Connections per process. Overflow connections are opened for a burst and closed when returned
    # while the pool is full: under steady concurrency above the pool size that is a new PostgreSQL
    # backend (a fork) per request, so the default is a fixed pool and requests wait their turn.
    db_pool_size: int = Field(default=10, ge=1, le=200)
    db_max_overflow: int = Field(default=0, ge=0, le=200)
    db_pre_ping: bool = False
    db_pool_recycle_seconds: int = Field(default=1800, ge=60)

    secret_key: SecretStr = SecretStr(PLACEHOLDER_SECRET)
    jwt_issuer: str = "motcua"
    jwt_audience: str = "motcua-api"
    access_token_minutes: int = Field(default=60, ge=1, le=24 * 60)

    # Citizens' identity provider (VNeID-style OIDC): tokens verified with its JWKS.
    citizen_issuer: str | None = None
    citizen_audience: str = "motcua-api"
    citizen_jwks_url: str | None = None
    citizen_algorithms: Annotated[list[str], NoDecode] = ["RS256", "ES256"]
    citizen_personal_id_claim: str = "personal_id"
    # a true claim: the account was verified with VNeID (the portal's TaiKhoanDuocXacThucVoiVNeID)
    citizen_vneid_claim: str = "vneid_verified"
    citizen_jwks_cache_seconds: int = Field(default=3600, ge=1)
    # An unknown ``kid`` triggers at most one JWKS refetch per this many seconds.
    citizen_jwks_refetch_seconds: int = Field(default=60, ge=0)
    citizen_token_minutes: int = Field(default=60, ge=1, le=24 * 60)  # development issuer only

    # Every request body is capped while it streams in (413 above), before any route reads it.
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    # Uploads: a size limit enforced while streaming, a local folder (default <data_dir>/uploads).
    upload_max_bytes: int = Field(default=20 * 1024 * 1024, ge=1)
    upload_dir: Path | None = None
    upload_ttl_hours: float = Field(default=24, gt=0)
    # The content check (a PDF must parse, an image decode): time limit and pixel limit.
    upload_check_timeout_seconds: float = Field(default=10, gt=0)
    upload_max_image_pixels: int = Field(default=50_000_000, ge=1)
    # Streamed exports (the dossier register) running at once in one process; more wait (429).
    exports_max_concurrent: int = Field(default=2, ge=1)
    # The checking child process's address-space cap (a decompression bomb ends there).
    upload_check_max_memory_bytes: int = Field(default=1024 * 1024 * 1024, ge=64 * 1024 * 1024)
    # Each owner's live unattached uploads: at most this many (429 above) and bytes (413 above).
    upload_max_pending_files: int = Field(default=50, ge=1)
    upload_max_pending_bytes: int = Field(default=200 * 1024 * 1024, ge=1)

    login_max_failures: int = Field(default=5, ge=1)
    login_window_seconds: int = Field(default=900, ge=1)
    login_block_seconds: int = Field(default=900, ge=1)
    # Wrong PINs (and unknown codes) per client, every endpoint taking a PIN together: a generous cap,
    # since a commune office or a mobile carrier's NAT puts many citizens behind one address.
    # The public lookup link the receipt's QR code holds: {this}/{code}?pin={pin} (docs/forms.md).
    # The API's own lookup route by default; a province may point it at its portal's lookup page.
    public_lookup_url: str = Field(
        default="http://localhost:8000/api/v1/lookup", pattern=r"^https?://[^\s?#]+$"
    )
    lookup_max_failures: int = Field(default=100, ge=1)
    lookup_window_seconds: int = Field(default=600, ge=1)
    lookup_block_seconds: int = Field(default=600, ge=1)
    # Wrong PINs per dossier code, from any client: the bound on guessing one dossier's PIN.
    lookup_code_max_failures: int = Field(default=10, ge=1)
    lookup_code_window_seconds: int = Field(default=24 * 3600, ge=1)
    lookup_code_block_seconds: int = Field(default=3600, ge=1)
    # Rendered public search pages kept per process (keyed by the catalog generation); 0: no cache.
    search_cache_entries: int = Field(default=4096, ge=0, le=1_000_000)
    # Client address from X-Forwarded-For only when the peer is one of these (IPs or CIDRs).
    trusted_proxies: Annotated[list[str], NoDecode] = []

    cors_origins: Annotated[list[str], NoDecode] = []

    # Swagger UI (/docs), ReDoc (/redoc) and the OpenAPI JSON. Unset: on outside production, off in it.
    docs_enabled: bool | None = None
    # The development issuer of citizen tokens (POST /api/v1/dev/citizen-token lets anyone act as any
    # citizen): off unless asked for (`make demo` asks); refused in production.
    dev_issuer: bool = False

    # The province's root agency (its provincial people's committee): an administrator there is the
    # province administrator (DESIGN.md section 3). Unset: the one agency without a parent whose kind
    # is provincial_people_committee; with none or several, nobody is province administrator.
    province_root_agency: str | None = Field(default=None, min_length=1, max_length=64)

    log_level: str = "INFO"
    log_json: bool = True

    # Daily office periods of the receiving offices, local time of Asia/Ho_Chi_Minh (the only time zone
    # of the service: CALENDAR_TIME_ZONE). Invalid text refuses to start.
    office_hours: str = "07:30-11:30,13:00-17:00"

    # Statistics (issue 17): every lifecycle action that counts queues a `stats.rollup` message. false
    # stops queuing it, for one purpose: measuring what the rollups add to an action
    # (bench/stats_bench.py). The statistics then miss those actions until `motcua stats rebuild`.
    stats_rollups: bool = True
    # How long a statistics answer may be served again while the rollups have not changed
    # (app/services/stats/answers.py); 0 computes every answer.
    stats_answer_seconds: float = Field(default=10.0, ge=0, le=3600)
    # How many payment callbacks one API process handles at once; the others wait in arrival order
    # (app/admission.py, app/routers/payments.py).
    callback_concurrency: int = Field(default=8, ge=1, le=256)
    # The API keeps the calendar's overrides while PostgreSQL tells it of every change
    # (app/services/calendar/cache.py), reading them again after at most this long; 0 reads them
    # on every action.
    calendar_cache_seconds: float = Field(default=60.0, ge=0, le=3600)

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
    # Due messages of one key leased by one claim (fewer claims). The lease lasts batch x (timeout +
    # 2 s) + 5 s: how long a crashed worker's messages wait before another worker delivers them.
    outbox_batch_per_key: int = Field(default=10, ge=1, le=1000)
    outbox_delivery_timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    outbox_retention_days: int = Field(default=30, ge=1)

    # Notification webhook (a province plugs its SMS / Zalo ZNS gateway in here). Empty: log only.
    notify_webhook_url: str | None = None
    notify_webhook_secret: SecretStr = SecretStr(PLACEHOLDER_SECRET)

    # National Public Service Portal (Cổng DVCQG): the "adapter" protocol of docs/portal.md, a
    # session-token login then service calls. No base URL: nothing is sent to the portal.
    portal_base_url: str | None = None
    portal_login_path: str = "/adapter/login"
    portal_service_path: str = "/adapter/service"
    portal_username: str = ""
    portal_password: SecretStr = SecretStr("")
    # The province's connection code, sent as the ``dstcode`` header of every call.
    portal_dstcode: str = ""
    portal_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    # A session token is renewed at this age even if the portal has not said it expired.
    portal_session_seconds: float = Field(default=1500.0, gt=0)
    # The ``error_code`` values by which the portal says a session is unknown or expired (unverified
    # against the real portal: configurable). An HTTP 401 means the same.
    portal_session_expired_codes: Annotated[list[str], NoDecode] = ["-2"]
    # Our public address, for the signed download links of documents and results sent to the portal,
    # and how long such a link stays valid.
    public_base_url: str = "http://127.0.0.1:8000"
    portal_link_days: int = Field(default=30, ge=1, le=3650)
    # Dossiers the portal forwards to us (POST /api/v1/integrations/national-portal/dossiers): the
    # shared HMAC secret (empty: the endpoint refuses every forward), the accepted clock skew, and the
    # hosts the files it links to may be fetched from (nothing else is ever fetched).
    portal_inbound_secret: SecretStr = SecretStr("")
    portal_inbound_window_seconds: int = Field(default=300, ge=1, le=3600)
    portal_file_hosts: Annotated[list[str], NoDecode] = []
    portal_file_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    # Online fee payments (issue 15; docs/payments.md). Merchant accounts per provider, as JSON kept
    # secret (it holds the keys): {"vnpay": {"<tmn_code>": {"hash_secret": ..., "pay_url": ...,
    # "api_url": ...}}, "momo": {"<partner_code>": {"access_key": ..., "secret_key": ...,
    # "endpoint": ...}}, "zalopay": {"<app_id>": {"key1": ..., "key2": ..., "endpoint": ...}}}.
    # Empty: no online payment.
    payment_merchants: SecretStr = SecretStr("")
    # Which merchant account collects for which agency: {"<agency code>" or "*": {"<provider>":
    # "<merchant code>"}}; the competent agency's entry, else its nearest ancestor's, else "*".
    payment_agency_merchants: str = "{}"
    # The national payment platform (PayGov or the provincial LGSP; docs/payments.md), as JSON kept
    # secret: {"adapter": "fake" or a province's adapter, "endpoint": ..., "partner_code": ...,
    # "access_key": ..., "secret_key": ..., "options": {...}}. Empty: not offered. Its wire format is
    # the adapter's ([U] for the fake: the platform's protocol is not public).
    payment_national: SecretStr = SecretStr("")
    # Comma-separated modules defining ``NATIONAL_PAYMENT_ADAPTERS`` ({name: factory(config)}): the
    # province's adapters, as ``MOTCUA_WORKER_PLUGINS`` modules add handlers.
    payment_national_plugins: Annotated[list[str], NoDecode] = []
    payment_expiry_minutes: int = Field(default=15, ge=1, le=7 * 24 * 60)
    # Reconciliation asks the gateway about a payment still open this long after its creation.
    payment_reconcile_after_minutes: int = Field(default=15, ge=1)
    # Raw callbacks are kept this long (then purged by the worker).
    payment_callback_retention_days: int = Field(default=400, ge=1)
    # Outbound calls to the gateways (create order, query).
    payment_http_timeout_seconds: float = Field(default=15.0, gt=0, le=60)
    # The demo's sandbox gateway (a VNPay-protocol payment page at /sandbox/vnpay): demo mode only,
    # mounted only when a VNPay merchant's pay_url points at it (`motcua serve --demo` sets it up).
    payment_sandbox: bool = False

    @field_validator(
        "trusted_proxies",
        "cors_origins",
        "citizen_algorithms",
        "worker_plugins",
        "portal_session_expired_codes",
        "portal_file_hosts",
        "payment_national_plugins",
        mode="before",
    )
    @classmethod
    def _split_csv(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("payment_merchants")
    @classmethod
    def _merchants_are_json(cls, value: SecretStr) -> SecretStr:
        text = value.get_secret_value().strip()
        if text:
            try:
                parsed = json.loads(text)
            except ValueError:
                raise ValueError("MOTCUA_PAYMENT_MERCHANTS is not JSON") from None
            if not isinstance(parsed, dict) or not all(
                isinstance(accounts, dict) for accounts in parsed.values()
            ):
                raise ValueError("MOTCUA_PAYMENT_MERCHANTS maps providers to merchant accounts")
        return value

    @field_validator("payment_national")
    @classmethod
    def _national_is_json(cls, value: SecretStr) -> SecretStr:
        text = value.get_secret_value().strip()
        if text:
            try:
                parsed = json.loads(text)
            except ValueError:
                raise ValueError("MOTCUA_PAYMENT_NATIONAL is not JSON") from None
            if not isinstance(parsed, dict) or not isinstance(parsed.get("partner_code"), str):
                raise ValueError("MOTCUA_PAYMENT_NATIONAL is an object naming its partner_code")
        return value

    @field_validator("payment_agency_merchants")
    @classmethod
    def _agency_merchants_are_json(cls, value: str) -> str:
        try:
            parsed = json.loads(value or "{}")
        except ValueError:
            raise ValueError("MOTCUA_PAYMENT_AGENCY_MERCHANTS is not JSON") from None
        if not isinstance(parsed, dict) or not all(
            isinstance(entry, dict) and all(isinstance(code, str) for code in entry.values())
            for entry in parsed.values()
        ):
            raise ValueError("MOTCUA_PAYMENT_AGENCY_MERCHANTS maps agencies to {provider: code}")
        return value

    @field_validator("office_hours")
    @classmethod
    def _parse_office_hours(cls, value: str) -> str:
        try:
            return str(OfficeHours.parse(value))
        except ValueError as exc:
            raise ValueError(f"MOTCUA_OFFICE_HOURS: {exc}") from None

    @field_validator(
        "citizen_issuer", "citizen_jwks_url", "upload_dir", "portal_base_url", mode="before"
    )
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("citizen_algorithms")
    @classmethod
    def _asymmetric_only(cls, value: list[str]) -> list[str]:
        refused = [alg for alg in value if alg not in ASYMMETRIC_ALGORITHMS]
        if refused or not value:
            raise ValueError(
                "MOTCUA_CITIZEN_ALGORITHMS accepts only asymmetric algorithms "
                f"({', '.join(sorted(ASYMMETRIC_ALGORITHMS))}); refused: {', '.join(refused) or '-'}"
            )
        return value

    @model_validator(mode="after")
    def _citizen_issuer_complete(self) -> Settings:
        if (self.citizen_issuer is None) != (self.citizen_jwks_url is None):
            raise ValueError("MOTCUA_CITIZEN_ISSUER and MOTCUA_CITIZEN_JWKS_URL go together")
        if self.citizen_issuer is not None and self.citizen_issuer in {
            self.jwt_issuer,
            DEV_CITIZEN_ISSUER,
        }:
            raise ValueError(
                "MOTCUA_CITIZEN_ISSUER must differ from MOTCUA_JWT_ISSUER and the development issuer"
            )
        return self

    @model_validator(mode="after")
    def _refuse_placeholder_secret(self) -> Settings:
        """The public placeholder signs tokens only in the demo and the tests: anyone can mint with it."""
        if (
            self.env is Environment.development
            and self.secret_key.get_secret_value() == PLACEHOLDER_SECRET
        ):
            raise ValueError(
                "MOTCUA_SECRET_KEY must be set outside the demo and the tests (the placeholder is public)"
            )
        return self

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.env is Environment.production:
            problems = []
            if self.dev_issuer:
                problems.append("MOTCUA_DEV_ISSUER is refused in production")
            if self.payment_sandbox:
                problems.append("MOTCUA_PAYMENT_SANDBOX is refused in production")
            if self.database_url is None or not self.database_url.get_secret_value():
                problems.append("MOTCUA_DATABASE_URL is required in production")
            secret = self.secret_key.get_secret_value()
            if secret == PLACEHOLDER_SECRET or len(secret) < 32:
                problems.append("MOTCUA_SECRET_KEY must be a real secret of at least 32 characters")
            if self.citizen_jwks_url is not None and not self.citizen_jwks_url.startswith(
                "https://"
            ):
                problems.append("MOTCUA_CITIZEN_JWKS_URL must use https in production")
            webhook_secret = self.notify_webhook_secret.get_secret_value()
            if self.notify_webhook_url and (
                webhook_secret == PLACEHOLDER_SECRET or len(webhook_secret) < 32
            ):
                problems.append(
                    "MOTCUA_NOTIFY_WEBHOOK_SECRET must be a real secret of at least 32 characters "
                    "when MOTCUA_NOTIFY_WEBHOOK_URL is set"
                )
            if self.portal_base_url:
                if not self.portal_base_url.startswith("https://"):
                    problems.append("MOTCUA_PORTAL_BASE_URL must use https in production")
                if not (
                    self.portal_username
                    and self.portal_password.get_secret_value()
                    and self.portal_dstcode
                ):
                    problems.append(
                        "MOTCUA_PORTAL_USERNAME, MOTCUA_PORTAL_PASSWORD and MOTCUA_PORTAL_DSTCODE "
                        "are required when MOTCUA_PORTAL_BASE_URL is set"
                    )
            inbound = self.portal_inbound_secret.get_secret_value()
            if inbound and len(inbound) < 32:
                problems.append(
                    "MOTCUA_PORTAL_INBOUND_SECRET must be a real secret of at least 32 characters"
                )
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
    def upload_root(self) -> Path:
        return self.upload_dir if self.upload_dir is not None else self.data_dir / "uploads"

    @property
    def dev_issuer_enabled(self) -> bool:
        """The development issuer of citizen tokens exists only when asked for, never in production."""
        return self.dev_issuer and self.env is not Environment.production

    @property
    def sandbox_pay_url(self) -> str:
        """Where the demo's sandbox takes payments (a VNPay merchant's ``pay_url`` points here)."""
        return self.public_base_url.rstrip("/") + "/sandbox/vnpay/pay"

    @property
    def payments_online(self) -> bool:
        """The province takes fees online: a gateway's merchant account or the national platform."""
        return bool(
            self.payment_merchants.get_secret_value().strip()
            or self.payment_national.get_secret_value().strip()
        )

    @property
    def payment_sandbox_on(self) -> bool:
        """The sandbox gateway exists only in demo mode, asked for, with a merchant pointing at it."""
        if not self.payment_sandbox or self.env is not Environment.demo:
            return False
        text = self.payment_merchants.get_secret_value().strip()
        accounts = json.loads(text).get("vnpay", {}) if text else {}
        return any(account.get("pay_url") == self.sandbox_pay_url for account in accounts.values())

    @property
    def docs_on(self) -> bool:
        """The documentation pages and the OpenAPI JSON: as set, else everywhere but production."""
        if self.docs_enabled is not None:
            return self.docs_enabled
        return self.env is not Environment.production

    @property
    def uses_embedded_database(self) -> bool:
        return self.database_url is None or not self.database_url.get_secret_value()


@lru_cache
def get_settings() -> Settings:
    return Settings()
