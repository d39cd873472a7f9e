"""Concurrency with committed transactions and parallel requests (a database cloned per test)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models.dossier import Dossier, DossierEvent
from app.models.user import Role
from tests.dossiers.conftest import BIRTH, COMMUNE, World, committed_world

pytestmark = pytest.mark.committed


@pytest.fixture
async def live(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path
) -> AsyncIterator[World]:
    world, engine = await committed_world(clone_demo(), dev_key, tmp_path)
    try:
        yield world
    finally:
        await world.client.aclose()
        await engine.dispose()


async def test_200_parallel_creations_get_200_distinct_consecutive_codes(live: World) -> None:
    desk = await live.officer("tiepnhan.xa")
    responses = await asyncio.gather(
        *(live.submit_at_desk(desk, BIRTH, COMMUNE, outcome="receive") for _ in range(200))
    )
    assert [r.status_code for r in responses].count(201) == 200, {
        r.status_code: r.text for r in responses if r.status_code != 201
    }
    codes = [r.json()["code"] for r in responses]
    assert len(set(codes)) == 200
    prefixes = {code.rsplit("-", 1)[0] for code in codes}
    assert len(prefixes) == 1  # one office, one day
    numbers = sorted(int(code.rsplit("-", 1)[1]) for code in codes)
    assert numbers == list(range(1, 201))


async def test_two_officers_acting_at_once_one_wins_one_event(live: World) -> None:
    citizen = await live.citizen("concurrent-owner")
    first_desk = await live.officer("tiepnhan.xa")
    _, second_desk = await live.new_officer((COMMUNE, Role.receptionist))
    for _ in range(3):
        code = (await live.submit_online(citizen, BIRTH, COMMUNE)).json()["code"]
        results = await asyncio.gather(
            live.act(code, "receive", first_desk), live.act(code, "receive", second_desk)
        )
        assert sorted(r.status_code for r in results) == [200, 409], [r.text for r in results]
        loser = next(r for r in results if r.status_code == 409)
        assert loser.headers["content-type"] == "application/problem+json"
        async with live.factory() as session:
            dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
            assert dossier is not None
            receives = await session.scalar(
                select(func.count())
                .select_from(DossierEvent)
                .where(DossierEvent.dossier_id == dossier.id, DossierEvent.action == "receive")
            )
        assert receives == 1
        assert dossier.last_event_seq == 2  # submit + receive


async def test_same_idempotency_key_ten_times_at_once_creates_one_dossier(live: World) -> None:
    citizen = await live.citizen("idempotent-owner", personal_id="001077009988")
    codes = await live.mandatory_documents(BIRTH, "online")
    documents = [
        {"requirement_code": code, "upload_id": await live.upload(citizen)} for code in codes
    ]
    body = {
        "procedure_code": BIRTH,
        "agency_code": COMMUNE,
        "applicant": {
            "name": "Phạm Văn Dũng",
            "id_kind": "personal_id",
            "id_number": "001077009988",
            "phone": "0901234567",
        },
        "documents": documents,
    }
    headers = {**citizen, "Idempotency-Key": "retry-abc-123"}
    responses = await asyncio.gather(
        *(live.client.post("/api/v1/dossiers", json=body, headers=headers) for _ in range(10))
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] * 9 + [201], [r.text for r in responses if r.status_code >= 400]
    assert len({r.json()["code"] for r in responses}) == 1
    async with live.factory() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(Dossier)
            .where(Dossier.applicant_id_number == "001077009988")
        )
    assert count == 1
    changed = dict(body, applicant={**body["applicant"], "name": "Người khác"})
    reused = await live.client.post("/api/v1/dossiers", json=changed, headers=headers)
    assert reused.status_code == 409
    assert reused.json()["code"] == "idempotency_key_reused"
