"""Transactions by default, reads by declaration (app/routing.py), through the app's real lifespan.

The kind of session is declared by the route, never decided by the HTTP method: a route that asks for
``ReadSession`` reads statement by statement (inside a transaction ``now()`` is the transaction's start
and repeats; outside, each statement has its own) and cannot write; every other route, GET included,
runs in one transaction committed before the response, whose locks are held until that commit.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from fastapi import Depends, FastAPI, Request
from fastapi.routing import iter_route_contexts
from httpx import ASGITransport, AsyncClient
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import ProblemCode, TooManyRequests, Unauthorized
from app.main import create_app
from app.models.outbox import OutboxMessage
from app.models.user import Role
from app.routing import (
    ReadSession,
    Router,
    Session,
    TransactionalRoute,
    get_route_session,
)
from app.security import get_caller
from app.services.identity.principals import Principal
from app.services.system import outbox as outbox_service
from tests.conftest import make_settings


async def _clock_pair(session: AsyncSession) -> dict[str, bool]:
    first = await session.scalar(text("SELECT now()"))
    await asyncio.sleep(0.02)
    second = await session.scalar(text("SELECT now()"))
    return {"same_transaction": first == second}


async def _read_clocks(session: ReadSession) -> dict[str, bool]:
    return await _clock_pair(session)


async def _write_clocks(session: Session) -> dict[str, bool]:
    return await _clock_pair(session)


@asynccontextmanager
async def _served(app: FastAPI) -> AsyncIterator[AsyncClient]:
    async with app.router.lifespan_context(app):
        transport = ASGITransport(app=app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def test_read_routes_run_statement_by_statement_and_other_routes_in_a_transaction(
    clone_database: Callable[[], str], tmp_path: Path
) -> None:
    app = create_app(make_settings(clone_database(), data_dir=tmp_path))
    probes = Router()
    probes.add_api_route("/probe-read", _read_clocks, methods=["GET"])
    probes.add_api_route("/probe-get-write", _write_clocks, methods=["GET"])
    probes.add_api_route("/probe-post-write", _write_clocks, methods=["POST"])
    app.include_router(probes)
    async with _served(app) as client:
        read = await client.get("/probe-read")
        get_write = await client.get("/probe-get-write")
        post_write = await client.post("/probe-post-write")
    assert read.json() == {"same_transaction": False}
    assert get_write.json() == {"same_transaction": True}  # the method never decides
    assert post_write.json() == {"same_transaction": True}


async def test_a_get_that_writes_holds_the_outbox_lock_until_its_commit(
    clone_database: Callable[[], str], tmp_path: Path, pg_dsn_of: Callable[[str], str]
) -> None:
    url = clone_database()
    app = create_app(make_settings(url, data_dir=tmp_path))
    enqueued = asyncio.Event()
    finish = asyncio.Event()

    async def ipn_like(session: Session) -> dict[str, int]:
        """A GET that writes, like the VNPay IPN: enqueue, then more work before the commit."""
        message = await outbox_service.enqueue(session, "test.ipn", "dossier-1", {"seq": 1})
        pid = await session.scalar(select(func.pg_backend_pid()))
        enqueued.set()
        await finish.wait()
        return {"id": message.id, "pid": int(pid or 0)}

    probes = Router()
    probes.add_api_route("/ipn-like", ipn_like, methods=["GET"])
    app.include_router(probes)
    observer = await asyncpg.connect(pg_dsn_of(url))
    try:
        async with _served(app) as client:
            call = asyncio.create_task(client.get("/ipn-like"))
            await asyncio.wait_for(enqueued.wait(), 10)
            locks_during = await observer.fetchval(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1",
                outbox_service.ENQUEUE_LOCK_NAMESPACE,
            )
            visible_during = await observer.fetchval("SELECT count(*) FROM outbox_messages")
            await asyncio.sleep(0.2)  # still held while the route works
            locks_later = await observer.fetchval(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1",
                outbox_service.ENQUEUE_LOCK_NAMESPACE,
            )
            finish.set()
            response = await call
        locks_after = await observer.fetchval(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1",
            outbox_service.ENQUEUE_LOCK_NAMESPACE,
        )
        committed = await observer.fetchval(
            "SELECT count(*) FROM outbox_messages WHERE id = $1", response.json()["id"]
        )
    finally:
        await observer.close()
    assert response.status_code == 200
    assert (locks_during, locks_later) == (1, 1)  # one transaction: the lock outlives a statement
    assert visible_during == 0  # not committed yet
    assert (locks_after, committed) == (0, 1)


async def test_a_failing_commit_becomes_the_response(
    clone_database: Callable[[], str], tmp_path: Path, pg_dsn_of: Callable[[str], str]
) -> None:
    url = clone_database()
    app = create_app(make_settings(url, data_dir=tmp_path))

    async def violates_at_commit(session: Session) -> dict[str, str]:
        # a deferred unique constraint is checked at COMMIT, after the endpoint has returned
        await session.execute(
            text(
                "CREATE TABLE IF NOT EXISTS commit_probe "
                "(x int UNIQUE DEFERRABLE INITIALLY DEFERRED)"
            )
        )
        await session.execute(text("INSERT INTO commit_probe VALUES (1), (1)"))
        return {"looks": "fine"}

    probes = Router()
    probes.add_api_route("/violates-at-commit", violates_at_commit, methods=["POST"])
    app.include_router(probes)
    async with _served(app) as client:
        response = await client.post("/violates-at-commit")
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "internal_error"
    observer = await asyncpg.connect(pg_dsn_of(url))
    try:
        table = await observer.fetchval("SELECT to_regclass('commit_probe')")
    finally:
        await observer.close()
    assert table is None  # the whole transaction rolled back


async def test_an_error_that_commits_keeps_the_requests_writes_others_roll_back(
    clone_database: Callable[[], str], tmp_path: Path, pg_dsn_of: Callable[[str], str]
) -> None:
    """Errors that commit (a throttle's count must outlive its 401/429): the route commits before
    rendering the problem; any other error, domain or not, rolls the writes back."""
    url = clone_database()
    app = create_app(make_settings(url, data_dir=tmp_path))

    def failing(kind: str) -> Callable[..., Any]:
        async def endpoint(session: Session) -> None:
            await outbox_service.enqueue(session, "test.errors", kind, {"kind": kind})
            if kind == "commits-401":
                raise Unauthorized("x", code=ProblemCode.invalid_credentials, commits=True)
            if kind == "commits-429":
                raise TooManyRequests(code=ProblemCode.login_throttled, retry_after=7, commits=True)
            if kind == "rolls-back":
                raise Unauthorized("x", code=ProblemCode.invalid_credentials)
            raise RuntimeError("not a domain error")

        return endpoint

    probes = Router()
    kinds = ("commits-401", "commits-429", "rolls-back", "crash")
    for kind in kinds:
        probes.add_api_route(f"/fail-{kind}", failing(kind), methods=["POST"])
    app.include_router(probes)
    async with _served(app) as client:
        responses = {kind: await client.post(f"/fail-{kind}") for kind in kinds}
    observer = await asyncpg.connect(pg_dsn_of(url))
    try:
        kept = {
            r["ordering_key"]
            for r in await observer.fetch(
                "SELECT ordering_key FROM outbox_messages WHERE topic = 'test.errors'"
            )
        }
    finally:
        await observer.close()
    statuses = {kind: r.status_code for kind, r in responses.items()}
    assert statuses == {"commits-401": 401, "commits-429": 429, "rolls-back": 401, "crash": 500}
    assert responses["commits-401"].json()["code"] == "invalid_credentials"
    assert responses["commits-429"].headers["retry-after"] == "7"
    assert kept == {"commits-401", "commits-429"}


async def test_a_router_declared_without_arguments_commits(
    clone_database: Callable[[], str], tmp_path: Path, pg_dsn_of: Callable[[str], str]
) -> None:
    url = clone_database()
    app = create_app(make_settings(url, data_dir=tmp_path))
    plain = Router()

    @plain.post("/plain-write")
    async def plain_write(session: Session) -> dict[str, int]:
        message = await outbox_service.enqueue(session, "test.plain", "plain", {"seq": 1})
        return {"id": message.id}

    app.include_router(plain)
    async with _served(app) as client:
        response = await client.post("/plain-write")
    observer = await asyncpg.connect(pg_dsn_of(url))
    try:
        count = await observer.fetchval(
            "SELECT count(*) FROM outbox_messages WHERE id = $1", response.json()["id"]
        )
    finally:
        await observer.close()
    assert count == 1
    assert all(isinstance(route, TransactionalRoute) for route in plain.routes)


def test_every_api_route_of_the_app_is_transactional() -> None:
    app = create_app(make_settings("postgresql+asyncpg://unused@localhost/unused"))
    framework_routes = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc", "/docs/static"}
    routes = [c.route for c in iter_route_contexts(app.routes) if c.path not in framework_routes]
    assert len(routes) > 40
    assert [r.path for r in routes if not isinstance(r, TransactionalRoute)] == []


async def test_a_read_route_that_writes_fails_in_the_test_app(
    app: FastAPI, client: AsyncClient, session: AsyncSession
) -> None:
    async def orm_write(session: ReadSession) -> dict[str, str]:
        session.add(OutboxMessage(topic="test.read", ordering_key="read", payload={}))
        await session.flush()
        return {"wrote": "yes"}

    async def statement_write(session: ReadSession) -> dict[str, str]:
        await session.execute(text("DELETE FROM outbox_messages"))
        return {"wrote": "yes"}

    async def enqueue_write(session: ReadSession) -> dict[str, str]:
        await outbox_service.enqueue(session, "test.read", "read", {})
        return {"wrote": "yes"}

    probes = Router()
    for name, endpoint in (("orm", orm_write), ("sql", statement_write), ("lock", enqueue_write)):
        probes.add_api_route(f"/read-writes-{name}", endpoint, methods=["GET"])
    app.include_router(probes)
    before = await session.scalar(select(func.count()).select_from(OutboxMessage))
    for name in ("orm", "sql", "lock"):
        response = await client.get(f"/read-writes-{name}")
        assert response.status_code == 500, name
        assert response.json()["code"] == "internal_error"
    assert await session.scalar(select(func.count()).select_from(OutboxMessage)) == before


async def test_authentication_uses_the_routes_own_session(
    app: FastAPI, client: AsyncClient, make_officer: Any
) -> None:
    officer = await make_officer(("000.00.01.H99", Role.receptionist))

    async def same_session(
        request: Request,
        session: ReadSession,
        caller: Principal = Depends(get_caller),
        shared: AsyncSession = Depends(get_route_session),
    ) -> dict[str, bool]:
        return {"one_session": session is shared, "kind_read": True}

    probes = Router()
    probes.add_api_route("/one-session", same_session, methods=["GET"])
    app.include_router(probes)
    response = await client.get("/one-session", headers=officer.headers)
    assert response.json() == {"one_session": True, "kind_read": True}
    [route] = [c.route for c in iter_route_contexts(app.routes) if c.path == "/one-session"]
    assert isinstance(route, TransactionalRoute)
    assert route.session_kind == "read"


def test_a_route_declaring_both_kinds_is_refused() -> None:
    async def both(read: ReadSession, write: Session) -> None:
        return None

    with pytest.raises(TypeError, match="both a read and a write session"):
        Router().add_api_route("/both", both, methods=["GET"])
