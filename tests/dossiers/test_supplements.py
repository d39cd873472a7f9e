"""Supplements as the desk does them (issue 12; form 02): the desk creates a dossier with the outcome
``request_supplement`` while a mandatory document is missing; a request names each document (counts,
what is wrong) and the deadline; a processing agency's request goes out through the one-stop desk
(Decree 61/2018 art. 16) and says so; the applicant supplements those documents."""

from __future__ import annotations

from typing import Any

from tests.dossiers.conftest import BIRTH, BUILDING, CENTRE, COMMUNE, CONSTRUCTION, World


async def _events(world: World, code: str, who: dict[str, str]) -> list[dict[str, Any]]:
    response = await world.client.get(f"/api/v1/dossiers/{code}/events", headers=who)
    assert response.status_code == 200, response.text
    events: list[dict[str, Any]] = response.json()["events"]
    return events


async def test_the_desk_asks_for_the_missing_document_at_creation(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    body = {
        "procedure_code": BIRTH,
        "agency_code": COMMUNE,
        "receiving_office_code": COMMUNE,
        "applicant": {"name": "Trần Thị Bình", "id_number": "001199054321"},
        "documents": [
            {"requirement_code": code, "paper_original_checked": True}
            for code in ("TP01", "TP07")  # no birth certificate (TP03)
        ],
        "outcome": "receive",
        "note": "Thiếu giấy chứng sinh",
    }
    receive = await world.client.post("/api/v1/dossiers", json=body, headers=desk)
    assert receive.status_code == 422
    assert receive.json()["code"] == "mandatory_documents_missing"

    created = await world.client.post(
        "/api/v1/dossiers", json={**body, "outcome": "request_supplement"}, headers=desk
    )
    assert created.status_code == 201, created.text
    dossier = created.json()
    assert dossier["status"] == "supplement_requested"
    assert dossier["supplement_deadline_at"]
    request = (await _events(world, dossier["code"], desk))[-1]
    assert request["action"] == "request_supplement"
    [item] = request["payload"]["items"]
    assert item["requirement_code"] == "TP03"
    assert item["name"].startswith("Giấy chứng sinh")
    assert (item["originals"], item["certified_copies"], item["copies"]) == (1, 0, 0)
    assert item["reason"]
    # one instant, one form: Vietnam's time in the dossier and in the event (issue 14)
    assert request["payload"]["deadline"] == dossier["supplement_deadline_at"]
    assert dossier["supplement_deadline_at"].endswith("+07:00")
    assert "through_desk" not in request["payload"]  # the desk itself asks
    form = await world.client.get(
        f"/api/v1/dossiers/{dossier['code']}/forms/supplement_request", headers=desk
    )
    assert form.status_code == 200
    assert [i["requirement_code"] for i in form.json()["items"]] == ["TP03"]
    assert form.json()["form_number"] == "02"

    # the applicant brings it to the desk: the dossier is back where it was (never received)
    supplemented = await world.act(
        dossier["code"],
        "supplement",
        desk,
        documents=[{"requirement_code": "TP03", "paper_original_checked": True}],
    )
    assert supplemented.status_code == 200, supplemented.text
    assert supplemented.json()["status"] == "submitted"


async def test_the_desk_names_what_to_supplement_and_its_counts(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(
        desk,
        outcome="request_supplement",
        supplement_items=[
            {"requirement_code": "TP03", "certified_copies": 1, "reason": "Bản chụp mờ"}
        ],
    )
    assert created.status_code == 201, created.text
    [item] = (await _events(world, created.json()["code"], desk))[-1]["payload"]["items"]
    assert (item["requirement_code"], item["certified_copies"], item["reason"]) == (
        "TP03",
        1,
        "Bản chụp mờ",
    )


async def test_a_request_must_name_documents_of_the_procedure(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    code = (await world.submit_at_desk(desk)).json()["code"]
    unnamed = await world.act(code, "request_supplement", desk, note="Thiếu")
    assert unnamed.status_code == 422
    assert unnamed.json()["code"] == "supplement_items_invalid"
    foreign = await world.act(
        code,
        "request_supplement",
        desk,
        note="Thiếu",
        items=[{"requirement_code": "SO-HO-KHAU", "reason": "Không có trong quy định"}],
    )
    assert foreign.status_code == 422
    assert foreign.json()["code"] == "unknown_requirement"


async def test_a_processing_agencys_request_goes_out_through_the_desk(world: World) -> None:
    desk = await world.officer("tiepnhan")
    created = await world.submit_at_desk(desk, BUILDING, CONSTRUCTION, receiving_office=CENTRE)
    assert created.status_code == 201, created.text
    code = created.json()["code"]
    assert (await world.act(code, "forward", desk)).status_code == 200
    specialist = await world.officer("chuyenvien.xaydung")
    requested = await world.act(
        code,
        "request_supplement",
        specialist,
        note="Hồ sơ thiết kế chưa đủ",
        items=[{"requirement_code": "TP01", "reason": "Đơn đề nghị thiếu chữ ký chủ đầu tư"}],
    )
    assert requested.status_code == 200, requested.text
    event = (await _events(world, code, desk))[-1]
    assert event["payload"]["requested_by"] == CONSTRUCTION
    assert event["payload"]["through_desk"] == CENTRE
    form = (
        await world.client.get(f"/api/v1/dossiers/{code}/forms/supplement_request", headers=desk)
    ).json()
    assert (form["issued_by"], form["through_desk"]) == (CONSTRUCTION, CENTRE)
    assert form["items"][0]["reason"] == "Đơn đề nghị thiếu chữ ký chủ đầu tư"
    # the desk takes the supplement in and the dossier returns to the agency's step
    back = await world.act(
        code,
        "supplement",
        desk,
        documents=[{"requirement_code": "TP01", "paper_original_checked": True}],
    )
    assert back.status_code == 200, back.text
    assert back.json()["status"] == "in_progress"
    assert back.json()["current_agency_code"] == CONSTRUCTION


async def test_the_citizen_supplements_the_documents_named(world: World) -> None:
    citizen = await world.citizen("supplements-what-was-asked")
    code = (await world.submit_online(citizen)).json()["code"]
    desk = await world.officer("tiepnhan.xa")
    requested = await world.act(
        code,
        "request_supplement",
        desk,
        note="Giấy chứng sinh không đọc được",
        items=[{"requirement_code": "TP03", "reason": "Bản chụp không đọc được"}],
    )
    assert requested.status_code == 200, requested.text
    other = await world.act(
        code,
        "supplement",
        citizen,
        documents=[{"requirement_code": "TP02", "upload_id": await world.upload(citizen)}],
    )
    assert other.status_code == 422
    assert other.json()["code"] == "not_requested"
    done = await world.act(
        code,
        "supplement",
        citizen,
        documents=[{"requirement_code": "TP03", "upload_id": await world.upload(citizen)}],
    )
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "submitted"
