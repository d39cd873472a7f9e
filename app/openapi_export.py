"""Renders the OpenAPI document without a database (used by `motcua openapi` and its test)."""

from __future__ import annotations

import json
import secrets

from pydantic import SecretStr

from app.config import Environment, Settings
from app.main import create_app


def settings_for_export() -> Settings:
    """Settings that build the whole app (every route documented) with no database behind it."""
    return Settings(
        env=Environment.development,
        database_url=SecretStr("postgresql+asyncpg://unused@localhost/unused"),
        secret_key=SecretStr(secrets.token_urlsafe(48)),  # signs nothing; not the placeholder
        dev_issuer=True,  # the development routes are documented (tag "dev")
        docs_enabled=True,
        _env_file=None,
    )


def render() -> str:
    app = create_app(settings_for_export())
    return json.dumps(app.openapi(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
