"""Statistics tests run on the demo catalog and accounts, in a database of their own (the dossier
tests' template), each test inside a rolled-back transaction."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from httpx import ASGITransport, AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.config import Settings
from app.db import create_engine
from tests.conftest import PgServer, build_app, make_settings
from tests.dossiers.conftest import (  # noqa: F401 - fixtures shared with the dossier tests
    World,
    clone_demo,
    demo_template,
    dev_key,
)

STATS_TEST_DB = "motcua_stats"


@pytest.fixture(scope="session")
def settings(
    pg_server: PgServer,
    demo_template: str,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Settings:
    pg_server.admin(
        f'DROP DATABASE IF EXISTS "{STATS_TEST_DB}" WITH (FORCE)',
        f'CREATE DATABASE "{STATS_TEST_DB}" TEMPLATE "motcua_demo_template"',
    )
    data = tmp_path_factory.mktemp("stats-data")
    return make_settings(pg_server.url(STATS_TEST_DB), data_dir=data, upload_dir=data / "uploads")


@pytest.fixture(scope="session")
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    assert settings.database_url is not None
    engine = create_engine(settings.database_url.get_secret_value(), settings)
    yield engine
    await engine.dispose()


@pytest.fixture
async def world(
    settings: Settings,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    dev_key: bytes,  # noqa: F811
) -> AsyncIterator[World]:
    app = build_app(settings, engine, session_factory)
    app.state.dev_issuer.private_key_pem = dev_key
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        yield World(app, client, session_factory, settings)
