"""The dossier register of a desk (form 06): JSON pages, CSV, XLSX and the printable page."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from app.models.user import Role
from app.routers.dossiers_register import _slots as export_slots
from app.services.dossiers import register as register_service
from tests.dossiers.conftest import BIRTH, CENTRE, COMMUNE, World

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def _today() -> str:
    return datetime.now(UTC).astimezone(VIETNAM).date().isoformat()


async def _three_received(world: World) -> tuple[dict[str, str], list[str]]:
    desk = await world.officer("tiepnhan.xa")
    codes = []
    for _ in range(3):
        created = (await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()
        codes.append(created["code"])
    await world.act(codes[0], "forward", desk)
    return desk, codes


def _period(**extra: str) -> dict[str, str]:
    return {"received_from": _today(), "received_to": _today(), **extra}


async def test_json_pages_follow_reception_order_with_a_cursor(world: World) -> None:
    desk, codes = await _three_received(world)
    first = await world.client.get(
        f"/api/v1/registers/{COMMUNE}", params=_period(limit="2"), headers=desk
    )
    assert first.status_code == 200, first.text
    assert first.headers["cache-control"] == "no-store"
    body = first.json()
    assert body["title"] == "SỔ THEO DÕI HỒ SƠ"
    mine = [item for item in body["items"] if item["code"] in codes]
    assert [item["code"] for item in mine] == codes[: len(mine)]
    seen = [item["code"] for item in body["items"]]
    cursor = body["next_cursor"]
    while cursor:
        page = await world.client.get(
            f"/api/v1/registers/{COMMUNE}", params=_period(limit="2", cursor=cursor), headers=desk
        )
        assert page.status_code == 200
        seen += [item["code"] for item in page.json()["items"]]
        cursor = page.json()["next_cursor"]
    assert [code for code in seen if code in codes] == codes
    assert len(seen) == len(set(seen))
    forwarded = next(item for item in body["items"] if item["code"] == codes[0])
    assert forwarded["forwarded_at"] is not None
    assert forwarded["sets"] == 1
    assert forwarded["note"].startswith("Đang xử lý")


async def test_csv_and_xlsx_hold_every_row_with_vietnamese_headings(world: World) -> None:
    desk, codes = await _three_received(world)
    answer = await world.client.get(
        f"/api/v1/registers/{COMMUNE}", params=_period(format="csv"), headers=desk
    )
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["STT", "Mã hồ sơ", "Tên thủ tục hành chính"]
    assert [row[1] for row in rows[1:] if row[1] in codes] == codes
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(1, len(rows))]
    workbook = await world.client.get(
        f"/api/v1/registers/{COMMUNE}", params=_period(format="xlsx"), headers=desk
    )
    assert workbook.status_code == 200
    sheet = load_workbook(io.BytesIO(workbook.content), read_only=True).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0].startswith("SỔ THEO DÕI HỒ SƠ")
    assert values[1][:2] == ("STT", "Mã hồ sơ")
    assert [row[1] for row in values[2:]] == [row[1] for row in rows[1:]]
    received = next(row for row in values[2:] if row[1] == codes[0])[7]
    assert isinstance(received, datetime)  # a real date cell, in Vietnam's wall-clock time


async def test_printable_page_is_a_locked_down_a4_table(world: World) -> None:
    desk, codes = await _three_received(world)
    page = await world.client.get(
        f"/api/v1/registers/{COMMUNE}", params=_period(format="html"), headers=desk
    )
    assert page.status_code == 200
    assert "size:A4 landscape" in page.text
    assert "SỔ THEO DÕI HỒ SƠ" in page.text
    assert all(code in page.text for code in codes)
    assert page.headers["x-frame-options"] == "DENY"
    assert "default-src 'none'" in page.headers["content-security-policy"]


async def test_filters_narrow_the_register(world: World) -> None:
    desk, codes = await _three_received(world)
    answer = await world.client.get(
        f"/api/v1/registers/{COMMUNE}", params=_period(status="in_progress"), headers=desk
    )
    assert [item["code"] for item in answer.json()["items"] if item["code"] in codes] == codes[:1]
    other = await world.client.get(
        f"/api/v1/registers/{COMMUNE}", params=_period(procedure_code="9.999999"), headers=desk
    )
    assert other.json()["items"] == []


async def test_only_the_desks_officers_read_its_register(world: World) -> None:
    _, elsewhere = await world.new_officer((CENTRE, Role.receptionist))
    refused = await world.client.get(
        f"/api/v1/registers/{COMMUNE}", params=_period(), headers=elsewhere
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == "not_officer_here"
    citizen = await world.client.get(
        f"/api/v1/registers/{COMMUNE}", params=_period(), headers=await world.citizen()
    )
    assert citizen.status_code == 403
    anonymous = await world.client.get(f"/api/v1/registers/{COMMUNE}", params=_period())
    assert anonymous.status_code == 401
    unknown = await world.client.get(
        "/api/v1/registers/000.99.99.H99", params=_period(), headers=elsewhere
    )
    assert unknown.status_code == 404


async def test_bad_periods_and_cursors_are_problems(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    backwards = await world.client.get(
        f"/api/v1/registers/{COMMUNE}",
        params={"received_from": "2026-12-02", "received_to": "2026-12-01"},
        headers=desk,
    )
    assert backwards.status_code == 422
    assert backwards.json()["code"] == "period_invalid"
    too_long = await world.client.get(
        f"/api/v1/registers/{COMMUNE}",
        params={"received_from": "2025-01-01", "received_to": "2026-12-01"},
        headers=desk,
    )
    assert too_long.status_code == 422
    cursor = await world.client.get(
        f"/api/v1/registers/{COMMUNE}", params=_period(cursor="bm90LWEtY3Vyc29y"), headers=desk
    )
    assert cursor.status_code == 400
    assert cursor.json()["code"] == "invalid_cursor"


async def test_exports_beyond_the_limit_wait_their_turn(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    semaphore = export_slots(world.app.state)
    for _ in range(world.settings.exports_max_concurrent):
        await semaphore.acquire()
    try:
        busy = await world.client.get(
            f"/api/v1/registers/{COMMUNE}", params=_period(format="csv"), headers=desk
        )
        assert busy.status_code == 429
        assert busy.json()["code"] == "exports_busy"
        assert busy.headers["retry-after"] == "30"
    finally:
        for _ in range(world.settings.exports_max_concurrent):
            semaphore.release()
    again = await world.client.get(
        f"/api/v1/registers/{COMMUNE}", params=_period(format="csv"), headers=desk
    )
    assert again.status_code == 200


def test_cursor_round_trip() -> None:
    row = register_service.RegisterRow(
        id=42,
        code="X",
        procedure_code="1",
        procedure_name="P",
        sets=1,
        applicant_name="A",
        applicant_address=None,
        applicant_phone=None,
        competent_agency="C",
        channel=register_service.Channel.desk,
        status=register_service.DossierStatus.received,
        received_at=datetime(2026, 12, 1, 1, 2, 3, 456789, tzinfo=UTC),
        due_at=None,
        promised_due_at=None,
        forwarded_at=None,
        finished_at=None,
        returned_at=None,
    )
    assert register_service.decode_cursor(register_service.encode_cursor(row)) == (
        row.received_at,
        42,
    )
