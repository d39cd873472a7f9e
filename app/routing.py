"""The request's unit of work: one transaction per request, committed before the response is sent.

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
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from starlette.datastructures import State

from app.db import SessionFactory

_SESSION_KEY = "db_session"
_READ_METHODS = frozenset({"GET", "HEAD"})


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
