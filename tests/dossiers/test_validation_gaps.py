"""Validation gaps found by the hardening probe (issue 11): an apology's new date is bounded, the
public lookup's mask survives one-word names and invisible characters, and citizens never read an
officer's login name in the audit trail."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.services.dossiers.lookup import mask_person_name
from tests.dossiers.conftest import BIRTH, COMMUNE, World

PROCEDURE = "1.001612"


async def test_an_apologys_new_appointment_is_bounded(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    code = (await world.submit_at_desk(desk, PROCEDURE)).json()["code"]
    leader = await world.officer("lanhdao.xa")
    due = datetime.fromisoformat((await world.get(code, desk)).json()["due_at"])
    a_year_later = await world.act(
        code,
        "reschedule",
        leader,
        promised_due_at=(due + timedelta(days=365)).isoformat(),
        note="Cần xác minh thêm",
    )
    assert a_year_later.status_code == 422
    problem = a_year_later.json()
    assert problem["code"] == "invalid_promised_due_at"
    assert problem["errors"][0]["field"] == "promised_due_at"
    assert "30 ngày làm việc" in problem["detail"]
    within = await world.act(
        code,
        "reschedule",
        leader,
        promised_due_at=(due + timedelta(days=7)).isoformat(),
        note="Cần xác minh thêm",
    )
    assert within.status_code == 200, within.text


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Nguyễn Văn An", "Nguyễn V** A**"),
        ("An", "A**"),  # one word: never shown whole
        ("\u200bAn\u200b", "A**"),
        ("Nguyễn\u200b Văn\u2060 An", "Nguyễn V** A**"),
        ("\u200b Lê \u200b Thị\ufeff Bình", "Lê T** B**"),
        ("Nguye\u0302\u0303n Văn An", "Nguyễn V** A**"),  # decomposed accents: NFC first
        ("   ", ""),
    ],
)
def test_the_mask_normalises_first(name: str, masked: str) -> None:
    assert mask_person_name(name) == masked


async def test_citizens_read_officers_full_names_never_their_login_names(world: World) -> None:
    citizen = await world.citizen("citizen-events")
    created = await world.submit_online(citizen, BIRTH, COMMUNE)
    assert created.status_code == 201, created.text
    code = created.json()["code"]
    desk = await world.officer("tiepnhan.xa")
    assert (await world.act(code, "receive", desk)).status_code == 200
    leader = await world.officer("lanhdao.xa")
    assigned = await world.act(code, "assign", leader, assignee="chuyenvien.xa")
    if assigned.status_code != 200:  # the first step is the desk's own: hand it over first
        assert (await world.act(code, "forward", desk)).status_code == 200
        assigned = await world.act(code, "assign", leader, assignee="chuyenvien.xa")
    assert assigned.status_code == 200, assigned.text
    as_officer = (await world.client.get(f"/api/v1/dossiers/{code}/events", headers=desk)).json()
    as_citizen = (await world.client.get(f"/api/v1/dossiers/{code}/events", headers=citizen)).json()
    officer_actors = {e["actor"] for e in as_officer["events"] if e["actor_kind"] == "officer"}
    assert "tiepnhan.xa" in officer_actors  # officers hand over by login name
    citizen_view = str(as_citizen)
    for login in ("tiepnhan.xa", "lanhdao.xa", "chuyenvien.xa"):
        assert login not in citizen_view
    citizen_actors = {e["actor"] for e in as_citizen["events"] if e["actor_kind"] == "officer"}
    assert citizen_actors and all(actor and "." not in actor for actor in citizen_actors)
