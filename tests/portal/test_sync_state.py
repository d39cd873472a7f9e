"""Sync state and completeness (``GET .../national-portal/sync``), the replay of dead letters by the
province administrator (audited), and the periodic reconciliation of dossiers whose latest state the
portal never acknowledged; on a committed database, against the fake portal."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update

from app.models.audit import AdminAuditEntry
from app.models.dossier import Dossier
from app.models.outbox import OutboxMessage
from app.services.portal import worker as portal_worker
from app.services.system.topics import PORTAL_SYNC
from tests.dossiers.conftest import clone_demo  # noqa: F401 - a fixture
from tests.portal.scenarios import Builder
from tests.portal.test_delivery import Delivery, delivery  # noqa: F401 - a fixture

SYNC = "/api/v1/integrations/national-portal/sync"


async def test_sync_state_replay_and_reconciliation(delivery: Delivery) -> None:  # noqa: F811
    world = delivery.world
    online = Builder(world, "online")
    await online.login()
    admin = await world.officer("admin")
    broken = await online.build("submitted")
    async with world.factory() as session, session.begin():
        dossier = await session.scalar(select(Dossier).where(Dossier.code == broken))
        assert dossier is not None
        dossier.applicant_name = " "  # the portal refuses it: a dead letter
    synced = await online.build("received")
    await delivery.drain()

    # only the province administrator reads it
    assert (await world.client.get(SYNC, headers=online.owner)).status_code == 403
    assert (
        await world.client.get(SYNC, headers=await world.officer("quantri.xa"))
    ).status_code == 403
    response = await world.client.get(SYNC, headers=admin)
    assert response.status_code == 200, response.text
    state = response.json()
    assert state["dead"] == 1 and state["pending"] == 0 and state["retrying"] == 0
    assert state["delivered"] >= 2
    assert state["oldest_undelivered_age_seconds"] is None
    (dead,) = state["dead_letters"]
    assert dead["ordering_key"] == f"portal:{broken}"
    assert "ChuHoSo" in dead["last_error"]
    (agency,) = state["agencies"]  # both received at the commune
    assert (agency["received"], agency["acknowledged"], agency["share"]) == (2, 1, 0.5)
    assert agency["agency_name"]
    # a period without dossiers
    empty = await world.client.get(
        SYNC,
        params={"since": "2020-01-01T00:00:00Z", "until": "2020-02-01T00:00:00Z"},
        headers=admin,
    )
    assert empty.status_code == 200 and empty.json()["agencies"] == []
    backwards = await world.client.get(
        SYNC,
        params={"since": "2020-02-01T00:00:00Z", "until": "2020-01-01T00:00:00Z"},
        headers=admin,
    )
    assert backwards.status_code == 422 and backwards.json()["code"] == "period_invalid"

    # the fix, then the replay: audited, delivered, acknowledged
    async with world.factory() as session, session.begin():
        await session.execute(
            update(Dossier).where(Dossier.code == broken).values(applicant_name="Lê Văn Cường")
        )
    refused = await world.client.post(f"{SYNC}/replay", json={}, headers=online.owner)
    assert refused.status_code == 403
    replayed = await world.client.post(f"{SYNC}/replay", json={}, headers=admin)
    assert replayed.status_code == 200, replayed.text
    assert replayed.json()["replayed"] == [dead["id"]]
    async with world.factory() as session:
        entry = await session.scalar(
            select(AdminAuditEntry).where(AdminAuditEntry.action == "outbox.replay")
        )
        assert entry is not None and entry.actor_username == "admin"
        assert entry.changes["replayed_ids"] == [dead["id"]]
    await delivery.drain()
    acked, last = await delivery.acknowledged(broken)
    assert acked == last
    state = (await world.client.get(SYNC, headers=admin)).json()
    assert state["dead"] == 0 and state["agencies"][0]["share"] == 1.0

    # a lost acknowledgement: the reconciliation queues the dossier again, once
    async with world.factory() as session, session.begin():
        await session.execute(
            update(Dossier).where(Dossier.code == synced).values(portal_acked_seq=None)
        )
    assert await portal_worker.reconcile_sync(delivery.ctx, datetime.now(UTC)) == 1
    assert await portal_worker.reconcile_sync(delivery.ctx, datetime.now(UTC)) == 0  # it waits
    async with world.factory() as session:
        queued = list(
            await session.scalars(
                select(OutboxMessage.ordering_key).where(
                    OutboxMessage.topic == PORTAL_SYNC, OutboxMessage.delivered_at.is_(None)
                )
            )
        )
    assert queued == [f"portal:{synced}"]
    await delivery.drain()
    acked, last = await delivery.acknowledged(synced)
    assert acked == last
    assert await portal_worker.reconcile_sync(delivery.ctx, datetime.now(UTC)) == 0
    stored = (await delivery.control("GET", "dossiers"))["dossiers"]
    assert stored[synced]["creates"] == 1  # "already exists" became an update
