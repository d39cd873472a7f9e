"""Every ending is recorded (issue 12; Decision 766/QĐ-TTg index 2.1): stop, withdrawal of a received
dossier, resolution and return set ``finished_at`` and give an on-time verdict; a dossier withdrawn
before receipt has no processing to end; the migration backfills dossiers ended before it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import asyncpg

from app import migrate
from tests.conftest import PgServer
from tests.dossiers.conftest import World, committed_world


async def _received(world: World) -> tuple[str, dict[str, str]]:
    desk = await world.officer("tiepnhan.xa")
    response = await world.submit_at_desk(desk)
    assert response.status_code == 201, response.text
    return response.json()["code"], desk


async def test_a_stopped_dossier_carries_its_end_and_an_on_time_verdict(world: World) -> None:
    code, _ = await _received(world)
    leader = await world.officer("lanhdao.xa")
    response = await world.act(code, "stop", leader, note="Người nộp đề nghị dừng")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "stopped"
    assert body["finished_at"] is not None
    assert datetime.fromisoformat(body["finished_at"]) <= datetime.fromisoformat(body["due_at"])
    assert body["on_time"] is True


async def test_a_withdrawn_received_dossier_carries_its_end_and_a_verdict(world: World) -> None:
    citizen = await world.citizen("withdraws-after-receipt")
    code = (await world.submit_online(citizen)).json()["code"]
    desk = await world.officer("tiepnhan.xa")
    assert (await world.act(code, "receive", desk)).status_code == 200
    response = await world.act(code, "withdraw", citizen, note="Không còn nhu cầu")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "withdrawn"
    assert body["finished_at"] is not None
    assert body["on_time"] is True
    events = (await world.client.get(f"/api/v1/dossiers/{code}/events", headers=desk)).json()
    assert events["events"][-1]["payload"]["on_time"] is True


async def test_a_dossier_withdrawn_before_receipt_has_no_end_of_processing(world: World) -> None:
    citizen = await world.citizen("withdraws-before-receipt")
    code = (await world.submit_online(citizen)).json()["code"]
    body = (await world.act(code, "withdraw", citizen)).json()
    assert body["status"] == "withdrawn"
    assert body["finished_at"] is None and body["on_time"] is None


async def test_returning_the_result_keeps_the_end_recorded_at_resolution(world: World) -> None:
    code, desk = await _received(world)
    specialist = await world.officer("chuyenvien.xa")
    leader = await world.officer("lanhdao.xa")
    assert (await world.act(code, "forward", desk)).status_code == 200
    assert (await world.act(code, "forward", specialist)).status_code == 200
    resolved = (await world.act(code, "resolve", leader)).json()
    assert resolved["status"] == "resolved", resolved
    returned = (await world.act(code, "return_result", desk)).json()
    assert returned["status"] == "returned"
    assert returned["finished_at"] == resolved["finished_at"]
    assert returned["on_time"] is True


def test_the_backfill_migration_records_the_end_of_dossiers_ended_before_it(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path, pg_server: PgServer
) -> None:
    url = clone_demo()

    async def stop_one() -> str:
        world, engine = await committed_world(url, dev_key, tmp_path)
        try:
            code, _ = await _received(world)
            leader = await world.officer("lanhdao.xa")
            assert (await world.act(code, "stop", leader, note="Dừng")).status_code == 200
            return code
        finally:
            await world.client.aclose()
            await engine.dispose()

    async def sql(query: str, *args: object) -> list[asyncpg.Record]:
        conn = await asyncpg.connect(pg_server.dsn(url.rsplit("/", 1)[1].split("?", 1)[0]))
        try:
            return list(await conn.fetch(query, *args))
        finally:
            await conn.close()

    code = asyncio.run(stop_one())
    # as a stop left it before this issue: no end recorded
    asyncio.run(sql("UPDATE dossiers SET finished_at = NULL WHERE code = $1", code))
    migrate.downgrade(url, "0011")
    migrate.upgrade(url)
    [row] = asyncio.run(
        sql(
            "SELECT d.finished_at, e.at FROM dossiers d JOIN dossier_events e"
            " ON e.dossier_id = d.id AND e.action = 'stop' WHERE d.code = $1",
            code,
        )
    )
    assert row["finished_at"] is not None
    assert row["finished_at"] == row["at"]
