"""Ratings from every dossier (issue 13): a desk rating device rates with the dossier's code and PIN,
its failures counted by the lookup's own throttle; the five-level scale the national index reads."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.models.throttle import ThrottleCounter
from app.services.dossiers import pin_guard
from app.services.dossiers.ratings import RATING_SCALE
from tests.dossiers.conftest import BIRTH, World


async def _returned_desk_dossier(world: World) -> dict[str, Any]:
    desk = await world.officer("tiepnhan.xa")
    dossier: dict[str, Any] = (await world.submit_at_desk(desk, BIRTH)).json()
    code = dossier["code"]
    for account, action in (
        ("tiepnhan.xa", "forward"),
        ("chuyenvien.xa", "forward"),
        ("lanhdao.xa", "resolve"),
        ("tiepnhan.xa", "return_result"),
    ):
        response = await world.act(code, action, await world.officer(account))
        assert response.status_code == 200, (action, response.text)
    return dossier


async def _rate(world: World, code: str, pin: str, rating: int = 5) -> Any:
    return await world.client.post(
        "/api/v1/ratings", json={"code": code, "pin": pin, "rating": rating}
    )


async def test_a_desk_dossier_is_rated_on_a_device_with_code_and_pin(world: World) -> None:
    dossier = await _returned_desk_dossier(world)
    code, pin = dossier["code"], dossier["pin"]
    wrong = await _rate(world, code, "AAAAAA")
    assert (wrong.status_code, wrong.json()["code"]) == (404, "dossier_not_found")
    unknown = await _rate(world, code + "9", pin)
    assert unknown.status_code == 404
    rated = await _rate(world, code, pin.lower(), rating=2)
    assert rated.status_code == 200, rated.text
    assert rated.json() == {"code": code, "rating": 2, "level": "Không hài lòng"}
    again = await _rate(world, code, pin)
    assert (again.status_code, again.json()["code"]) == (409, "already_rated")
    desk = await world.officer("tiepnhan.xa")
    assert (await world.get(code, desk)).json()["rating"] == 2
    trail = (await world.client.get(f"/api/v1/dossiers/{code}/events", headers=desk)).json()
    last = trail["events"][-1]
    assert (last["action"], last["actor_kind"], last["actor"]) == ("rate", "device", None)
    assert last["payload"] == {
        "rating": 2,
        "level": "dissatisfied",
        "dislike": True,
        "channel": "device",
    }


async def test_only_a_returned_dossier_is_rated(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    dossier = (await world.submit_at_desk(desk, BIRTH)).json()
    early = await _rate(world, dossier["code"], dossier["pin"])
    assert (early.status_code, early.json()["code"]) == (409, "action_not_allowed")
    bad = await world.client.post(
        "/api/v1/ratings", json={"code": dossier["code"], "pin": dossier["pin"], "rating": 6}
    )
    assert bad.status_code == 422


async def test_wrong_pins_on_the_device_count_against_the_lookups_throttle(world: World) -> None:
    dossier = await _returned_desk_dossier(world)
    code, pin = dossier["code"], dossier["pin"]
    limit = world.settings.lookup_code_max_failures
    for _ in range(limit - 1):
        assert (await _rate(world, code, "BBBBBB")).status_code == 404
    blocked = await _rate(world, code, "BBBBBB")
    assert (blocked.status_code, blocked.json()["code"]) == (429, "lookup_throttled")
    # the right PIN waits too: the code's counter is the public lookup's own
    right = await _rate(world, code, pin)
    assert (right.status_code, right.json()["code"]) == (429, "lookup_throttled")
    key = pin_guard.keys_of(code, "ignored").code
    async with world.factory() as session:
        counter = await session.scalar(select(ThrottleCounter).where(ThrottleCounter.key == key))
    assert counter is not None and counter.scope == pin_guard.CODE_SCOPE
    assert counter.blocked_until is not None


def test_the_scale_is_the_portals_five_levels_and_the_index_reads_the_bottom_two() -> None:
    assert sorted(RATING_SCALE) == [1, 2, 3, 4, 5]
    assert [RATING_SCALE[n].label_vi for n in (5, 4, 3, 2, 1)] == [
        "Rất hài lòng",
        "Hài lòng",
        "Chấp nhận được",
        "Không hài lòng",
        "Rất không hài lòng",
    ]
    assert {n for n, level in RATING_SCALE.items() if level.dislike} == {1, 2}
