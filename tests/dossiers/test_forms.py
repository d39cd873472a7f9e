"""Forms as JSON, and the receipt as printable HTML with a QR code of the code and its PIN."""

from __future__ import annotations

import qrcode
import qrcode.image.svg

from tests.dossiers.conftest import BIRTH, COMMUNE, World


async def test_receipt_json_and_printable_html_with_qr(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    created = (await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()
    code, pin = created["code"], created["pin"]
    receipt = await world.client.get(f"/api/v1/dossiers/{code}/forms/receipt", headers=desk)
    assert receipt.status_code == 200
    body = receipt.json()
    assert body["form_number"] == "01"
    assert body["title"] == "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    assert body["dossier_code"] == code
    assert body["lookup_pin"] == pin
    assert body["due_at"].endswith("+07:00")
    assert body["qr"] == f"{code}|{pin}"
    assert {d["form"] for d in body["documents"]} == {"paper"}
    page = await world.client.get(
        f"/api/v1/dossiers/{code}/forms/receipt", params={"format": "html"}, headers=desk
    )
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert code in page.text and pin in page.text
    expected_qr = (
        qrcode.make(f"{code}|{pin}", image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
        .to_string()
        .decode()
    )
    assert expected_qr.split("<path", 1)[1][:200] in page.text  # the same QR matrix


async def test_forms_follow_what_happened(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    refused = (await world.submit_at_desk(desk, BIRTH, COMMUNE, outcome="refuse")).json()
    assert refused["status"] == "rejected"
    refusal = await world.client.get(
        f"/api/v1/dossiers/{refused['code']}/forms/refusal", headers=desk
    )
    assert refusal.status_code == 200
    assert refusal.json()["form_number"] == "03"
    assert refusal.json()["reasons"] == "Kiểm tra tại quầy"
    receipt = await world.client.get(
        f"/api/v1/dossiers/{refused['code']}/forms/receipt", headers=desk
    )
    assert receipt.status_code == 409
    assert receipt.json()["code"] == "form_not_available"
    assert receipt.json()["status"] == 409  # the HTTP status; the dossier's is an extension member
    assert receipt.json()["dossier_status"] == "rejected"
    received = (await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()
    await world.act(received["code"], "forward", desk)
    sheet = await world.client.get(
        f"/api/v1/dossiers/{received['code']}/forms/control_sheet", headers=desk
    )
    assert sheet.status_code == 200
    assert [s["step"] for s in sheet.json()["steps"]] == ["S1", "S2"]
    assert sheet.json()["steps"][0]["finished_at"] is not None
    unknown = await world.client.get(
        f"/api/v1/dossiers/{received['code']}/forms/register", headers=desk
    )
    assert unknown.status_code == 422
