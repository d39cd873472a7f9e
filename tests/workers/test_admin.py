"""GET /api/v1/admin/outbox and POST /api/v1/admin/outbox/replay: admin only, validated, scoped."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from httpx import AsyncClient
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.outbox import OutboxMessage
from app.models.user import Role
from app.services.system import outbox as outbox_service
from tests.conftest import PROVINCE_ROOT, OfficerFactory


async def _dead(session: AsyncSession, topic: str, key: str) -> int:
    message = await outbox_service.enqueue(session, topic, key, {"status": "received"})
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message.id)
        .values(dead_at=datetime.now(UTC), attempts=10, last_error="HTTPStatusError: 503")
    )
    return message.id


async def test_outbox_admin_is_for_administrators_only(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    anonymous = await client.get("/api/v1/admin/outbox")
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"].startswith("application/problem+json")
    receptionist = await make_officer(("A1", Role.receptionist))
    for response in (
        await client.get("/api/v1/admin/outbox", headers=receptionist.headers),
        await client.post(
            "/api/v1/admin/outbox/replay", json={"topic": "x"}, headers=receptionist.headers
        ),
    ):
        assert response.status_code == 403
        assert response.json()["code"] == "province_admin_required"
    # an agency's administrator is not the province's: the outbox is province-wide
    commune_admin = await make_officer(("A1", Role.admin))
    replay = await client.post(
        "/api/v1/admin/outbox/replay", json={"topic": "x"}, headers=commune_admin.headers
    )
    assert replay.status_code == 403
    assert replay.json()["code"] == "province_admin_required"


async def test_status_counts_lag_dead_letters(
    client: AsyncClient, session: AsyncSession, make_officer: OfficerFactory
) -> None:
    admin = await make_officer((PROVINCE_ROOT, Role.admin))
    await outbox_service.enqueue(session, "notification.status_changed", "D-1", {"status": "a"})
    retrying = await outbox_service.enqueue(session, "notification.status_changed", "D-2", {})
    retrying.attempts = 2
    dead_id = await _dead(session, "portal.sync", "D-3")
    await session.commit()

    response = await client.get("/api/v1/admin/outbox", headers=admin.headers)
    assert response.status_code == 200
    body = response.json()
    assert body["topics"] == [
        {
            "topic": "notification.status_changed",
            "pending": 1,
            "retrying": 1,
            "delivered": 0,
            "dead": 0,
        },
        {"topic": "portal.sync", "pending": 0, "retrying": 0, "delivered": 0, "dead": 1},
    ]
    assert body["oldest_undelivered_age_seconds"] >= 0
    [letter] = body["dead_letters"]
    assert letter["id"] == dead_id
    assert letter["last_error"] == "HTTPStatusError: 503"
    assert isinstance(body["jobs"], list)


async def test_replay_by_topic_requeues_only_that_topics_dead_letters(
    client: AsyncClient, session: AsyncSession, make_officer: OfficerFactory
) -> None:
    admin = await make_officer((PROVINCE_ROOT, Role.admin))
    portal = await _dead(session, "portal.sync", "D-1")
    other = await _dead(session, "notification.status_changed", "D-2")
    await session.commit()

    response = await client.post(
        "/api/v1/admin/outbox/replay", json={"topic": "portal.sync"}, headers=admin.headers
    )
    assert response.status_code == 200
    assert response.json() == {"replayed": [portal]}
    rows = {
        m.id: m
        for m in await session.scalars(
            select(OutboxMessage).execution_options(populate_existing=True)
        )
    }
    assert rows[portal].dead_at is None
    assert rows[portal].attempts == 0
    assert rows[other].dead_at is not None


async def test_replay_refuses_bad_requests_and_changes_nothing(
    client: AsyncClient, session: AsyncSession, make_officer: OfficerFactory
) -> None:
    admin = await make_officer((PROVINCE_ROOT, Role.admin))
    dead_id = await _dead(session, "portal.sync", "D-1")
    await session.commit()
    for body in ({}, {"ids": [dead_id], "topic": "portal.sync"}, {"ids": ["x"]}, {"all": True}):
        response = await client.post(
            "/api/v1/admin/outbox/replay", json=body, headers=admin.headers
        )
        assert response.status_code == 422, body
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["code"] == "validation_failed"
    malformed = await client.post(
        "/api/v1/admin/outbox/replay",
        content=b"{not json",
        headers={**admin.headers, "Content-Type": "application/json"},
    )
    assert malformed.status_code == 400
    message = await session.get(OutboxMessage, dead_id, populate_existing=True)
    assert message is not None
    assert message.dead_at is not None


async def test_replay_clears_a_lease_left_on_a_dead_letter(session: AsyncSession) -> None:
    dead_id = await _dead(session, "portal.sync", "D-1")
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == dead_id)
        .values(locked_until=datetime(2999, 1, 1, tzinfo=UTC), claim_token=uuid.uuid4())
    )
    assert await outbox_service.replay(session, ids=[dead_id]) == [dead_id]
    message = await session.get(OutboxMessage, dead_id, populate_existing=True)
    assert message is not None
    assert (message.dead_at, message.locked_until, message.claim_token) == (None, None, None)
