"""Worklists that show whose turn it is (issue 13): each item names the current step and its assignee;
an agency's worklist shows what is at the agency now, ``passed_through`` adds what went through it;
events name steps by code."""

from __future__ import annotations

from typing import Any

from tests.dossiers.conftest import BUILDING, CENTRE, CONSTRUCTION, World


async def _items(world: World, who: dict[str, str], **params: Any) -> dict[str, dict[str, Any]]:
    response = await world.client.get("/api/v1/dossiers", params=params, headers=who)
    assert response.status_code == 200, response.text
    return {item["code"]: item for item in response.json()["items"]}


async def test_items_show_the_current_step_and_its_assignee(world: World) -> None:
    desk = await world.officer("tiepnhan")
    code = (
        await world.submit_at_desk(desk, BUILDING, CONSTRUCTION, receiving_office=CENTRE)
    ).json()["code"]
    item = (await _items(world, desk))[code]
    assert (item["current_step_code"], item["assignee"]) == ("S1", None)
    assert item["current_step_name"] == "Tiếp nhận hồ sơ tại Trung tâm PVHCC"
    assert (await world.act(code, "forward", desk)).status_code == 200
    leader = await world.officer("lanhdao.xaydung")
    assigned = await world.act(code, "assign", leader, assignee="chuyenvien.xaydung")
    assert assigned.status_code == 200, assigned.text
    item = (await _items(world, leader, agency=CONSTRUCTION))[code]
    assert (item["current_step_code"], item["assignee"]) == ("S2", "chuyenvien.xaydung")
    assert item["current_agency_code"] == CONSTRUCTION


async def test_an_agencys_worklist_shows_what_is_there_now_unless_asked_for_more(
    world: World,
) -> None:
    desk = await world.officer("tiepnhan")
    code = (
        await world.submit_at_desk(desk, BUILDING, CONSTRUCTION, receiving_office=CENTRE)
    ).json()["code"]
    assert code in await _items(world, desk, agency=CENTRE)
    assert (await world.act(code, "forward", desk)).status_code == 200
    # now at the construction department: not in the centre's current worklist ...
    assert code not in await _items(world, desk, agency=CENTRE)
    # ... but among the dossiers that passed through it
    assert code in await _items(world, desk, agency=CENTRE, passed_through="true")
    specialist = await world.officer("chuyenvien.xaydung")
    assert (await world.act(code, "forward", specialist)).status_code == 200  # to environment (S3)
    assert code not in await _items(world, specialist, agency=CONSTRUCTION)
    assert code in await _items(world, specialist, agency=CONSTRUCTION, passed_through="true")

    trail = (await world.client.get(f"/api/v1/dossiers/{code}/events", headers=desk)).json()
    assert [(e["action"], e["step_code"]) for e in trail["events"]] == [
        ("submit", None),
        ("receive", "S1"),
        ("forward", "S2"),
        ("forward", "S3"),
    ]
