"""Acceptance 4: a receiver failing N times then succeeding gets the message after back-off; one failing
forever ends as a dead letter, visible to the administrator, and replay delivers it once it recovers."""

from __future__ import annotations

import itertools

import pytest
from httpx import ASGITransport, AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_session_factory
from app.models.outbox import OutboxMessage
from app.models.user import Role
from app.services.identity import users as users_service
from app.services.identity.tokens import TokenService
from app.services.system import outbox as outbox_service
from tests.conftest import PROVINCE_ROOT, build_app, make_settings
from tests.workers.conftest import Receiver, WorkerFactory, async_wait_until, wait_started

pytestmark = pytest.mark.committed

BASE = 0.2
MAX_ATTEMPTS = 4


async def test_backoff_dead_letter_and_replay(
    committed_db: tuple[str, AsyncEngine], receiver: Receiver, start_worker: WorkerFactory
) -> None:
    url, engine = committed_db
    factory = create_session_factory(engine)
    receiver.fail["flaky"] = 3
    receiver.fail["down"] = -1
    async with factory() as session, session.begin():
        flaky = (await outbox_service.enqueue(session, "test.deliver", "flaky", {"seq": 1})).id
        behind = (await outbox_service.enqueue(session, "test.deliver", "flaky", {"seq": 2})).id
        down = (await outbox_service.enqueue(session, "test.deliver", "down", {"seq": 1})).id

    worker = start_worker(
        url,
        MOTCUA_OUTBOX_BACKOFF_BASE_SECONDS=str(BASE),
        MOTCUA_OUTBOX_MAX_ATTEMPTS=str(MAX_ATTEMPTS),
    )
    await wait_started([worker])

    async def load(message_id: int) -> OutboxMessage:
        async with factory() as session:
            message = await session.scalar(
                select(OutboxMessage).where(OutboxMessage.id == message_id)
            )
        assert message is not None
        return message

    # failing three times, then succeeding: delivered on the 4th attempt, after growing pauses
    await async_wait_until(lambda: flaky in receiver.applied, 30, "the flaky delivery")
    times = [r.at for r in receiver.requests_for(flaky)]
    assert len(times) == 4
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    for attempt, gap in enumerate(gaps, start=1):  # back-off >= half of base * 2^(attempt-1)
        assert gap >= 0.5 * BASE * 2 ** (attempt - 1) - 0.02, gaps

    async def flaky_marked() -> bool:  # committed with its batch, just after the receiver's answer
        return (await load(flaky)).delivered_at is not None

    await async_wait_until(flaky_marked, 10, "the delivered mark")
    assert (await load(flaky)).attempts == 4
    # the message behind it on the same key waited through every back-off, then followed in order
    await async_wait_until(lambda: behind in receiver.applied, 10, "the message behind")
    assert receiver.requests_for(behind)[0].at > times[-1]
    assert receiver.violations == []

    # failing forever: a dead letter after MAX_ATTEMPTS, and no more attempts
    async def is_dead() -> bool:
        return (await load(down)).dead_at is not None

    await async_wait_until(is_dead, 30, "the dead letter")
    dead = await load(down)
    assert dead.attempts == MAX_ATTEMPTS
    assert dead.delivered_at is None
    assert "503" in (dead.last_error or "")
    assert len(receiver.requests_for(down)) == MAX_ATTEMPTS

    settings = make_settings(url)
    async with factory() as session, session.begin():
        admin = await users_service.create_user(
            session,
            users_service.NewUser(
                "outbox.admin",
                "Quản trị",
                "mat-khau-du-dai",
                frozenset({(PROVINCE_ROOT, Role.admin)}),
            ),
        )
    token, _ = TokenService(settings).issue_officer_token(
        admin.id, admin.username, [(PROVINCE_ROOT, Role.admin)]
    )
    headers = {"Authorization": f"Bearer {token}"}
    app = build_app(settings, engine, factory)
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        status = (await client.get("/api/v1/admin/outbox", headers=headers)).json()
        [counts] = status["topics"]
        assert counts == {
            "topic": "test.deliver",
            "pending": 0,
            "retrying": 0,
            "delivered": 2,
            "dead": 1,
        }
        [letter] = status["dead_letters"]
        assert letter["id"] == down
        assert "503" in letter["last_error"]
        assert len(receiver.requests_for(down)) == MAX_ATTEMPTS  # still nothing after it died

        receiver.fail["down"] = 0  # the receiver recovers
        replay = await client.post(
            "/api/v1/admin/outbox/replay", json={"ids": [down, flaky]}, headers=headers
        )
        assert replay.status_code == 200
        assert replay.json() == {"replayed": [down]}  # the delivered one is not re-sent

    await async_wait_until(lambda: down in receiver.applied, 30, "the replayed delivery")

    async def down_marked() -> bool:
        return (await load(down)).delivered_at is not None

    await async_wait_until(down_marked, 10, "the delivered mark")
    replayed = await load(down)
    assert replayed.delivered_at is not None
    assert replayed.dead_at is None
    assert len(receiver.requests_for(down)) == MAX_ATTEMPTS + 1
    assert len(receiver.requests_for(flaky)) == 4
    assert worker.terminate() == 0
