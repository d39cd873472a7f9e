"""Engines, session factories and the pool of public reads; no web framework here.

The request's unit of work (one transaction per request) is ``app.routing``; the hot public reads
(lookup, catalog search) use a plain asyncpg pool of their own (``create_read_pool``).
"""

from __future__ import annotations

from typing import Any

import asyncpg
from sqlalchemy import TextClause, event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import ORMExecuteState, Session

from app.config import Settings

SessionFactory = async_sessionmaker[AsyncSession]


def create_engine(url: str, settings: Settings) -> AsyncEngine:
    return create_async_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        # With asyncpg a pre-ping is three round trips per checkout (BEGIN, ping, ROLLBACK): off unless
        # the database can fail over without closing connections. Connections are recycled instead.
        pool_pre_ping=settings.db_pre_ping,
        pool_recycle=settings.db_pool_recycle_seconds,
        # a failing statement's parameters (names, ids, addresses, PINs) never reach an exception's
        # text, so no log or traceback can carry them (Decree 13/2023; DESIGN.md section 10)
        hide_parameters=True,
        connect_args={"server_settings": {"application_name": "motcua", "timezone": "UTC"}},
    )


async def _nothing_to_reset(connection: asyncpg.Connection) -> None:
    """The read pool's connections change no session state (single statements: no SET, LISTEN,
    cursors or advisory locks), so the reset query asyncpg would send on every release (a round trip
    per request) has nothing to undo; an open transaction is still rolled back by asyncpg itself."""


def asyncpg_dsn(url: str) -> str:
    """The SQLAlchemy URL (``postgresql+asyncpg://``) as a plain DSN for asyncpg itself."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def connect_for_export(url: str) -> asyncpg.Connection:
    """A connection of its own for one long streamed read (the register): read-only, never pooled,
    so an export holds none of the connections the requests and the public reads share."""
    return await asyncpg.connect(
        asyncpg_dsn(url),
        server_settings={
            "application_name": "motcua-export",
            "timezone": "UTC",
            "default_transaction_read_only": "on",
        },
    )


async def create_read_pool(url: str, settings: Settings) -> asyncpg.Pool:
    """The pool of the hot public reads (lookup, catalog search): plain asyncpg, fixed size.

    Each read is one or two single statements outside any transaction (no BEGIN/COMMIT round trips),
    prepared and cached per connection by asyncpg. Connections open on demand up to ``db_pool_size``
    and stay open (a pool that opened and closed connections per burst would fork a PostgreSQL
    backend per request); idle ones close after ``db_pool_recycle_seconds``. A connection broken by a
    database restart fails one request with the usual 500 problem and is replaced.
    """
    return await asyncpg.create_pool(
        asyncpg_dsn(url),
        min_size=0,
        max_size=settings.db_pool_size,
        max_inactive_connection_lifetime=settings.db_pool_recycle_seconds,
        server_settings={"application_name": "motcua-reads", "timezone": "UTC"},
        reset=_nothing_to_reset,
    )


def create_session_factory(bind: Any, info: dict[str, Any] | None = None) -> SessionFactory:
    """Sessions of the routes that write. ``info`` is every session's ``Session.info`` (the API's
    process-wide caches, e.g. the calendar's overrides)."""
    return async_sessionmaker(
        bind=bind, expire_on_commit=False, autoflush=False, info=dict(info or {})
    )


class ReadOnlySessionError(RuntimeError):
    """A read session was asked to write: the route must declare ``Session``, not ``ReadSession``."""


_READ_STATEMENT_WORDS = frozenset({"SELECT", "SHOW", "VALUES", "EXPLAIN"})


class ReadOnlySession(Session):
    """A session that refuses to write: flushes with changes, and statements other than reads."""


@event.listens_for(ReadOnlySession, "before_flush")
def _refuse_flush(session: Session, flush_context: Any, instances: Any) -> None:
    if session.new or session.dirty or session.deleted:
        raise ReadOnlySessionError("a read session cannot write (declare Session on the route)")


@event.listens_for(ReadOnlySession, "do_orm_execute")
def _refuse_writes(state: ORMExecuteState) -> None:
    statement = state.statement
    if state.is_select:
        return
    if isinstance(statement, TextClause):
        words = statement.text.split(None, 1)
        if words and words[0].upper() in _READ_STATEMENT_WORDS:
            return
    raise ReadOnlySessionError("a read session cannot write (declare Session on the route)")


def create_read_session_factory(bind: AsyncEngine | AsyncConnection) -> SessionFactory:
    """Sessions of the routes that only read: they refuse to write (``ReadOnlySessionError``).

    On an engine each statement runs on its own (autocommit: no BEGIN and COMMIT round trips); reads
    lose nothing by it, since under READ COMMITTED every statement takes its own snapshot even inside
    a transaction. On a connection (the tests' rolled-back transaction) the sessions join it.
    """
    if isinstance(bind, AsyncConnection):
        return async_sessionmaker(
            bind=bind,
            expire_on_commit=False,
            autoflush=False,
            join_transaction_mode="create_savepoint",
            sync_session_class=ReadOnlySession,
        )
    return async_sessionmaker(
        bind=bind.execution_options(isolation_level="AUTOCOMMIT"),
        expire_on_commit=False,
        autoflush=False,
        sync_session_class=ReadOnlySession,
    )
