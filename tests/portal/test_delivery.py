"""The portal sync through the outbox, on a committed database: the worker's own claim, delivery and
mark (app/workers/delivery.py) with the portal adapter's handler, against the fake portal."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from httpx import ASGITransport, AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.config import Settings
from app.db import create_engine, create_session_factory
from app.devtools.fake_portal.server import FakePortal
from app.models.dossier import Dossier
from app.models.outbox import OutboxMessage
from app.services.notifications import worker as notification_worker
from app.services.portal import worker as portal_worker
from app.services.system.registry import WorkerContext, assemble
from app.services.system.topics import PORTAL_SYNC
from app.workers.delivery import DeliveryStats, claim_and_deliver
from tests.conftest import build_app, make_settings
from tests.dossiers.conftest import World, clone_demo  # noqa: F401 - a fixture
from tests.portal.conftest import DSTCODE, PORTAL_PASSWORD, PORTAL_USER, PUBLIC_BASE
from tests.portal.scenarios import SPECIALIST, Builder

pytestmark = pytest.mark.committed


class Delivery:
    """A committed world whose changes queue ``portal.sync``, and one worker's delivery loop."""

    def __init__(self, world: World, engine: AsyncEngine, ctx: WorkerContext, portal_url: str):
        self.world, self.engine, self.ctx, self.portal_url = world, engine, ctx, portal_url
        self.stats = DeliveryStats()

    async def run(self, rounds: int = 50) -> None:
        for _ in range(rounds):
            if not await claim_and_deliver(self.ctx, self.stats, candidates=10, batch=10):
                return

    async def drain(self, within: float = 30) -> None:
        """Deliver until no portal message waits (retries included)."""
        deadline = time.monotonic() + within
        while await self.waiting():
            assert time.monotonic() < deadline, "portal messages still waiting"
            await self.run()
            await asyncio.sleep(0.05)

    async def waiting(self) -> int:
        async with self.engine.connect() as conn:
            count: int = await conn.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(
                    OutboxMessage.topic == PORTAL_SYNC,
                    OutboxMessage.delivered_at.is_(None),
                    OutboxMessage.dead_at.is_(None),
                )
            )
        return count

    async def acknowledged(self, code: str) -> tuple[int | None, int]:
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(Dossier.portal_acked_seq, Dossier.last_event_seq).where(
                        Dossier.code == code
                    )
                )
            ).one()
        return row.portal_acked_seq, row.last_event_seq

    async def control(self, method: str, path: str, **body: Any) -> Any:
        response = await self.ctx.http.request(
            method, f"{self.portal_url}/_fake/{path}", json=body or None
        )
        return response.json()


@pytest.fixture
async def delivery(
    clone_demo: Callable[[], str],  # noqa: F811
    dev_key: bytes,
    tmp_path: Path,
    fake_portal: tuple[FakePortal, str],
) -> AsyncIterator[Delivery]:
    url = clone_demo()
    settings: Settings = make_settings(
        url,
        data_dir=tmp_path,
        upload_dir=tmp_path / "uploads",
        portal_base_url=fake_portal[1],
        portal_username=PORTAL_USER,
        portal_password=PORTAL_PASSWORD,
        portal_dstcode=DSTCODE,
        portal_timeout_seconds=2.0,
        public_base_url=PUBLIC_BASE,
        outbox_backoff_base_seconds=0.05,
        outbox_backoff_cap_seconds=0.2,
        outbox_max_attempts=100,
    )
    engine = create_engine(url, settings)
    factory = create_session_factory(engine)
    app = build_app(settings, engine, factory)
    app.state.dev_issuer.private_key_pem = dev_key
    async with (
        AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client,
        httpx.AsyncClient() as http,
    ):
        await http.post(f"{fake_portal[1]}/_fake/reset")
        ctx = WorkerContext(
            settings=settings,
            engine=engine,
            session_factory=factory,
            http=http,
            # the dossier's notifications share its ordering key: their handlers run too
            registry=assemble([notification_worker, portal_worker]),
        )
        yield Delivery(World(app, client, factory, settings), engine, ctx, fake_portal[1])
    await engine.dispose()


