"""The demo is safe on a LAN (issue 11): its own secret, the dev issuer and LAN binding by flag only."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from httpx import ASGITransport, AsyncClient
from pydantic import SecretStr, ValidationError

from app.cli.demo_safety import demo_secret_key, is_loopback
from app.cli.main import _check_demo_host
from app.config import PLACEHOLDER_SECRET, Environment, Settings
from app.main import create_app
from tests.conftest import make_settings

UNUSED_DB = "postgresql+asyncpg://unused@localhost/unused"


def test_the_demo_secret_is_random_private_and_kept(tmp_path: Path) -> None:
    first = demo_secret_key(tmp_path / "data")
    assert len(first) >= 32 and first != PLACEHOLDER_SECRET
    assert (tmp_path / "data" / "secret-key").stat().st_mode & 0o777 == 0o600
    assert demo_secret_key(tmp_path / "data") == first  # a restart signs with the same secret
    assert demo_secret_key(tmp_path / "other") != first  # each data folder its own


def test_a_truncated_secret_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret-key").write_text("short")
    with pytest.raises(ValueError, match="at least 32"):
        demo_secret_key(tmp_path)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.1.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),  # noqa: S104
        ("::", False),
        ("192.168.1.10", False),
        ("demo.example", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_a_lan_host_needs_allow_lan_and_is_warned_about(capsys: pytest.CaptureFixture[str]) -> None:
    _check_demo_host("127.0.0.1", allow_lan=False)
    with pytest.raises(click.ClickException, match="--allow-lan"):
        _check_demo_host("0.0.0.0", allow_lan=False)  # noqa: S104
    _check_demo_host("0.0.0.0", allow_lan=True)  # noqa: S104
    assert "WARNING: the demo listens on 0.0.0.0" in capsys.readouterr().err


def test_the_placeholder_secret_is_refused_outside_demo_and_tests() -> None:
    with pytest.raises(ValidationError, match="MOTCUA_SECRET_KEY"):
        Settings(env=Environment.development, _env_file=None)  # type: ignore[call-arg]
    Settings(env=Environment.development, secret_key=SecretStr("d" * 40), _env_file=None)  # type: ignore[call-arg]
    for env in (Environment.demo, Environment.test):  # the demo command replaces it (see above)
        Settings(env=env, _env_file=None)  # type: ignore[call-arg]


def test_the_dev_issuer_is_off_unless_asked_and_refused_in_production() -> None:
    assert not Settings(env=Environment.demo, _env_file=None).dev_issuer_enabled  # type: ignore[call-arg]
    assert Settings(env=Environment.demo, dev_issuer=True, _env_file=None).dev_issuer_enabled  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="MOTCUA_DEV_ISSUER"):
        Settings(
            env=Environment.production,
            database_url=SecretStr(UNUSED_DB),
            secret_key=SecretStr("s" * 40),
            dev_issuer=True,
            _env_file=None,  # type: ignore[call-arg]
        )


async def test_without_the_flag_there_is_no_dev_route() -> None:
    app = create_app(make_settings(UNUSED_DB, dev_issuer=False))
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://t") as client:
        mint = await client.post(
            "/api/v1/dev/citizen-token", json={"subject": "x", "full_name": "X"}
        )
    assert mint.status_code == 404
    assert not hasattr(app.state, "dev_issuer")
