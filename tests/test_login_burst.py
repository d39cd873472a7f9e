"""Login throttling under a parallel burst (issue 11): it cannot starve the pool, cannot be out-run.

A committed clone database and the app's real lifespan with the real pool size (10 connections):
the requests run truly in parallel with ``asyncio.gather`` over one ``AsyncClient``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import httpx
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

from app.main import create_app
from app.models.user import Role
from app.services.identity import login as login_service
from app.services.identity import users as users_service
from app.services.identity.tokens import TokenService
from tests.conftest import make_settings

AGENCY = "000.00.01.H99"
PASSWORD = "mat-khau-that-dai"
BURST = 30


@asynccontextmanager
async def _served(app: FastAPI) -> AsyncIterator[AsyncClient]:
    async with app.router.lifespan_context(app):
        transport = ASGITransport(app=app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def _officer(app: FastAPI, username: str) -> dict[str, str]:
    """A committed officer and the headers of a valid token of theirs."""
    async with app.state.session_factory() as session:
        user = await users_service.create_user(
            session,
            users_service.NewUser(
                username, "Cán bộ thử tải", PASSWORD, frozenset({(AGENCY, Role.receptionist)})
            ),
        )
        await session.commit()
    token, _ = TokenService(app.state.settings).issue_officer_token(
        user.id, user.username, [(AGENCY, Role.receptionist)]
    )
    return {"Authorization": f"Bearer {token}"}


async def _failures(dsn: str, username: str) -> int | None:
    observer = await asyncpg.connect(dsn)
    try:
        failures: int | None = await observer.fetchval(
            "SELECT failures FROM throttle_counters WHERE key = $1",
            login_service.login_key(username, "127.0.0.1"),
        )
    finally:
        await observer.close()
    return failures


async def test_a_burst_of_failed_logins_neither_starves_the_pool_nor_outruns_the_limit(
    clone_database: Callable[[], str], tmp_path: Path, pg_dsn_of: Callable[[str], str]
) -> None:
    url = clone_database()
    app = create_app(make_settings(url, data_dir=tmp_path))
    settings = app.state.settings
    assert settings.db_pool_size == 10 and settings.db_max_overflow == 0  # the real pool
    limit = settings.login_max_failures
    async with _served(app) as client:
        headers = await _officer(app, "burst-target")
        bystander = await _officer(app, "burst-bystander")
        # warm the pool and the argon2 thread as a running server would be
        assert (await client.get("/ready")).status_code == 200
        assert (await client.get("/api/v1/auth/me", headers=bystander)).status_code == 200
        wrong = {"username": "burst-target", "password": "sai-mat-khau"}

        async def timed(call: Callable[[], object]) -> tuple[httpx.Response, float]:
            started = time.perf_counter()
            response = await call()  # type: ignore[misc]
            return response, time.perf_counter() - started

        started = time.perf_counter()
        results = await asyncio.gather(
            *(timed(lambda: client.post("/api/v1/auth/token", data=wrong)) for _ in range(BURST)),
            timed(lambda: client.get("/api/v1/auth/me", headers=bystander)),
            timed(lambda: client.get("/ready")),
        )
        elapsed = time.perf_counter() - started
        logins, (me, me_time), (ready, ready_time) = results[:BURST], results[-2], results[-1]
        statuses = [r.status_code for r, _ in logins]
        assert elapsed < 2, elapsed  # every one answered within 2 s
        assert set(statuses) <= {401, 429}, statuses
        assert statuses.count(401) <= limit - 1  # the limit-th failure itself answers 429
        assert all(r.json()["code"] == "login_throttled" for r, _ in logins if r.status_code == 429)
        # a concurrent authenticated request and the readiness probe are unaffected
        assert me.status_code == 200 and me_time < 1, me_time
        assert ready.status_code == 200 and ready_time < 1, ready_time
        counted = await _failures(pg_dsn_of(url), "burst-target")
        assert counted is not None and counted <= limit  # at most the configured number counted

        # fail on, one at a time, up to the limit: then even the right password is refused
        for _ in range(limit - counted):
            last = await client.post("/api/v1/auth/token", data=wrong)
            assert last.status_code in {401, 429}
        assert await _failures(pg_dsn_of(url), "burst-target") == limit
        right = await client.post(
            "/api/v1/auth/token", data={"username": "burst-target", "password": PASSWORD}
        )
        assert right.status_code == 429
        assert right.json()["code"] == "login_throttled"
        assert int(right.headers["retry-after"]) > settings.login_block_seconds - 60
        assert await _failures(pg_dsn_of(url), "burst-target") == limit  # refusals are not counted
        # the officer's other requests, and other officers' logins, go on
        assert (await client.get("/api/v1/auth/me", headers=headers)).status_code == 200
        other = await client.post(
            "/api/v1/auth/token", data={"username": "burst-bystander", "password": PASSWORD}
        )
        assert other.status_code == 200


async def test_a_success_forgets_the_count_and_sequential_failures_answer_401_then_429(
    clone_database: Callable[[], str], tmp_path: Path, pg_dsn_of: Callable[[str], str]
) -> None:
    url = clone_database()
    app = create_app(make_settings(url, data_dir=tmp_path, login_max_failures=3))
    async with _served(app) as client:
        await _officer(app, "steady")
        wrong = {"username": "steady", "password": "sai-mat-khau"}
        right = {"username": "steady", "password": PASSWORD}
        assert (await client.post("/api/v1/auth/token", data=wrong)).status_code == 401
        assert (await client.post("/api/v1/auth/token", data=wrong)).status_code == 401
        assert await _failures(pg_dsn_of(url), "steady") == 2  # committed with the 401s
        assert (await client.post("/api/v1/auth/token", data=right)).status_code == 200
        assert await _failures(pg_dsn_of(url), "steady") is None  # a success forgets the count
        statuses = [
            (await client.post("/api/v1/auth/token", data=wrong)).status_code for _ in range(4)
        ]
        assert statuses == [401, 401, 429, 429]
        assert await _failures(pg_dsn_of(url), "steady") == 3
