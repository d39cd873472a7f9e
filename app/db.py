"""Engine, session factories, the one-transaction-per-request unit of work, the pool of public reads.

Habit: a request's session is committed by ``TransactionalRoute`` after the endpoint returned and
before the response is sent, and rolled back on any exception; services only ``flush()``. GET and
HEAD requests get an autocommit session (statement by statement, no BEGIN/COMMIT). The hot public
reads (lookup, catalog search) use a plain asyncpg pool of their own (``read_connection``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from fastapi import Request, Response
from fastapi.routing import APIRoute
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from starlette.datastructures import State

from app.config import Settings

SessionFactory = async_sessionmaker[AsyncSession]

_SESSION_KEY = "db_session"


def create_engine(url: str, settings: Settings) -> AsyncEngine:
    return create_async_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        # With asyncpg a pre-ping is three round trips per checkout (BEGIN, ping, ROLLBACK): off unless
        # the database can fail over without closing connections. Connections are recycled instead.
        pool_pre_ping=settings.db_pre_ping,
        pool_recycle=settings.db_pool_recycle_seconds,
        connect_args={"server_settings": {"application_name": "motcua", "timezone": "UTC"}},
    )


async def create_read_pool(url: str, settings: Settings) -> asyncpg.Pool:
    """The pool of the hot public reads (lookup, catalog search): plain asyncpg, fixed size.

    Each read is one or two single statements outside any transaction (no BEGIN/COMMIT round trips),
    prepared and cached per connection by asyncpg. Connections open on demand up to ``db_pool_size``
    and stay open (a pool that opened and closed connections per burst would fork a PostgreSQL
    backend per request); idle ones close after ``db_pool_recycle_seconds``. A connection broken by a
    database restart fails one request with the usual 500 problem and is replaced.
    """
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    return await asyncpg.create_pool(
        dsn,
        min_size=0,
        max_size=settings.db_pool_size,
        max_inactive_connection_lifetime=settings.db_pool_recycle_seconds,
        server_settings={"application_name": "motcua-reads", "timezone": "UTC"},
    )


@asynccontextmanager
async def read_connection(state: State) -> AsyncIterator[Any]:
    """An asyncpg connection for a public read: from the read pool (made in the app's lifespan).

    Apps built without one (tests) read through the request sessions' bind: an engine, or the test's
    own connection (then inside its transaction, so the reads see the test's data).
    """
    pool: asyncpg.Pool | None = getattr(state, "read_pool", None)
    if pool is not None:
        async with pool.acquire() as conn:
            yield conn
        return
    bind = state.session_factory.kw["bind"]
    if isinstance(bind, AsyncConnection):
        yield (await bind.get_raw_connection()).driver_connection
        return
    async with bind.connect() as connection:
        yield (await connection.get_raw_connection()).driver_connection


def create_session_factory(bind: Any) -> SessionFactory:
    return async_sessionmaker(bind=bind, expire_on_commit=False, autoflush=False)


_READ_METHODS = frozenset({"GET", "HEAD"})


def create_read_session_factory(engine: AsyncEngine) -> SessionFactory:
    """Sessions of GET and HEAD requests: each statement on its own, no BEGIN and COMMIT round trips.

    Reads lose nothing by it: under READ COMMITTED every statement takes its own snapshot even inside
    a transaction. A GET writes nothing; if one did, each statement would still commit.
    """
    return create_session_factory(engine.execution_options(isolation_level="AUTOCOMMIT"))


async def get_session(request: Request) -> AsyncSession:
    """The request's session, opened lazily; ``TransactionalRoute`` commits or rolls it back."""
    session: AsyncSession | None = getattr(request.state, _SESSION_KEY, None)
    if session is None:
        state = request.app.state
        factory: SessionFactory = state.session_factory
        if request.method in _READ_METHODS and getattr(state, "read_session_factory", None):
            factory = state.read_session_factory
        session = factory()
        setattr(request.state, _SESSION_KEY, session)
    return session


class TransactionalRoute(APIRoute):
    """Commits the request's session before the response leaves; rolls back on any error.

    A plain ``yield`` dependency may run its exit code after the response was sent, so a failed commit
    would hide behind a 200. Here the commit happens first and a failure becomes the response.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def transactional_handler(request: Request) -> Response:
            try:
                response = await handler(request)
            except BaseException:
                session = getattr(request.state, _SESSION_KEY, None)
                if session is not None:
                    await session.rollback()
                    await session.close()
                raise
            session = getattr(request.state, _SESSION_KEY, None)
            if session is not None:
                try:
                    await session.commit()
                except BaseException:
                    await session.rollback()
                    raise
                finally:
                    await session.close()
            return response

        return transactional_handler
