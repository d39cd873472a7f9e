"""Worklist filters and keyset pages; optimistic versions; side effects in the same transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import Dossier
from app.models.outbox import OutboxMessage
from app.workers.dossier_jobs import flag_overdue
from tests.dossiers.conftest import BIRTH, COMMUNE, World

PROCEDURE = "1.001612"


async def test_keyset_pages_cover_everything_once_and_filters_apply(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    created = [(await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()["code"] for _ in range(5)]
    refused = (await world.submit_at_desk(desk, BIRTH, COMMUNE, outcome="refuse")).json()["code"]
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, "status": "received", **({"cursor": cursor} if cursor else {})}
        page = (await world.client.get("/api/v1/dossiers", params=params, headers=desk)).json()
        seen += [item["code"] for item in page["items"]]
        assert all(item["status"] == "received" for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert set(created) <= set(seen)
    assert len(seen) == len(set(seen))
    assert refused not in seen
    assert [c for c in seen if c in created] == list(reversed(created))  # newest first
    by_status = await world.client.get(
        "/api/v1/dossiers", params={"status": "rejected"}, headers=desk
    )
    assert by_status.json()["items"][0]["code"] == refused
    by_applicant = await world.client.get(
        "/api/v1/dossiers", params={"applicant_id": "001199054321", "limit": 100}, headers=desk
    )
    assert set(created) <= {i["code"] for i in by_applicant.json()["items"]}
    by_procedure = await world.client.get(
        "/api/v1/dossiers", params={"procedure": PROCEDURE}, headers=desk
    )
    assert not set(created) & {i["code"] for i in by_procedure.json()["items"]}
    bad_cursor = await world.client.get("/api/v1/dossiers", params={"cursor": "!!"}, headers=desk)
    assert bad_cursor.status_code == 400
    assigned = await world.client.get(
        "/api/v1/dossiers", params={"assigned_to_me": "true"}, headers=desk
    )
    assert assigned.json()["items"] == []
    leader = await world.officer("lanhdao.xa")
    code = created[0]
    await world.act(code, "assign", leader, assignee="tiepnhan.xa")
    mine = await world.client.get(
        "/api/v1/dossiers", params={"assigned_to_me": "true"}, headers=desk
    )
    assert [i["code"] for i in mine.json()["items"]] == [code]


async def test_stale_version_is_409_and_stale_if_match_is_412(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    created = (await world.submit_at_desk(desk, PROCEDURE, COMMUNE)).json()
    code, version = created["code"], created["version"]
    stale_body = await world.act(code, "forward", desk, version=version - 1)
    assert stale_body.status_code == 409
    assert stale_body.json()["code"] == "version_conflict"
    stale_header = await world.client.post(
        f"/api/v1/dossiers/{code}/actions/forward",
        json={},
        headers={**desk, "If-Match": f'"{version - 1}"'},
    )
    assert stale_header.status_code == 412
    fresh = await world.client.post(
        f"/api/v1/dossiers/{code}/actions/forward",
        json={"version": version},
        headers={**desk, "If-Match": f'"{version}"'},
    )
    assert fresh.status_code == 200
    assert fresh.json()["version"] == version + 1
    assert fresh.headers["etag"] == f'"{version + 1}"'


async def test_each_action_queues_its_notification_and_a_refusal_queues_nothing(
    world: World, session: AsyncSession
) -> None:
    desk = await world.officer("tiepnhan.xa")
    code = (await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()["code"]

    async def messages() -> list[OutboxMessage]:
        return list(
            await session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.ordering_key == code)
                .order_by(OutboxMessage.id)
            )
        )

    queued = await messages()
    assert [m.payload["action"] for m in queued] == ["submit", "receive"]
    assert queued[-1].topic == "notification.status_changed"
    assert queued[-1].payload["ref"] == {"kind": "dossier", "code": code}
    refused = await world.act(code, "return_result", desk)
    assert refused.status_code == 409
    assert len(await messages()) == 2
    await world.act(code, "forward", desk)
    assert [m.payload["action"] for m in await messages()] == ["submit", "receive", "forward"]


async def test_sweep_flags_due_soon_and_overdue(world: World, session: AsyncSession) -> None:
    desk = await world.officer("tiepnhan.xa")
    codes = [(await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()["code"] for _ in range(2)]
    now = datetime.now(UTC)
    await session.execute(
        Dossier.__table__.update()
        .where(Dossier.code == codes[0])
        .values(due_at=now - timedelta(hours=1))
    )
    await flag_overdue(session, world.settings, now)
    rows = {
        d.code: (d.overdue, d.due_soon)
        for d in await session.scalars(select(Dossier).where(Dossier.code.in_(codes)))
    }
    assert rows[codes[0]] == (True, False)
    # a 1-working-day procedure received just now is due within the 1-working-day window
    assert rows[codes[1]] == (False, True)
    overdue = await world.client.get("/api/v1/dossiers", params={"overdue": "true"}, headers=desk)
    assert codes[0] in [i["code"] for i in overdue.json()["items"]]
