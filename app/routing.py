"""The request's unit of work: every route transactional by default, reads by declaration.

Habit (STYLE.md 1): a request's session is committed by ``TransactionalRoute`` after the endpoint
returned and before the response is sent, and rolled back on any exception; services only
``flush()``. :class:`Router`, the project's router class, makes every route a ``TransactionalRoute``:
nothing to opt into, nothing to forget.

What kind of session a request gets is declared by its route, never decided by the HTTP method:

* a route that writes (the default) asks for :data:`Session` and runs in one real transaction, GET
  included (the VNPay IPN is a GET that writes: its locks are held until the commit);
* a route that only reads asks for :data:`ReadSession`: statement by statement, no BEGIN/COMMIT round
  trips (later pointed at a read replica), and refused at the first write
  (``db.ReadOnlySessionError``);
* dependencies shared by both kinds (authentication) ask for :func:`get_route_session`: the route's
  own session, so a request uses one connection.

A route that declares both kinds is refused when the app is built. The hot public reads (lookup,
catalog search) use a plain asyncpg pool of their own (:func:`read_connection`).

Answers that carry personal data are never stored by a browser or a proxy (issue 11): a router made
with ``Router(response_headers=NO_STORE)``, or an endpoint decorated with
``@response_headers(NO_STORE)``, answers with those headers (unless the endpoint set them itself).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine, Iterator, Mapping
from contextlib import asynccontextmanager
from enum import StrEnum
from typing import Annotated, Any

import asyncpg
from fastapi import APIRouter, Depends, Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from starlette.datastructures import State

from app.db import SessionFactory, connect_for_export
from app.errors import DomainError

_SESSION_KEY = "db_session"
_KIND_KEY = "db_session_kind"
_HEADERS_ATTRIBUTE = "__motcua_response_headers__"

# Personal data (dossiers, the lookup, uploads, accounts, tokens): no copy kept by any cache.
NO_STORE: Mapping[str, str] = {"Cache-Control": "no-store"}

Endpoint = Callable[..., Any]


def response_headers(headers: Mapping[str, str]) -> Callable[[Endpoint], Endpoint]:
    """Marks an endpoint so its successful answers carry ``headers`` (see :class:`TransactionalRoute`)."""

    def mark(endpoint: Endpoint) -> Endpoint:
        merged = {**getattr(endpoint, _HEADERS_ATTRIBUTE, {}), **headers}
        setattr(endpoint, _HEADERS_ATTRIBUTE, merged)
        return endpoint

    return mark


class SessionKind(StrEnum):
    write = "write"  # one transaction, committed before the response
    read = "read"  # statement by statement; writes refused


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


@asynccontextmanager
async def export_connection(state: State) -> AsyncIterator[Any]:
    """An asyncpg connection for a long streamed read: a connection of its own in a running service
    (``db.connect_for_export``), the test's own connection in apps built without a read pool."""
    if getattr(state, "read_pool", None) is None:
        async with read_connection(state) as conn:
            yield conn
        return
    conn = await connect_for_export(state.settings.database_url.get_secret_value())
    try:
        yield conn
    finally:
        await conn.close()


@asynccontextmanager
async def write_transaction(state: State) -> AsyncIterator[AsyncSession]:
    """A session of a route that writes, outside FastAPI's routing (a lean route): committed when the
    block ends, before the caller sends its answer; rolled back on any error, which propagates (the
    500 problem), as :class:`TransactionalRoute` does."""
    factory: SessionFactory = state.session_factory
    session = factory()
    try:
        try:
            yield session
        except BaseException as exc:
            if isinstance(exc, DomainError) and exc.commits:
                await session.commit()
            else:
                await session.rollback()
            raise
        try:
            await session.commit()
        except BaseException:
            await session.rollback()
            raise
    finally:
        await session.close()


