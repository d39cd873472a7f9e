"""Portal tests: dossiers built through the API on the demo catalog, sent over real HTTP to the fake
national portal (``app.devtools.fake_portal``) running in a thread of this process.

The demo template and the ``world`` helpers come from tests/dossiers; this folder has its own database
(``motcua_portal``) and settings that point the adapter at the fake.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.config import Settings
from app.db import create_engine
from app.devtools.fake_portal.runner import serving
from app.devtools.fake_portal.server import FakePortal, FakePortalConfig
from app.services.portal import payloads
from app.services.portal import snapshot as portal_snapshot
from app.services.portal.client import PortalClient, PortalConfig, SyncResult
from tests.conftest import PgServer, make_settings

# Fixtures shared with tests/dossiers (pytest finds fixtures imported into a conftest).
from tests.dossiers.conftest import (  # noqa: F401
    DEMO_TEMPLATE,
    World,
    demo_template,
    dev_key,
    world,
)

PORTAL_DB = "motcua_portal"
PORTAL_USER = "motcua-h99"
PORTAL_PASSWORD = "mat-khau-ket-noi-dvcqg-kiem-thu"
DSTCODE = "H99"
PUBLIC_BASE = "https://motcua.h99.example.vn"


@pytest.fixture(scope="session")
def fake_portal() -> Iterator[tuple[FakePortal, str]]:
    config = FakePortalConfig(username=PORTAL_USER, password=PORTAL_PASSWORD, dstcode=DSTCODE)
    with serving(config) as running:
        yield running


@pytest.fixture(scope="session")
def settings(
    pg_server: PgServer,
    demo_template: str,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
    fake_portal: tuple[FakePortal, str],
) -> Settings:
    pg_server.admin(
        f'DROP DATABASE IF EXISTS "{PORTAL_DB}" WITH (FORCE)',
        f'CREATE DATABASE "{PORTAL_DB}" TEMPLATE "{DEMO_TEMPLATE}"',
    )
    data = tmp_path_factory.mktemp("portal-data")
    return make_settings(
        pg_server.url(PORTAL_DB),
        data_dir=data,
        upload_dir=data / "uploads",
        portal_base_url=fake_portal[1],
        portal_username=PORTAL_USER,
        portal_password=PORTAL_PASSWORD,
        portal_dstcode=DSTCODE,
        portal_timeout_seconds=2.0,
        public_base_url=PUBLIC_BASE,
    )


@pytest.fixture(scope="session")
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    assert settings.database_url is not None
    engine = create_engine(settings.database_url.get_secret_value(), settings)
    yield engine
    await engine.dispose()


@dataclass
class Portal:
    """The fake portal seen from a test: its control endpoints and a client of ours pointing at it."""

    url: str
    http: httpx.AsyncClient
    client: PortalClient
    settings: Settings

    async def received(self, service: str | None = None) -> list[dict[str, Any]]:
        params = {"service": service} if service else {}
        response = await self.http.get(f"{self.url}/_fake/received", params=params)
        calls: list[dict[str, Any]] = response.json()["calls"]
        return calls

    async def logins(self) -> int:
        count: int = (await self.http.get(f"{self.url}/_fake/received")).json()["logins"]
        return count

    async def dossiers(self) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = (
            await self.http.get(f"{self.url}/_fake/dossiers")
        ).json()["dossiers"]
        return found

    async def fault(self, mode: str, **options: Any) -> None:
        response = await self.http.post(f"{self.url}/_fake/faults", json={"mode": mode, **options})
        assert response.status_code == 200, response.text

    async def expire_sessions(self) -> None:
        await self.http.post(f"{self.url}/_fake/sessions/expire")

    def links(self) -> payloads.LinkPolicy:
        return payloads.LinkPolicy(
            PUBLIC_BASE,
            self.settings.secret_key.get_secret_value(),
            datetime.now(UTC) + timedelta(days=30),
        )

    async def send(self, on: World, code: str, *, known: bool = False) -> SyncResult:
        """Snapshot the dossier now and sync it to the fake, the whole way."""
        async with on.factory() as session:
            snap = await portal_snapshot.load(session, code)
        item = payloads.dossier_payload(snap, self.links())
        rows = payloads.progress_rows(snap)
        return await self.client.sync(snap.receiving_office_code, item, rows, known=known)


@pytest.fixture
async def portal(fake_portal: tuple[FakePortal, str], settings: Settings) -> AsyncIterator[Portal]:
    url = fake_portal[1]
    async with httpx.AsyncClient() as http:
        await http.post(f"{url}/_fake/reset")
        config = PortalConfig.from_settings(settings)
        assert config is not None
        yield Portal(url, http, PortalClient(http, config), settings)
