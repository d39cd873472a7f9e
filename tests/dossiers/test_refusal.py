"""Refusal after appraisal (issue 12; DESIGN.md section 4): the processing agency's leader refuses,
with reasons, a received dossier that does not meet the conditions; the refusal goes to the applicant
through the one-stop desk, which then holds the dossier; it is an ending (``finished_at``, on-time
verdict) and the rule set maps the status to a national status code."""

from __future__ import annotations

from sqlalchemy import select

from app.models.dossier import Dossier, DossierEvent
from tests.dossiers.conftest import BUILDING, CENTRE, CONSTRUCTION, World


async def _at_construction(world: World) -> tuple[str, dict[str, str]]:
    desk = await world.officer("tiepnhan")
    created = await world.submit_at_desk(desk, BUILDING, CONSTRUCTION, receiving_office=CENTRE)
    assert created.status_code == 201, created.text
    code = created.json()["code"]
    assert (await world.act(code, "forward", desk)).status_code == 200
    return code, desk


async def test_the_processing_agency_refuses_through_the_desk(world: World) -> None:
    code, desk = await _at_construction(world)
    leader = await world.officer("lanhdao.xaydung")
    response = await world.act(
        code, "refuse", leader, note="Công trình không phù hợp quy hoạch được duyệt"
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "refused"
    assert body["status_code"] == 3  # the rule set's mapping [U]
    assert body["status_label"].startswith("Từ chối giải quyết")
    assert body["current_agency_code"] == CENTRE  # the desk issues it to the applicant
    assert body["finished_at"] is not None and body["on_time"] is True
    assert body["allowed_actions"] == []

    events = (await world.client.get(f"/api/v1/dossiers/{code}/events", headers=desk)).json()
    last = events["events"][-1]
    assert last["action"] == "refuse"
    assert last["payload"]["refused_by"] == CONSTRUCTION
    assert last["payload"]["through_desk"] == CENTRE
    form = await world.client.get(f"/api/v1/dossiers/{code}/forms/refusal", headers=desk)
    assert form.status_code == 200, form.text
    assert form.json()["form_number"] == "03"
    assert form.json()["reasons"] == "Công trình không phù hợp quy hoạch được duyệt"
    assert form.json()["issued_by"] == CONSTRUCTION
    assert form.json()["through_desk"] == CENTRE
    # the applicant hears of it (the table beside the lifecycle table declares the notification)
    async with world.factory() as session:
        dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None
        event = await session.scalar(
            select(DossierEvent).where(
                DossierEvent.dossier_id == dossier.id, DossierEvent.action == "refuse"
            )
        )
        assert event is not None and event.to_status.value == "refused"


async def test_a_refusal_needs_reasons_and_the_leader(world: World) -> None:
    code, _ = await _at_construction(world)
    specialist = await world.officer("chuyenvien.xaydung")
    not_leader = await world.act(code, "refuse", specialist, note="Không đủ điều kiện")
    assert not_leader.status_code == 403
    leader = await world.officer("lanhdao.xaydung")
    no_reason = await world.act(code, "refuse", leader)
    assert no_reason.status_code == 422
    assert no_reason.json()["code"] == "reason_required"
