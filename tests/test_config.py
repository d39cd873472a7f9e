"""Settings refuse unsafe production values; CORS follows settings."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from pydantic import SecretStr, ValidationError
from sqlalchemy.ext.asyncio import AsyncEngine

from app.config import PLACEHOLDER_SECRET, Environment, Settings
from tests.conftest import build_app, make_settings

STRONG = "s" * 40
DB = "postgresql+asyncpg://motcua:pw@db.internal:5432/motcua"


def test_production_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOTCUA_ENV", raising=False)
    settings = Settings(database_url=SecretStr(DB), secret_key=SecretStr(STRONG), _env_file=None)  # type: ignore[call-arg]
    assert settings.env is Environment.production


@pytest.mark.parametrize(
    ("database_url", "secret", "message"),
    [
        (None, STRONG, "MOTCUA_DATABASE_URL"),
        (DB, PLACEHOLDER_SECRET, "MOTCUA_SECRET_KEY"),
        (DB, "too-short", "MOTCUA_SECRET_KEY"),
    ],
)
def test_production_refuses_unsafe_settings(
    database_url: str | None, secret: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings(
            env=Environment.production,
            database_url=SecretStr(database_url) if database_url else None,
            secret_key=SecretStr(secret),
            _env_file=None,  # type: ignore[call-arg]
        )


def test_demo_accepts_the_placeholder_and_no_database() -> None:
    settings = Settings(env=Environment.demo, _env_file=None)  # type: ignore[call-arg]
    assert settings.uses_embedded_database


def test_lists_come_from_comma_separated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_CORS_ORIGINS", "https://h5.zdn.vn, https://a.example")
    monkeypatch.setenv("MOTCUA_TRUSTED_PROXIES", "10.0.0.0/8")
    settings = Settings(env=Environment.test, _env_file=None)  # type: ignore[call-arg]
    assert settings.cors_origins == ["https://h5.zdn.vn", "https://a.example"]
    assert settings.trusted_proxies == ["10.0.0.0/8"]


@pytest.mark.parametrize(
    "env",
    [
        {"MOTCUA_SECRET_KEY": PLACEHOLDER_SECRET, "MOTCUA_DATABASE_URL": DB},
        {"MOTCUA_SECRET_KEY": STRONG},
    ],
)
def test_serve_refuses_to_start_in_production(env: dict[str, str]) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "serve", "--port", "8999"],
        env={**clean, "MOTCUA_ENV": "production", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "refusing to start" in result.stderr
    assert STRONG not in result.stderr  # secrets are never printed


async def test_cors_allows_configured_origins_only(
    app: FastAPI, settings: Settings, engine: AsyncEngine
) -> None:
    assert settings.database_url is not None
    configured = make_settings(
        settings.database_url.get_secret_value(), cors_origins=["https://h5.zdn.vn"]
    )
    cors_app = build_app(configured, engine, app.state.session_factory)
    async with AsyncClient(transport=ASGITransport(app=cors_app), base_url="http://t") as client:
        allowed = await client.options(
            "/api/v1/auth/token",
            headers={"Origin": "https://h5.zdn.vn", "Access-Control-Request-Method": "POST"},
        )
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://h5.zdn.vn"
        other = await client.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
