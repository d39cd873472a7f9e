"""Agencies and units that merge (issue 13; Decree 118/2025, DESIGN.md section 3): open dossiers of a
replaced agency follow it to its successor (current agency, remaining route, receiving desk, so
worklists and permissions), an event records the hand-over; a replaced or closed agency receives
nothing new; a merged subject unit routes to its successor's authority."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from app.models.catalog import Agency
from app.models.user import Role
from app.services.dossiers import handover
from tests.dossiers.conftest import BIRTH, CENTRE, COMMUNE, COMMUNE_UNIT, World

NEW_COMMUNE = "000.34.00.H99"  # the commune formed by the merger
YESTERDAY = (date.today() - timedelta(days=1)).isoformat()
LAND_CHANGE = "1.013831"  # land changes: step S3 at the authority of the unit where the land lies


async def _admin_put(world: World, kind: str, code: str, body: dict[str, Any]) -> None:
    admin = await world.officer("admin")
    response = await world.client.put(f"/api/v1/admin/{kind}/{code}", json=body, headers=admin)
    assert response.status_code in (200, 201), response.text


async def _merge_commune(world: World) -> None:
    """An Bình's people's committee is replaced by a new one (the province administrator)."""
    await _admin_put(
        world,
        "agencies",
        NEW_COMMUNE,
        {
            "name": "Ủy ban nhân dân xã An Bình (sau sáp nhập)",
            "kind": "commune_people_committee",
            "parent": "000.00.00.H99",
            "unit": COMMUNE_UNIT,
            "receives_dossiers": True,
            "valid_from": date.today().isoformat(),
        },
    )
    await _admin_put(
        world,
        "agencies",
        COMMUNE,
        {
            "name": "Ủy ban nhân dân xã An Bình",
            "kind": "commune_people_committee",
            "parent": "000.00.00.H99",
            "unit": COMMUNE_UNIT,
            "receives_dossiers": True,
            "valid_from": "2025-07-01",
            "valid_to": YESTERDAY,
            "replaced_by": NEW_COMMUNE,
        },
    )


async def _ok(world: World, code: str, action: str, who: dict[str, str], **body: Any) -> Any:
    response = await world.act(code, action, who, **body)
    assert response.status_code == 200, (action, response.text)
    return response.json()


async def test_the_successor_sees_and_acts_on_an_inherited_dossier(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(desk, BIRTH)
    code = created.json()["code"]
    await _ok(world, code, "forward", desk)  # at S2, the commune's specialist
    citizen = await world.citizen("merger-owner")
    waiting = (await world.submit_online(citizen, BIRTH, COMMUNE)).json()["code"]

    await _merge_commune(world)

    _, specialist = await world.new_officer((NEW_COMMUNE, Role.specialist))
    _, leader = await world.new_officer((NEW_COMMUNE, Role.leader))
    _, receptionist = await world.new_officer((NEW_COMMUNE, Role.receptionist))
    inherited = await world.get(code, specialist)
    assert inherited.status_code == 200, inherited.text
    dossier = inherited.json()
    assert dossier["current_agency_code"] == NEW_COMMUNE
    assert dossier["receiving_office_code"] == NEW_COMMUNE
    # the step already done keeps the agency that did it; what remains follows the successor
    assert [s["agency_code"] for s in dossier["route"]] == [COMMUNE] + [NEW_COMMUNE] * 3
    worklist = await world.client.get(
        "/api/v1/dossiers", params={"agency": NEW_COMMUNE}, headers=specialist
    )
    assert code in [item["code"] for item in worklist.json()["items"]]

    # the old commune's officers no longer act on it
    old_specialist = await world.officer("chuyenvien.xa")
    stale = await world.act(code, "forward", old_specialist)
    assert (stale.status_code, stale.json()["code"]) == (403, "not_allowed_at_step")
    await _ok(world, code, "forward", specialist)
    await _ok(world, code, "resolve", leader)
    returned = await _ok(world, code, "return_result", receptionist)
    assert returned["status"] == "returned"

    trail = (await world.client.get(f"/api/v1/dossiers/{code}/events", headers=specialist)).json()
    hand_over = [e for e in trail["events"] if e["action"] == "hand_over"]
    assert len(hand_over) == 1
    assert hand_over[0]["actor_kind"] == "system"
    assert hand_over[0]["payload"]["agencies"] == {COMMUNE: NEW_COMMUNE}
    assert hand_over[0]["step_code"] == "S2"

    # the dossier waiting for receipt went to the successor's desk
    received = await _ok(world, waiting, "receive", receptionist)
    assert received["status"] == "received"


async def test_a_replaced_or_closed_agency_receives_nothing_new(world: World) -> None:
    await _merge_commune(world)
    old_desk = await world.officer("tiepnhan.xa")
    refused = await world.submit_at_desk(old_desk, BIRTH, COMMUNE, receiving_office=COMMUNE)
    assert (refused.status_code, refused.json()["code"]) == (422, "agency_closed")
    citizen = await world.citizen("merger-late")
    online = await world.submit_online(citizen, BIRTH, COMMUNE, receiving_office=COMMUNE)
    assert (online.status_code, online.json()["code"]) == (422, "agency_closed")
    # without a receiving office named, the application's old desk is followed to its successor
    followed = await world.submit_online(citizen, BIRTH, COMMUNE)
    assert followed.status_code == 201, followed.text
    assert followed.json()["receiving_office_code"] == NEW_COMMUNE
    assert followed.json()["competent_agency_code"] == NEW_COMMUNE
    assert followed.json()["code"].startswith(f"{NEW_COMMUNE}-")

    # closed without a successor (past valid_to): nothing new either
    await _admin_put(
        world,
        "agencies",
        "000.33.00.H99",
        {
            "name": "Ủy ban nhân dân xã Tân Lập",
            "kind": "commune_people_committee",
            "parent": "000.00.00.H99",
            "unit": "H99.33",
            "receives_dossiers": True,
            "valid_from": "2025-07-01",
            "valid_to": YESTERDAY,
        },
    )
    closed_desk = await world.officer("tiepnhan.tanlap")
    closed = await world.submit_at_desk(
        closed_desk, BIRTH, "000.33.00.H99", receiving_office="000.33.00.H99"
    )
    assert (closed.status_code, closed.json()["code"]) == (422, "agency_closed")


async def test_the_hand_over_command_moves_dossiers_of_agencies_replaced_before(
    world: World,
) -> None:
    desk = await world.officer("tiepnhan.xa")
    code = (await world.submit_at_desk(desk, BIRTH)).json()["code"]
    await _admin_put(
        world,
        "agencies",
        NEW_COMMUNE,
        {
            "name": "Ủy ban nhân dân xã An Bình (sau sáp nhập)",
            "kind": "commune_people_committee",
            "unit": COMMUNE_UNIT,
            "receives_dossiers": True,
        },
    )
    # the replacement arrives without the administrator's screen (a catalog import, older data)
    async with world.factory() as session:
        agency = await session.get(Agency, COMMUNE)
        assert agency is not None
        agency.replaced_by = NEW_COMMUNE
        await session.commit()
    _, specialist = await world.new_officer((NEW_COMMUNE, Role.receptionist))
    assert (await world.get(code, specialist)).status_code == 404
    async with world.factory() as session:
        handed = await handover.hand_over_replaced(session, world.settings, now=datetime.now(UTC))
        await session.commit()
    assert code in handed
    assert (await world.get(code, specialist)).json()["current_agency_code"] == NEW_COMMUNE
    async with world.factory() as session:
        assert (
            await handover.hand_over_replaced(session, world.settings, now=datetime.now(UTC)) == []
        )


async def test_a_merged_subject_unit_routes_to_its_successors_authority(world: World) -> None:
    # Xã Bình Minh merged into An Bình on 2025-07-01: it has no people's committee of its own
    await _admin_put(
        world,
        "units",
        "H99.39",
        {
            "name": "Xã Bình Minh (cũ)",
            "kind": "commune",
            "parent": "H99",
            "valid_to": "2025-06-30",
            "replaced_by": COMMUNE_UNIT,
        },
    )
    desk = await world.officer("tiepnhan")
    created = await world.submit_at_desk(
        desk, LAND_CHANGE, None, receiving_office=CENTRE, subject_unit_code="H99.39"
    )
    assert created.status_code == 201, created.text
    route = {step["code"]: step["agency_code"] for step in created.json()["route"]}
    assert route["S3"] == COMMUNE
    assert created.json()["subject_unit_code"] == "H99.39"
