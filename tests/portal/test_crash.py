"""Acceptance 2 for the portal sync: a ``motcua worker`` subprocess SIGKILLed in the middle of a
delivery (its call reached the fake portal, which applies it but whose answer the worker never
reads); after a restart the message is delivered again and applied once ("already exists" becomes
an update). A rolled-back dossier change queues, and so sends, nothing."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
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
from app.models.dossier import Dossier, DossierStatus
from app.models.outbox import OutboxMessage
from app.services.dossiers import events as dossier_events
from app.services.identity.principals import SYSTEM
from tests.conftest import TEST_SECRET, build_app, make_settings
from tests.dossiers.conftest import World, clone_demo  # noqa: F401 - a fixture
from tests.portal.conftest import DSTCODE, PORTAL_PASSWORD, PORTAL_USER, PUBLIC_BASE
from tests.portal.scenarios import Builder

pytestmark = pytest.mark.committed

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Crash:
    url: str
    world: World
    engine: AsyncEngine
    portal_url: str
    http: httpx.AsyncClient
    tmp_path: Path
    workers: list[subprocess.Popen[bytes]]

    def start_worker(self) -> subprocess.Popen[bytes]:
        log = (self.tmp_path / f"worker-{len(self.workers)}.log").open("wb")
        environment = {
            **{k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")},
            "PYTHONPATH": str(ROOT),
            "MOTCUA_ENV": "test",
            "MOTCUA_DATABASE_URL": self.url,
            "MOTCUA_SECRET_KEY": TEST_SECRET,
            "MOTCUA_WORKER_POLL_SECONDS": "0.2",
            "MOTCUA_OUTBOX_DELIVERY_TIMEOUT_SECONDS": "4",
            "MOTCUA_OUTBOX_BACKOFF_BASE_SECONDS": "0.2",
            "MOTCUA_OUTBOX_BACKOFF_CAP_SECONDS": "0.5",
            "MOTCUA_PORTAL_BASE_URL": self.portal_url,
            "MOTCUA_PORTAL_USERNAME": PORTAL_USER,
            "MOTCUA_PORTAL_PASSWORD": PORTAL_PASSWORD,
            "MOTCUA_PORTAL_DSTCODE": DSTCODE,
            "MOTCUA_PORTAL_TIMEOUT_SECONDS": "3.5",
            "MOTCUA_PUBLIC_BASE_URL": PUBLIC_BASE,
            "MOTCUA_LOG_LEVEL": "INFO",
        }
        process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "worker", "--slots", "2"],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        self.workers.append(process)
        return process

    async def control(self, method: str, path: str, **body: Any) -> Any:
        response = await self.http.request(
            method, f"{self.portal_url}/_fake/{path}", json=body or None
        )
        return response.json()

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


async def _until(predicate: Callable[[], Any], within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while True:
        result = predicate()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        assert time.monotonic() < deadline, f"timed out after {within}s waiting for {what}"
        await asyncio.sleep(0.05)


async def _forward_then_roll_back(crash: Crash, code: str, before: int) -> None:
    """A dossier change whose transaction fails after its event queued the portal sync."""
    factory = create_session_factory(crash.engine)
    async with factory() as session, session.begin():
        dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None
        previous, dossier.status = dossier.status, DossierStatus.in_progress
        await dossier_events.record_event(
            session,
            crash.world.settings,
            dossier,
            action="forward",
            from_status=previous,
            principal=SYSTEM,
            at=datetime.now(UTC),
        )
        queued = await session.scalar(select(func.count()).select_from(OutboxMessage))
        assert (queued or 0) > before  # queued in the change's transaction...
        raise RuntimeError("rolled back")  # ...which fails


@pytest.fixture
def worker_processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:  # only the workers this test started
        if process.poll() is None:
            process.kill()
            process.wait(10)


@pytest.fixture
async def crash(
    clone_demo: Callable[[], str],  # noqa: F811
    dev_key: bytes,
    tmp_path: Path,
    fake_portal: tuple[FakePortal, str],
    worker_processes: list[subprocess.Popen[bytes]],
) -> AsyncIterator[Crash]:
    url = clone_demo()
    settings: Settings = make_settings(
        url,
        data_dir=tmp_path,
        upload_dir=tmp_path / "uploads",
        portal_base_url=fake_portal[1],
        portal_username=PORTAL_USER,
        portal_password=PORTAL_PASSWORD,
        portal_dstcode=DSTCODE,
        public_base_url=PUBLIC_BASE,
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
        yield Crash(
            url,
            World(app, client, factory, settings),
            engine,
            fake_portal[1],
            http,
            tmp_path,
            worker_processes,
        )
    await engine.dispose()


async def test_sigkill_mid_delivery_is_delivered_again_and_applied_once(crash: Crash) -> None:
    online = Builder(crash.world, "online")
    await online.login()
    # the first create is applied by the portal 2 s after it arrives: the worker is dead by then
    await crash.control("POST", "faults", mode="timeout", delay=2.0, service="DongBoHoSoMC")
    code = await online.build("received")  # submit, receive: two portal messages

    worker = crash.start_worker()

    async def logged_in() -> bool:
        return bool((await crash.control("GET", "received"))["logins"])

    await _until(logged_in, 60, "the worker's login")
    await asyncio.sleep(0.5)  # the create is in flight, its answer held back
    worker.kill()
    await asyncio.to_thread(worker.wait, 10)
    assert worker.returncode == -signal.SIGKILL
    assert (await crash.acknowledged(code))[0] is None  # never acknowledged: the mark died too

    async def applied() -> bool:  # the portal applies the orphaned call (a lost answer)
        return code in (await crash.control("GET", "dossiers"))["dossiers"]

    await _until(applied, 10, "the orphaned create")

    restarted = crash.start_worker()

    async def acknowledged() -> bool:
        acked, last = await crash.acknowledged(code)
        return acked == last

    # the killed worker's lease runs out first (a few delivery timeouts)
    await _until(acknowledged, 60, "redelivery after the restart")
    stored = (await crash.control("GET", "dossiers"))["dossiers"][code]
    assert stored["creates"] == 1  # applied once: the redelivered create became an update
    assert stored["current"]["TrangThaiHoSo"] == "2"
    _, last = await crash.acknowledged(code)
    assert len(stored["progress"]) == last  # every progress row once

    # a rolled-back change queues nothing, so nothing reaches the portal
    async with crash.engine.connect() as conn:
        before = await conn.scalar(select(func.count()).select_from(OutboxMessage))
    calls_before = len((await crash.control("GET", "received"))["calls"])
    with pytest.raises(RuntimeError, match="rolled back"):
        await _forward_then_roll_back(crash, code, before or 0)
    await asyncio.sleep(1.5)  # the running worker polls every 0.2 s
    async with crash.engine.connect() as conn:
        assert await conn.scalar(select(func.count()).select_from(OutboxMessage)) == before
    assert len((await crash.control("GET", "received"))["calls"]) == calls_before
    assert (await crash.acknowledged(code)) == (last, last)
    restarted.send_signal(signal.SIGTERM)
    assert await asyncio.to_thread(restarted.wait, 20) == 0
