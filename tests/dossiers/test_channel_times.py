"""Time by channel (issue 12): a dossier gets the national record's processing time of its channel
when there is one (1.013133: answered online within 2 working hours, 1 working day in person), and
its steps are the template's shares of that time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.models.dossier import Dossier, DossierStep
from app.routers import dossiers as dossiers_router
from tests.dossiers.conftest import COMMUNE, World

MILITARY = "1.013133"  # first military service registration, at the commune
VN = timedelta(hours=7)


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC) - VN  # type: ignore[misc]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    def set_now(instant: datetime) -> None:
        monkeypatch.setattr(dossiers_router, "_now", lambda: instant)

    return set_now


async def test_an_online_dossier_is_due_two_working_hours_after_receipt(
    world: World, clock: Callable[[datetime], None]
) -> None:
    citizen = await world.citizen("military-online")
    submitted = await world.submit_online(citizen, MILITARY, COMMUNE)
    assert submitted.status_code == 201, submitted.text
    code = submitted.json()["code"]
    assert submitted.json()["channel"] == "online"
    desk = await world.officer("tiepnhan.xa")
    clock(vn(2026, 12, 7, 10, 30))  # Monday 10:30: 1 hour before lunch, 1 hour after it
    received = await world.act(code, "receive", desk)
    assert received.status_code == 200, received.text
    assert datetime.fromisoformat(received.json()["due_at"]) == vn(2026, 12, 7, 14)
    async with world.factory() as session:
        dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None
        assert {step["duration_unit"] for step in dossier.route} == {"working_hours"}
        assert sum(Decimal(step["duration_amount"]) for step in dossier.route) == Decimal(2)
        first = await session.scalar(
            select(DossierStep).where(DossierStep.dossier_id == dossier.id)
        )
        assert first is not None and first.due_at is not None
        assert first.due_at <= vn(2026, 12, 7, 14)


async def test_the_same_procedure_at_the_desk_takes_one_working_day(
    world: World, clock: Callable[[datetime], None]
) -> None:
    desk = await world.officer("tiepnhan.xa")
    clock(vn(2026, 12, 7, 10, 30))
    created = await world.submit_at_desk(desk, MILITARY, COMMUNE)
    assert created.status_code == 201, created.text
    assert created.json()["channel"] == "desk"
    assert datetime.fromisoformat(created.json()["due_at"]) == vn(2026, 12, 8, 10, 30)