async def test_portal_down_then_up_latest_state_arrives_once_in_order(
    delivery: Delivery,
) -> None:
    world = delivery.world
    online, desk = Builder(world, "online"), Builder(world, "desk")
    await online.login()
    await desk.login()
    await delivery.control("POST", "faults", mode="status", status=503, count=10_000)

    moving = await online.build("in_progress")  # submit, receive, forward
    rejected = await online.build("rejected")  # submit, reject
    returned = await desk.build("returned")  # eight events
    await delivery.run()
    assert delivery.stats.failed > 0 and await delivery.waiting() > 0
    assert (await delivery.control("GET", "dossiers"))["dossiers"] == {}
    # one more change while the portal is down
    response = await world.act(moving, "forward", online.h(SPECIALIST), note="Trình lãnh đạo")
    assert response.status_code == 200, response.text

    await delivery.control("DELETE", "faults")
    await delivery.drain()

    stored = (await delivery.control("GET", "dossiers"))["dossiers"]
    expected = {moving: 4, rejected: 3, returned: 10}
    for code, status in expected.items():
        acked, last = await delivery.acknowledged(code)
        assert acked == last, code
        # the latest state, applied once: one create, no update, every progress row once
        assert stored[code]["statuses"] == [status], code
        assert (stored[code]["creates"], stored[code]["updates"]) == (1, 0), code
        assert len(stored[code]["progress"]) == last, code
    assert delivery.stats.dead == 0
    calls = (await delivery.control("GET", "received"))["calls"]
    for code in expected:
        mine = [
            c
            for c in calls
            if c.get("service") and c["error_code"] == "0" and c["data"][0]["MaHoSo"] == code
        ]
        assert mine[0]["service"] == "DongBoHoSoMC"  # the dossier before its progress
        times = [row["ThoiDiemXuLy"] for c in mine[1:] for row in c["data"]]
        assert times and times == sorted(times), code

    # back to normal: the next change is one update with only the new progress row
    # (a note of its own: the fake portal keeps one row per second, status and content, and the
    # builder's own assignment may fall in the same second)
    response = await world.act(
        moving, "assign", online.h("lanhdao.xa"), assignee="lanhdao.xa", note="Phân công lại"
    )
    assert response.status_code == 200, response.text
    await delivery.drain()
    stored = (await delivery.control("GET", "dossiers"))["dossiers"]
    assert stored[moving]["statuses"] == [4, 4]
    assert (stored[moving]["creates"], stored[moving]["updates"]) == (1, 1)
    acked, last = await delivery.acknowledged(moving)
    assert acked == last == len(stored[moving]["progress"])
    progress_calls = [
        c
        for c in (await delivery.control("GET", "received"))["calls"][len(calls) :]
        if c.get("service") == "CapNhatTienDoHoSoMC"
    ]
    assert [len(c["data"]) for c in progress_calls] == [1]


async def test_a_refused_dossier_is_a_dead_letter_and_others_go_on(delivery: Delivery) -> None:
    world = delivery.world
    online = Builder(world, "online")
    await online.login()
    code = await online.build("submitted")
    async with world.factory() as session, session.begin():
        dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None
        dossier.applicant_name = " "  # the portal requires the applicant's name (ChuHoSo)
    other = await online.build("received")

    await delivery.drain()

    assert delivery.stats.dead == 1
    stored = (await delivery.control("GET", "dossiers"))["dossiers"]
    assert code not in stored and other in stored
    async with delivery.engine.connect() as conn:
        error = await conn.scalar(
            select(OutboxMessage.last_error).where(
                OutboxMessage.ordering_key == code, OutboxMessage.dead_at.is_not(None)
            )
        )
    assert error is not None and "ChuHoSo: không được để trống" in error
    assert (await delivery.acknowledged(code))[0] is None
