"""Test infrastructure: a real PostgreSQL, schema from ``alembic upgrade head``.

* ``db_url``: a database migrated once per run; each test runs inside an outer transaction that is
  rolled back (sessions join it with ``join_transaction_mode="create_savepoint"``).
* ``clone_database()``: a fresh database cloned from the migrated template, for tests whose requests
  commit for real and run in parallel, or that run the service as a subprocess.

The server is ``MOTCUA_TEST_DATABASE_URL`` when set (any PostgreSQL 14+ with CREATEDB rights), else an
embedded PostgreSQL started for the run.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from pydantic import SecretStr
from sqlalchemy import delete
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

import app.main as app_main
from app import migrate
from app.config import Environment, Settings
from app.db import create_engine, create_read_session_factory
from app.main import create_app
from app.models.throttle import ThrottleCounter
from app.models.user import Role
from app.observability import JsonFormatter
from app.services.identity import users as users_service
from app.services.identity.tokens import TokenService
from app.services.system.health import alembic_heads

TEMPLATE_DB = "motcua_template"
TEST_DB = "motcua_test"
TEST_SECRET = secrets.token_urlsafe(48)
# The province's root agency in every test: an admin there is the province administrator.
PROVINCE_ROOT = "000.00.00.H99"


# Personal data the tests send as applicants and citizens: the log of the whole suite must carry none
# of it (Decree 13/2023; issue 11). Checked at the end of the session on every log line the app wrote
# in this process, formatted as in production.
PERSONAL_DATA_SENT = (
    "Lê Văn Cường",
    "Trần Thị Hoa",
    "Nguyễn Văn An",
    "Nguyễn Thị Bích Ngọc",
    "001099012345",
    "001203004567",
    "001199054321",
    "001088001122",
    "079099000111",
    "0912345678",
    "0987654321",
    "an.nguyen@example.vn",
    "ngoc.nguyen@example.vn",
)


class _LogSink(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(JsonFormatter())
        self.leaks: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        line = self.format(record)
        self.leaks.extend(
            f"{value!r} in {line[:300]}" for value in PERSONAL_DATA_SENT if value in line
        )


@pytest.fixture(scope="session", autouse=True)
def personal_data_never_logged() -> Iterator[None]:
    """Every app built in the suite logs through a sink that fails the run on personal data."""
    sink = _LogSink()
    original = app_main.configure_logging

    def configure_and_watch(level: str = "INFO", *, json_logs: bool = True) -> None:
        original(level, json_logs=json_logs)
        logging.getLogger().addHandler(sink)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(app_main, "configure_logging", configure_and_watch)
        logging.getLogger().addHandler(sink)
        yield
    assert sink.leaks == [], "personal data reached the log"


@dataclass(frozen=True)
class PgServer:
    """A PostgreSQL server on which tests may create databases."""

    base_url: str  # SQLAlchemy URL of any database on the server

    def url(self, database: str) -> str:
        return make_url(self.base_url).set(database=database).render_as_string(hide_password=False)

    def dsn(self, database: str) -> str:
        """asyncpg DSN (no +asyncpg driver suffix; a Unix socket host passed as a query parameter)."""
        url = make_url(self.url(database))
        host = url.query.get("host")
        auth = url.username or "postgres"
        if url.password:
            auth += f":{url.password}"
        if host:
            return f"postgresql://{auth}@/{database}?host={host}"
        return f"postgresql://{auth}@{url.host}:{url.port or 5432}/{database}"

    def admin(self, *statements: str) -> None:
        async def run() -> None:
            conn = await asyncpg.connect(self.dsn("postgres"))
            try:
                for statement in statements:
                    await conn.execute(statement)
            finally:
                await conn.close()

        # a thread of its own, so this works from sync fixtures and from inside async tests alike
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, run()).result()

    def create_from_template(self, name: str) -> str:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE_DB}"')
        return self.url(name)

    def drop(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    external = os.environ.get("MOTCUA_TEST_DATABASE_URL")
    if external:
        yield PgServer(external)
        return
    from app.embedded_pg import EmbeddedPostgres

    os.environ.setdefault("MOTCUA_EMBEDDED_FAST", "1")  # fsync off: test data is disposable
    # A folder of its own rather than pytest's basetemp: that one is 0700 and pruned by other runs.
    root = Path(tempfile.mkdtemp(prefix="motcua-test-pg-"))
    root.chmod(0o711)  # our own folder: the server's user (as root: motcua-pg) must traverse it
    embedded = EmbeddedPostgres(root / "data")
    url = embedded.start()
    try:
        yield PgServer(url)
    finally:
        embedded.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def migrated_template(pg_server: PgServer) -> str:
    """The template every test database is cloned from, built by ``alembic upgrade head``."""
    pg_server.admin(
        f'DROP DATABASE IF EXISTS "{TEMPLATE_DB}" WITH (FORCE)', f'CREATE DATABASE "{TEMPLATE_DB}"'
    )
    url = pg_server.url(TEMPLATE_DB)
    migrate.upgrade(url)
    return url


@pytest.fixture(scope="session")
def db_url(pg_server: PgServer, migrated_template: str) -> str:
    return pg_server.create_from_template(TEST_DB)


@pytest.fixture(scope="session")
def pg_dsn_of(pg_server: PgServer) -> Callable[[str], str]:
    """The asyncpg DSN of a database given by its SQLAlchemy URL (an observer's own connection)."""

    def dsn(url: str) -> str:
        database = make_url(url).database
        assert database is not None
        return pg_server.dsn(database)

    return dsn


@pytest.fixture(scope="session")
def clone_database(pg_server: PgServer, migrated_template: str) -> Iterator[Callable[[], str]]:
    """Factory of databases cloned from the migrated template, for committed/concurrent tests."""
    created: list[str] = []

    def clone() -> str:
        name = f"motcua_c_{uuid.uuid4().hex[:12]}"
        created.append(name)
        return pg_server.create_from_template(name)

    yield clone
    for name in created:
        pg_server.drop(name)


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "env": Environment.test,
        "database_url": SecretStr(database_url),
        "secret_key": SecretStr(TEST_SECRET),
        "log_json": True,
        "log_level": "WARNING",
        "province_root_agency": PROVINCE_ROOT,
        # the tests mint citizen tokens with the development issuer (never in production)
        "dev_issuer": overrides.get("env", Environment.test) is not Environment.production,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def settings(db_url: str) -> Settings:
    return make_settings(db_url)


@pytest.fixture(scope="session")
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    assert settings.database_url is not None
    engine = create_engine(settings.database_url.get_secret_value(), settings)
    async with engine.begin() as conn:  # throttling state is committed for real; start clean
        await conn.execute(delete(ThrottleCounter))
    yield engine
    await engine.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as conn:
        outer = await conn.begin()
        try:
            yield conn
        finally:
            await outer.rollback()


@pytest.fixture
def session_factory(connection: AsyncConnection) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(
        bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
    )


@pytest.fixture
async def session(
    session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    async with session_factory() as session:
        yield session


def build_app(
    settings: Settings, engine: AsyncEngine, factory: async_sessionmaker[AsyncSession]
) -> FastAPI:
    app = create_app(settings)
    app.state.engine = engine
    app.state.session_factory = factory
    # read routes get sessions that refuse to write, joined to the same (rolled-back) transaction
    app.state.read_session_factory = create_read_session_factory(factory.kw["bind"])
    app.state.alembic_heads = alembic_heads()
    return app


@pytest.fixture
def app(
    settings: Settings, engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> FastAPI:
    return build_app(settings, engine, session_factory)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[AsyncClient]:
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        yield client


@dataclass(frozen=True)
class Officer:
    id: uuid.UUID
    username: str
    password: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


OfficerFactory = Callable[..., Awaitable[Officer]]


@pytest.fixture
def make_officer(
    session_factory: async_sessionmaker[AsyncSession], settings: Settings
) -> OfficerFactory:
    """Create an officer holding ``roles`` [(agency, role), ...] and a valid token for it."""

    async def factory(*roles: tuple[str, Role], password: str = "mat-khau-kiem-thu") -> Officer:
        username = f"officer-{uuid.uuid4().hex[:10]}"
        async with session_factory() as session:
            user = await users_service.create_user(
                session,
                users_service.NewUser(username, "Cán bộ kiểm thử", password, frozenset(roles)),
            )
            await session.commit()
        token, _ = TokenService(settings).issue_officer_token(user.id, user.username, roles)
        return Officer(user.id, user.username, password, token)

    return factory
