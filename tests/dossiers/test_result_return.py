"""Result return (issue 13): online (the owner downloads the electronic result, Decree 42/2022
art. 11), by post (consignment number, hand-over, delivery), at another desk of the province with
the code and PIN (Decree 118/2025); dossiers received by post or from the national portal; a desk
receiving for another commune where the application says so."""

from __future__ import annotations

from typing import Any

from tests.dossiers.conftest import BIRTH, COMMUNE, COMMUNE_UNIT, World
from tests.samples import PDF

OTHER_DESK = "000.32.00.H99"  # Phường Hòa Phú: a one-stop desk of the same province
BUSINESS = "1.001612"  # commune 31 only: not received province-wide


async def _ok(world: World, code: str, action: str, who: dict[str, str], **body: Any) -> Any:
    response = await world.act(code, action, who, **body)
    assert response.status_code == 200, (action, response.text)
    return response.json()


async def _resolve(world: World, code: str, *, with_result: bool = True) -> dict[str, Any]:
    """Receive (when submitted) and process a commune birth registration up to ``resolved``."""
    desk = await world.officer("tiepnhan.xa")
    dossier = (await world.get(code, desk)).json()
    if dossier["status"] == "submitted":
        await _ok(world, code, "receive", desk)
    await _ok(world, code, "forward", desk)
    specialist = await world.officer("chuyenvien.xa")
    await _ok(world, code, "forward", specialist)
    leader = await world.officer("lanhdao.xa")
    if with_result:
        attached = await world.client.post(
            f"/api/v1/dossiers/{code}/documents",
            json={
                "documents": [{"requirement_code": "KQ", "upload_id": await world.upload(leader)}]
            },
            headers=leader,
        )
        assert attached.status_code == 200, attached.text
    resolved: dict[str, Any] = await _ok(world, code, "resolve", leader)
    assert resolved["status"] == "resolved"
    return resolved


async def test_result_returned_online_when_the_owner_downloads_it(world: World) -> None:
    citizen = await world.citizen("result-online")
    submitted = await world.submit_online(citizen, BIRTH, COMMUNE, result_delivery="online")
    assert submitted.status_code == 201, submitted.text
    code = submitted.json()["code"]
    assert submitted.json()["result"]["delivery"] == "online"
    not_yet = await world.client.get(f"/api/v1/dossiers/{code}/result", headers=citizen)
    assert (not_yet.status_code, not_yet.json()["code"]) == (409, "no_result_document")
    await _resolve(world, code)
    # the receipt tells where the result goes: the applicant's account
    receipt = await world.client.get(f"/api/v1/dossiers/{code}/forms/receipt", headers=citizen)
    assert "kết quả điện tử" in receipt.text, receipt.text
    # someone else's citizen account neither sees nor downloads it
    stranger = await world.citizen("result-stranger", personal_id="001099099999")
    other = await world.client.get(f"/api/v1/dossiers/{code}/result", headers=stranger)
    assert other.status_code == 404

    download = await world.client.get(f"/api/v1/dossiers/{code}/result", headers=citizen)
    assert download.status_code == 200, download.text
    assert download.content == PDF
    assert download.headers["content-disposition"].startswith("attachment")
    returned = (await world.get(code, citizen)).json()
    assert returned["status"] == "returned"
    assert returned["result"]["returned_at"] is not None
    trail = (await world.client.get(f"/api/v1/dossiers/{code}/events", headers=citizen)).json()
    last = trail["events"][-1]
    assert (last["action"], last["actor_kind"], last["payload"]["delivery"]) == (
        "return_result",
        "citizen",
        "online",
    )
    # a second download reads the file again and changes nothing
    again = await world.client.get(f"/api/v1/dossiers/{code}/result", headers=citizen)
    assert again.status_code == 200
    assert (await world.get(code, citizen)).json()["version"] == returned["version"]


async def test_online_return_needs_an_online_result_and_an_online_dossier(world: World) -> None:
    citizen = await world.citizen("result-desk-delivery")
    submitted = await world.submit_online(citizen, BIRTH, COMMUNE)  # result at the desk
    code = submitted.json()["code"]
    await _resolve(world, code)
    refused = await world.client.get(f"/api/v1/dossiers/{code}/result", headers=citizen)
    assert (refused.status_code, refused.json()["code"]) == (403, "result_not_online")
    by_action = await world.act(code, "return_result", citizen)
    assert (by_action.status_code, by_action.json()["code"]) == (403, "result_not_online")
    # without an electronic result the owner cannot take it online either
    online = await world.submit_online(citizen, BIRTH, COMMUNE, result_delivery="online")
    online_code = online.json()["code"]
    await _resolve(world, online_code, with_result=False)
    missing = await world.act(online_code, "return_result", citizen)
    assert (missing.status_code, missing.json()["code"]) == (409, "no_result_document")
    # the desk cannot promise an electronic result to a dossier without an account
    desk = await world.officer("tiepnhan.xa")
    at_desk = await world.submit_at_desk(desk, BIRTH, result_delivery="online")
    assert at_desk.status_code == 422, at_desk.text


