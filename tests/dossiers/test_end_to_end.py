"""End to end through HTTP for the three process kinds of the demo catalog."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.models.user import Role
from tests.dossiers.conftest import (
    BIRTH,
    BUILDING,
    CENTRE,
    COMMUNE,
    CONSTRUCTION,
    ENVIRONMENT,
    LAND,
    LAND_OFFICE,
    World,
)


def _at(value: str | None) -> datetime:
    assert value is not None
    return datetime.fromisoformat(value)


async def _worklist(world: World, headers: dict[str, str], **params: Any) -> list[str]:
    response = await world.client.get("/api/v1/dossiers", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return [item["code"] for item in response.json()["items"]]


async def _step(
    world: World, code: str, action: str, headers: dict[str, str], **body: Any
) -> dict[str, Any]:
    response = await world.act(code, action, headers, **body)
    assert response.status_code == 200, (action, response.text)
    result: dict[str, Any] = response.json()
    return result


async def test_single_agency_online_birth_registration(world: World) -> None:
    citizen = await world.citizen("citizen-e2e-1")
    submitted = await world.submit_online(citizen, BIRTH, COMMUNE)
    assert submitted.status_code == 201, submitted.text
    dossier = submitted.json()
    code = dossier["code"]
    assert code.startswith(f"{COMMUNE}-")
    assert dossier["status"] == "submitted"
    assert dossier["status_code"] == 1
    assert [s["agency_code"] for s in dossier["route"]] == [COMMUNE] * 4

    desk = await world.officer("tiepnhan.xa")
    assert code in await _worklist(world, desk, status="submitted")
    received = await _step(world, code, "receive", desk)
    assert received["status"] == "received"
    assert received["due_at"] is not None
    # 1 working day from receipt, in office time
    assert _at(received["due_at"]) > _at(received["received_at"])
    assert received["current_step"]["code"] == "S1"

    forwarded = await _step(world, code, "forward", desk)
    assert forwarded["status"] == "in_progress"
    assert forwarded["current_step"]["code"] == "S2"
    specialist = await world.officer("chuyenvien.xa")
    assert code in await _worklist(world, specialist, agency=COMMUNE, status="in_progress")
    await _step(world, code, "forward", specialist, note="Đủ điều kiện")
    leader = await world.officer("lanhdao.xa")
    result_file = await world.upload(leader)
    attached = await world.client.post(
        f"/api/v1/dossiers/{code}/documents",
        json={
            "documents": [{"requirement_code": "KQ", "upload_id": result_file}],
            "note": "Giấy khai sinh",
        },
        headers=leader,
    )
    assert attached.status_code == 200, attached.text
    assert [d["kind"] for d in attached.json()["documents"]][-1] == "result"
    by_citizen = await world.client.post(
        f"/api/v1/dossiers/{code}/documents",
        json={"documents": [{"requirement_code": "KQ", "upload_id": await world.upload(citizen)}]},
        headers=citizen,
    )
    assert by_citizen.status_code == 403
    resolved = await _step(world, code, "resolve", leader)
    assert resolved["status"] == "resolved"
    assert resolved["finished_at"] is not None
    assert resolved["current_agency_code"] == COMMUNE
    assert resolved["current_step"]["code"] == "S4"
    returned = await _step(world, code, "return_result", desk)
    assert returned["status"] == "returned"
    assert returned["on_time"] is True
    too_late = await world.client.post(
        f"/api/v1/dossiers/{code}/documents",
        json={"documents": [{"requirement_code": "KQ", "upload_id": await world.upload(leader)}]},
        headers=leader,
    )
    assert too_late.status_code == 409
    assert (too_late.json()["code"], too_late.json()["status"]) == ("documents_not_allowed", 409)
    assert too_late.json()["dossier_status"] == "returned"
    rated = await _step(world, code, "rate", citizen, rating=5, note="Nhanh gọn")
    assert rated["rating"] == 5

    trail = await world.client.get(f"/api/v1/dossiers/{code}/events", headers=citizen)
    assert trail.status_code == 200
    body = trail.json()
    assert [e["action"] for e in body["events"]] == [
        "submit",
        "receive",
        "forward",
        "forward",
        "add_documents",
        "resolve",
        "return_result",
        "rate",
    ]
    assert [e["seq"] for e in body["events"]] == list(range(1, 9))
    assert [s["step_code"] for s in body["steps"]] == ["S1", "S2", "S3", "S4"]
    assert all(s["finished_at"] for s in body["steps"])


async def test_same_level_building_permit_through_two_departments(world: World) -> None:
    citizen = await world.citizen("citizen-e2e-2")
    submitted = await world.submit_online(citizen, BUILDING, CONSTRUCTION, receiving_office=CENTRE)
    assert submitted.status_code == 201, submitted.text
    code = submitted.json()["code"]
    assert code.startswith(f"{CENTRE}-")
    assert [s["agency_code"] for s in submitted.json()["route"]] == [
        CENTRE,
        CONSTRUCTION,
        ENVIRONMENT,
        CONSTRUCTION,
        CENTRE,
    ]
    desk = await world.officer("tiepnhan")
    received = await _step(world, code, "receive", desk)
    due = _at(received["due_at"])
    await _step(world, code, "forward", desk)

    construction = await world.officer("chuyenvien.xaydung")
    _, environment = await world.new_officer((ENVIRONMENT, Role.specialist))
    assert code in await _worklist(world, construction, agency=CONSTRUCTION)
    assert code not in await _worklist(world, environment)  # not there yet
    moved = await _step(world, code, "forward", construction)
    assert moved["current_agency_code"] == ENVIRONMENT
    assert code in await _worklist(world, environment, agency=ENVIRONMENT)
    await _step(world, code, "forward", environment)
    leader = await world.officer("lanhdao.xaydung")
    resolved = await _step(world, code, "resolve", leader)
    assert resolved["current_agency_code"] == CENTRE
    returned = await _step(world, code, "return_result", desk)
    assert returned["status"] == "returned"
    assert _at(returned["due_at"]) == due
    assert returned["on_time"] is True
    # the environment department, having had a step, still sees it
    assert (await world.get(code, environment)).status_code == 200


async def test_cross_level_land_registration_commune_province_commune(world: World) -> None:
    citizen = await world.citizen("citizen-e2e-3")
    submitted = await world.submit_online(citizen, LAND, COMMUNE)
    assert submitted.status_code == 201, submitted.text
    code = submitted.json()["code"]
    route = [s["agency_code"] for s in submitted.json()["route"]]
    assert route == [COMMUNE, COMMUNE, LAND_OFFICE, LAND_OFFICE, COMMUNE, COMMUNE]
    desk = await world.officer("tiepnhan.xa")
    received = await _step(world, code, "receive", desk)
    assert received["due_at"]
    await _step(world, code, "forward", desk)
    commune_specialist = await world.officer("chuyenvien.xa")
    to_province = await _step(world, code, "forward", commune_specialist)
    assert to_province["current_agency_code"] == LAND_OFFICE
    _, land_specialist = await world.new_officer((LAND_OFFICE, Role.specialist))
    _, land_leader = await world.new_officer((LAND_OFFICE, Role.leader))
    assert code in await _worklist(world, land_specialist, agency=LAND_OFFICE)
    await _step(world, code, "forward", land_specialist)
    back = await _step(world, code, "forward", land_leader)
    assert back["current_agency_code"] == COMMUNE
    commune_leader = await world.officer("lanhdao.xa")
    await _step(world, code, "resolve", commune_leader)
    returned = await _step(world, code, "return_result", desk)
    assert returned["status"] == "returned"
    events = (await world.client.get(f"/api/v1/dossiers/{code}/events", headers=desk)).json()
    assert [s["agency_code"] for s in events["steps"]] == route