def _request_session(request: Request) -> AsyncSession:
    """The request's one session, opened lazily with the factory of the route's kind."""
    session: AsyncSession | None = getattr(request.state, _SESSION_KEY, None)
    if session is None:
        kind = getattr(request.state, _KIND_KEY, SessionKind.write)
        state = request.app.state
        factory: SessionFactory = state.session_factory
        if kind is SessionKind.read:
            factory = getattr(state, "read_session_factory", None) or factory
        session = factory()
        setattr(request.state, _SESSION_KEY, session)
    return session


async def get_session(request: Request) -> AsyncSession:
    """The session of a route that writes: one transaction, committed before the response."""
    return _request_session(request)


async def get_read_session(request: Request) -> AsyncSession:
    """The session of a route that only reads (declaring it makes the route a read route)."""
    return _request_session(request)


async def get_route_session(request: Request) -> AsyncSession:
    """The route's own session, whichever kind the route declared (for shared dependencies)."""
    return _request_session(request)


Session = Annotated[AsyncSession, Depends(get_session)]
ReadSession = Annotated[AsyncSession, Depends(get_read_session)]


def _dependency_calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for dependency in dependant.dependencies:
        if dependency.call is not None:
            yield dependency.call
        yield from _dependency_calls(dependency)


def session_kind_of(dependant: Dependant, path: str) -> SessionKind:
    """The kind of session a route declared: read if it asks for ``ReadSession``, else write."""
    calls = set(_dependency_calls(dependant))
    if get_read_session in calls and get_session in calls:
        raise TypeError(f"route {path} declares both a read and a write session")
    return SessionKind.read if get_read_session in calls else SessionKind.write


class TransactionalRoute(APIRoute):
    """Commits the request's session before the response leaves; rolls back on any error.

    A plain ``yield`` dependency may run its exit code after the response was sent, so a failed commit
    would hide behind a 200. Here the commit happens first and a failure becomes the response. The
    headers the endpoint was marked with (:func:`response_headers`) are added to its answer.

    A domain error raised with ``commits=True`` (``app.errors.DomainError``) commits the request's
    writes before its problem is rendered; a failing commit then becomes the response (500) instead.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.session_kind = session_kind_of(self.dependant, self.path)
        self.extra_headers: Mapping[str, str] = getattr(self.endpoint, _HEADERS_ATTRIBUTE, {})

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def transactional_handler(request: Request) -> Response:
            setattr(request.state, _KIND_KEY, self.session_kind)
            try:
                response = await handler(request)
            except BaseException as exc:
                session = getattr(request.state, _SESSION_KEY, None)
                if session is not None:
                    try:
                        if isinstance(exc, DomainError) and exc.commits:
                            await session.commit()  # an error that commits (a throttle's count)
                        else:
                            await session.rollback()
                    finally:
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
            for name, value in self.extra_headers.items():
                response.headers.setdefault(name, value)
            return response

        return transactional_handler


class Router(APIRouter):
    """The project's router: every route is a :class:`TransactionalRoute`, with no opt-in.

    ``response_headers`` marks every endpoint of the router (``NO_STORE`` for a router whose every
    answer is personal data), as :func:`response_headers` marks one.
    """

    def __init__(self, *, response_headers: Mapping[str, str] | None = None, **kwargs: Any) -> None:
        route_class = kwargs.setdefault("route_class", TransactionalRoute)
        if not issubclass(route_class, TransactionalRoute):
            raise TypeError("the project's routes are TransactionalRoute (app/routing.py)")
        super().__init__(**kwargs)
        self.default_headers: Mapping[str, str] = response_headers or {}

    def add_api_route(self, path: str, endpoint: Endpoint, **kwargs: Any) -> None:
        if self.default_headers:
            endpoint = _mark_default(endpoint, self.default_headers)
        super().add_api_route(path, endpoint, **kwargs)


def _mark_default(endpoint: Endpoint, headers: Mapping[str, str]) -> Endpoint:
    """The router's headers under the endpoint's own (an endpoint's mark wins)."""
    merged = {**headers, **getattr(endpoint, _HEADERS_ATTRIBUTE, {})}
    setattr(endpoint, _HEADERS_ATTRIBUTE, merged)
    return endpoint