async def test_result_returned_by_post_with_consignment_number_and_delivery(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(
        desk, BIRTH, result_delivery="postal", result_address="Số 5 Lê Lợi, xã An Bình"
    )
    assert created.status_code == 201, created.text
    code = created.json()["code"]
    await _resolve(world, code)
    no_number = await world.act(code, "return_result", desk)
    assert (no_number.status_code, no_number.json()["code"]) == (
        422,
        "consignment_number_required",
    )
    posted = await _ok(world, code, "return_result", desk, consignment_number="EB123456789VN")
    assert posted["status"] == "returned"
    assert posted["result"]["delivery"] == "postal"
    assert posted["result"]["consignment_number"] == "EB123456789VN"
    assert posted["result"]["returned_at"] is not None  # handed over to the post
    assert posted["result"]["delivered_at"] is None
    delivered = await _ok(world, code, "record_delivery", desk, note="Bưu điện đã phát")
    assert delivered["result"]["delivered_at"] is not None
    twice = await world.act(code, "record_delivery", desk)
    assert (twice.status_code, twice.json()["code"]) == (409, "action_not_allowed")


async def test_another_desk_of_the_province_hands_over_the_result_with_code_and_pin(
    world: World,
) -> None:
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(desk, BIRTH)
    dossier = created.json()
    code, pin = dossier["code"], dossier["pin"]
    await _resolve(world, code)
    other_desk = await world.officer("tiepnhan.hoaphu")
    unseen = await world.act(code, "return_result", other_desk)
    assert unseen.status_code == 404
    wrong = await world.act(code, "return_result", other_desk, pin="ZZZZZZ")
    assert (wrong.status_code, wrong.json()["code"]) == (404, "dossier_not_found")
    # a specialist holding the PIN is no desk
    specialist = await world.officer("chuyenvien.tuphap")
    not_desk = await world.act(code, "return_result", specialist, pin=pin)
    assert not_desk.status_code == 404
    returned = await _ok(world, code, "return_result", other_desk, pin=pin)
    assert returned["status"] == "returned"
    assert returned["result"]["office_code"] == OTHER_DESK
    assert returned["finished_at"] is not None


async def test_the_desk_records_dossiers_received_by_post_or_from_the_national_portal(
    world: World,
) -> None:
    desk = await world.officer("tiepnhan.xa")
    for channel in ("postal", "national_portal"):
        created = await world.submit_at_desk(desk, BIRTH, channel=channel)
        assert created.status_code == 201, created.text
        assert created.json()["channel"] == channel
        assert created.json()["status"] == "received"
    listed = await world.client.get("/api/v1/dossiers", params={"channel": "postal"}, headers=desk)
    assert listed.json()["items"][0]["channel"] == "postal"
    citizen = await world.citizen("channel-citizen")
    refused = await world.submit_online(citizen, BIRTH, COMMUNE, channel="postal")
    assert refused.status_code == 422
    not_online = await world.submit_at_desk(desk, BIRTH, channel="online")
    assert not_online.status_code == 422


async def test_a_desk_receives_for_another_commune_where_the_application_says_so(
    world: World,
) -> None:
    other_desk = await world.officer("tiepnhan.hoaphu")
    # birth registration of commune An Bình, received at the Hòa Phú desk (province-wide reception)
    created = await world.submit_at_desk(other_desk, BIRTH, COMMUNE, receiving_office=OTHER_DESK)
    assert created.status_code == 201, created.text
    dossier = created.json()
    assert dossier["receiving_office_code"] == OTHER_DESK
    assert dossier["competent_agency_code"] == COMMUNE
    assert dossier["code"].startswith(f"{OTHER_DESK}-")
    assert [s["agency_code"] for s in dossier["route"]] == [
        OTHER_DESK,
        COMMUNE,
        COMMUNE,
        OTHER_DESK,
    ]
    assert dossier["applicant"]["unit_code"] == COMMUNE_UNIT
    # a procedure whose application does not say so stays with its own desks
    refused = await world.submit_at_desk(other_desk, BUSINESS, COMMUNE, receiving_office=OTHER_DESK)
    assert (refused.status_code, refused.json()["code"]) == (422, "receiving_office_code_invalid")
