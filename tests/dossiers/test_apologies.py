"""Apologies when late (issue 12; form 04): the lead time is rule-set configuration. The rule set in
force (Decree 118/2025) lets an office apologise up to and after the due date, recorded as late; the
new appointment stays bounded (30 working days after the due date, [U]); Decree 61/2018's rule set
keeps its one working day of notice and no apology once late."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from app.models.dossier import Dossier
from app.routers import dossiers as dossiers_router
from tests.dossiers.conftest import COMMUNE, World

BUSINESS = "1.001612"  # household business registration: 3 working days at the commune
VN = timedelta(hours=7)


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC) - VN  # type: ignore[misc]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    def set_now(instant: datetime) -> None:
        monkeypatch.setattr(dossiers_router, "_now", lambda: instant)

    return set_now


async def _received_monday(world: World, clock: Callable[[datetime], None]) -> str:
    desk = await world.officer("tiepnhan.xa")
    clock(vn(2026, 12, 7, 9))  # Monday: due Thursday 10 Dec 09:00
    response = await world.submit_at_desk(desk, BUSINESS, COMMUNE)
    assert response.status_code == 201, response.text
    assert datetime.fromisoformat(response.json()["due_at"]) == vn(2026, 12, 10, 9)
    code: str = response.json()["code"]
    return code


async def test_a_late_office_issues_an_apology_recorded_as_late(
    world: World, clock: Callable[[datetime], None]
) -> None:
    code = await _received_monday(world, clock)
    leader = await world.officer("lanhdao.xa")
    clock(vn(2026, 12, 11, 10))  # a day after the due date
    promised = vn(2026, 12, 16, 16).isoformat()
    response = await world.act(
        code, "reschedule", leader, promised_due_at=promised, note="Chờ xác minh của cơ quan thuế"
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert datetime.fromisoformat(body["promised_due_at"]) == vn(2026, 12, 16, 16)
    assert datetime.fromisoformat(body["due_at"]) == vn(2026, 12, 10, 9)  # due_at stays
    desk = await world.officer("tiepnhan.xa")
    events = (await world.client.get(f"/api/v1/dossiers/{code}/events", headers=desk)).json()
    assert events["events"][-1]["action"] == "reschedule"
    assert events["events"][-1]["payload"]["late"] is True
    apology = await world.client.get(f"/api/v1/dossiers/{code}/forms/apology", headers=desk)
    assert apology.status_code == 200
    assert apology.json()["reasons"] == "Chờ xác minh của cơ quan thuế"


async def test_an_apology_within_the_last_working_day_is_on_time_and_not_late(
    world: World, clock: Callable[[datetime], None]
) -> None:
    code = await _received_monday(world, clock)
    leader = await world.officer("lanhdao.xa")
    clock(vn(2026, 12, 10, 8))  # an hour before the due time
    response = await world.act(
        code, "reschedule", leader, promised_due_at=vn(2026, 12, 14, 9).isoformat(), note="Lý do"
    )
    assert response.status_code == 200, response.text
    desk = await world.officer("tiepnhan.xa")
    events = (await world.client.get(f"/api/v1/dossiers/{code}/events", headers=desk)).json()
    assert events["events"][-1]["payload"]["late"] is False


async def test_the_new_appointment_stays_bounded_and_after_now(
    world: World, clock: Callable[[datetime], None]
) -> None:
    code = await _received_monday(world, clock)
    leader = await world.officer("lanhdao.xa")
    clock(vn(2026, 12, 14, 9))
    # 30 working days after Thursday 10 Dec 09:00 is Friday 22 Jan 2027 09:00 (1 Jan off)
    too_far = await world.act(
        code, "reschedule", leader, promised_due_at=vn(2027, 1, 22, 10).isoformat(), note="Lý do"
    )
    assert too_far.status_code == 422, too_far.text
    assert too_far.json()["code"] == "invalid_promised_due_at"
    already_past = await world.act(
        code, "reschedule", leader, promised_due_at=vn(2026, 12, 11, 9).isoformat(), note="Lý do"
    )
    assert already_past.status_code == 422
    assert already_past.json()["code"] == "invalid_promised_due_at"
    within = await world.act(
        code, "reschedule", leader, promised_due_at=vn(2027, 1, 22, 9).isoformat(), note="Lý do"
    )
    assert within.status_code == 200, within.text


async def test_decree_61s_rule_set_refuses_an_apology_once_late(
    world: World, clock: Callable[[datetime], None]
) -> None:
    code = await _received_monday(world, clock)
    async with world.factory() as session, session.begin():
        await session.execute(
            update(Dossier).where(Dossier.code == code).values(rule_set="nd61-2018")
        )
    leader = await world.officer("lanhdao.xa")
    clock(vn(2026, 12, 11, 10))
    response = await world.act(
        code, "reschedule", leader, promised_due_at=vn(2026, 12, 16, 9).isoformat(), note="Lý do"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "reschedule_too_late"
