"""The portal's settings: off unless configured, safe in production, and the side effect they wire."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import SecretStr, ValidationError

from app.config import Environment, Settings
from app.models.dossier import Action
from app.services.dossiers.side_effects import topics_of
from app.services.portal.client import PortalConfig

STRONG = "s" * 48
DB = "postgresql+asyncpg://u:p@db/motcua"


def _settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_changes_queue_a_portal_sync_only_when_a_portal_is_configured() -> None:
    off = _settings(env=Environment.test)
    on = _settings(env=Environment.test, portal_base_url="http://127.0.0.1:8900")
    assert "portal.sync" not in topics_of(Action.assign, off)
    assert topics_of(Action.assign, on) == ("portal.sync",)
    assert topics_of("submit", on) == ("notification.log", "portal.sync")
    assert PortalConfig.from_settings(off) is None
    config = PortalConfig.from_settings(
        _settings(
            env=Environment.test,
            portal_base_url="http://p/",
            portal_session_expired_codes="-2, 401",
        )
    )
    assert config is not None
    assert config.base_url == "http://p" and config.expired_codes == {"-2", "401"}
    assert "mat" not in repr(
        PortalConfig.from_settings(
            _settings(env=Environment.test, portal_base_url="http://p", portal_password="mat")
        )
    )


@pytest.mark.parametrize(
    ("values", "refusal"),
    [
        ({"portal_base_url": "http://portal.example"}, "must use https"),
        ({"portal_base_url": "https://portal.example"}, "MOTCUA_PORTAL_PASSWORD"),
    ],
)
def test_production_refuses_an_unsafe_portal(values: dict[str, Any], refusal: str) -> None:
    base = {"database_url": SecretStr(DB), "secret_key": SecretStr(STRONG)}
    with pytest.raises(ValidationError, match=refusal):
        _settings(**base, **values)
    _settings(
        **base,
        portal_base_url="https://portal.example",
        portal_username="motcua",
        portal_password=SecretStr("p" * 20),
        portal_dstcode="H99",
    )
