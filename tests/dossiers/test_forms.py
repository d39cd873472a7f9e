"""The official forms (issue 14): each as JSON and as a printable A5 page, filled from a dossier that
went through the action it records, with what the template asks; a form whose action has not happened
is a 409; forms are for the applicant who owns the dossier and its officers; the receipt's QR code
holds a public lookup link that the lookup answers."""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import update

from app.models.calendar import DurationUnit
from app.models.dossier import Dossier
from app.models.user import Role
from app.services.dossiers import form_text
from tests.dossiers import form_cases
from tests.dossiers.conftest import BIRTH, CENTRE, COMMUNE, CONSTRUCTION, World

DATE_IN_WORDS = re.compile(r"ngày \d{2} tháng \d{2} năm \d{4}$")
TIME_IN_WORDS = re.compile(r"^\d{2} giờ \d{2} phút, ngày \d{2}/\d{2}/\d{4}$")
LOGINS = ("tiepnhan", "lanhdao", "chuyenvien")


async def _form(world: World, case: form_cases.Case, **params: str) -> dict:
    response = await world.client.get(
        f"/api/v1/dossiers/{case.code}/forms/{case.form}", params=params, headers=case.headers
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _page(world: World, case: form_cases.Case) -> str:
    response = await world.client.get(
        f"/api/v1/dossiers/{case.code}/forms/{case.form}",
        params={"format": "html"},
        headers=case.headers,
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def _no_login_names(value: object) -> None:
    text = str(value)
    for login in LOGINS:
        assert f"'{login}" not in text and f'"{login}' not in text, login


@pytest.mark.parametrize("make", form_cases.ALL, ids=lambda make: make.__name__)
async def test_every_form_carries_the_template_heading_applicant_and_signatures(
    world: World, make: Callable[[World], Awaitable[form_cases.Case]]
) -> None:
    case = await make(world)
    form = await _form(world, case)
    assert form["form"] == case.form
    assert form["national_heading"] == {
        "name": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
    }
    assert form["issuing_agency"]["name"]
    assert form["superior_agency"]["name"] == "Ủy ban nhân dân tỉnh Mẫu"
    assert DATE_IN_WORDS.search(form["place_and_date"]), form["place_and_date"]
    assert form["issued_at"].endswith("+07:00")
    assert form["applicant"]["name"] == case.applicant
    assert form["applicant"]["phone"] == "0987654321"
    assert set(form["applicant"]) == {"name", "address", "phone", "email"}
    assert form["procedure"]["name"]
    assert form["legal_basis"] == f"Mẫu số {form['form_number']} — Thông tư số 03/2025/TT-VPCP"
    assert form["signatures"]
    for block in form["signatures"]:
        assert block["label"] and block["name"], block
    _no_login_names(form)
    page = await _page(world, case)
    for text in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        form["title"],
        form["place_and_date"],
        case.applicant,
        form["issuing_agency"]["name"],
        form["superior_agency"]["name"],
        *(b["name"] for b in form["signatures"]),
    ):
        assert text in page, text
    assert "size:A5" in page


async def test_the_receipt_has_every_field_of_form_01(world: World) -> None:
    case = await form_cases.receipt(world)
    form = await _form(world, case)
    dossier = (await world.get(case.code, case.headers)).json()
    assert form["form_number"] == "01"
    assert form["title"] == "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    assert form["dossier_code"] == case.code
    assert form["issuing_agency"] == {"code": COMMUNE, "name": "Ủy ban nhân dân xã An Bình"}
    assert form["procedure"] == {"code": BIRTH, "name": "Thủ tục đăng ký khai sinh"}
    assert [d["requirement_code"] for d in form["documents"]] == ["TP01", "TP03", "TP07"]
    for line in form["documents"]:
        assert line["name"] and line["form"] == "paper"
        assert (line["originals"], line["certified_copies"], line["copies"]) == (1, 0, 0)
    assert form["sets"] == 1
    assert form["processing_time"] == {
        "amount": "1",
        "unit": "working_days",
        "text": "1 ngày làm việc",
    }
    assert form["due_at"] == dossier["due_at"]
    assert form["due_at"].endswith("+07:00") and form["received_at"].endswith("+07:00")
    due = datetime.fromisoformat(form["due_at"])
    assert form["appointment_text"] == f"{due:%H} giờ {due:%M} phút, ngày {due:%d/%m/%Y}"
    assert TIME_IN_WORDS.match(form["received_at_text"])
    assert form["result_collection"] == {
        "delivery": "desk",
        "text": "Bộ phận Một cửa — Ủy ban nhân dân xã An Bình",
    }
    assert form["register"]["book"] == str(due.year)
    assert form["register"]["number"] >= 1
    assert form["signatures"] == [
        {"label": "Người nộp hồ sơ", "name": "Trần Thị Bình", "title": None},
        {
            "label": "Người tiếp nhận hồ sơ",
            "name": "Trần Văn Một Cửa (demo)",
            "title": "Công chức tiếp nhận hồ sơ",
        },
    ]
    assert form["lookup_pin"] == dossier["pin"]
    page = await _page(world, case)
    for text in (
        form["appointment_text"],
        "1 ngày làm việc",
        "Giấy chứng sinh",
        f"Quyển số: {form['register']['book']}, Số thứ tự: {form['register']['number']}",
        "Bộ phận Một cửa — Ủy ban nhân dân xã An Bình",
        dossier["pin"],
    ):
        assert text in page, text
    assert "tiepnhan.xa" not in page  # the officer by full name, never the login
    assert "electronic" not in page and "+07:00" not in page  # words, not raw values


async def test_a_second_receipt_at_the_desk_takes_the_next_register_number(world: World) -> None:
    first = await _form(world, await form_cases.receipt(world))
    second = await _form(world, await form_cases.receipt(world))
    assert second["register"] == {
        "book": first["register"]["book"],
        "number": first["register"]["number"] + 1,
    }


async def test_the_supplement_request_names_each_document_what_is_wrong_and_the_deadline(
    world: World,
) -> None:
    case = await form_cases.supplement_request(world)
    form = await _form(world, case)
    assert form["form_number"] == "02"
    assert form["applicant"]["email"] == "binh.tran@example.vn"
    assert form["applicant"]["address"] == "Thôn Đông, xã An Bình"
    [item] = form["items"]
    assert item["requirement_code"] == "TP03"
    assert item["name"].startswith("Giấy chứng sinh")
    assert item["reason"] == "Chưa có trong hồ sơ (thành phần bắt buộc)"
    assert (item["originals"], item["certified_copies"], item["copies"]) == (1, 0, 0)
    assert form["deadline"].endswith("+07:00")
    assert TIME_IN_WORDS.match(form["deadline_text"])
    assert form["reasons"] == "Thiếu giấy chứng sinh"
    assert form["register"] is None  # not received: not in the register yet
    page = await _page(world, case)
    for text in (item["reason"], form["deadline_text"], "Giấy chứng sinh", "binh.tran@example.vn"):
        assert text in page, text


async def test_the_refusals_give_their_reasons_at_the_desk_and_after_appraisal(
    world: World,
) -> None:
    at_desk = await _form(world, await form_cases.refusal(world))
    assert (at_desk["form_number"], at_desk["stage"]) == ("03", "reception")
    assert at_desk["reasons"] == "Thủ tục không thuộc thẩm quyền của xã"
    assert at_desk["signatures"][0]["title"] == "Công chức tiếp nhận hồ sơ"
    case = await form_cases.refusal_after_appraisal(world)
    after = await _form(world, case)
    assert (after["form_number"], after["stage"]) == ("03", "after_appraisal")
    assert after["reasons"] == "Công trình không phù hợp quy hoạch được duyệt"
    assert after["issuing_agency"]["code"] == CONSTRUCTION
    assert (after["issued_by"], after["through_desk"]) == (CONSTRUCTION, CENTRE)
    assert after["signatures"] == [
        {
            "label": "Thủ trưởng cơ quan giải quyết",
            "name": "Vũ Thị Kiến Trúc (demo)",
            "title": "Lãnh đạo cơ quan",
        }
    ]
    page = await _page(world, case)
    assert "Công trình không phù hợp quy hoạch được duyệt" in page
    assert "sau khi thẩm định" in page


async def test_the_apology_gives_the_received_date_the_late_reason_and_the_new_appointment(
    world: World,
) -> None:
    case = await form_cases.apology(world)
    form = await _form(world, case)
    dossier = (await world.get(case.code, case.headers)).json()
    assert form["form_number"] == "04"
    assert form["received_at"] == dossier["received_at"]
    assert TIME_IN_WORDS.match(form["received_at_text"])
    assert form["reasons"] == "Chờ xác minh của cơ quan thuế"
    assert form["due_at"] == dossier["due_at"]
    assert form["promised_due_at"] == dossier["promised_due_at"]
    assert form["promised_due_at"].endswith("+07:00")
    new = datetime.fromisoformat(form["promised_due_at"])
    assert form["new_appointment_text"] == f"{new:%H} giờ {new:%M} phút, ngày {new:%d/%m/%Y}"
    assert form["late"] is False
    page = await _page(world, case)
    for text in (form["received_at_text"], form["reasons"], form["new_appointment_text"]):
        assert text in page, text


async def test_the_stop_notice_gives_its_reasons(world: World) -> None:
    case = await form_cases.stop_notice(world)
    form = await _form(world, case)
    assert form["form_number"] == "05"  # the 2025 numbering of the rule set in force
    assert form["reasons"] == "Người nộp đề nghị dừng"
    assert TIME_IN_WORDS.match(form["stopped_at_text"])
    assert form["signatures"][0]["name"] == "Bùi Thị Chủ Tịch (demo)"
    assert "Người nộp đề nghị dừng" in await _page(world, case)


async def test_the_control_sheet_lists_each_hand_over_with_giver_receiver_time_and_verdict(
    world: World,
) -> None:
    case = await form_cases.control_sheet(world)
    form = await _form(world, case)
    assert form["form_number"] == "06"
    office = "Ủy ban nhân dân xã An Bình"
    assert [(h["giver"]["name"], h["receiver"]["name"]) for h in form["handovers"]] == [
        ("Trần Thị Bình", "Trần Văn Một Cửa (demo)"),  # reception
        ("Trần Văn Một Cửa (demo)", "Đỗ Văn Hộ Tịch (demo)"),  # to the assigned specialist
        ("Đỗ Văn Hộ Tịch (demo)", None),  # to the leader's step (nobody assigned)
        ("Bùi Thị Chủ Tịch (demo)", None),  # the result back to the desk
        ("Trần Văn Một Cửa (demo)", "Trần Thị Bình"),  # returned to the applicant
    ]
    assert [h["receiver"]["agency"] for h in form["handovers"]][1:4] == [office] * 3
    for handover in form["handovers"]:
        assert handover["at"].endswith("+07:00")
        assert TIME_IN_WORDS.match(handover["at_text"])
    assert form["handovers"][0]["verdict"] is None
    for handover in form["handovers"][1:]:
        assert handover["verdict"] in {"before", "on", "after"}
        assert handover["verdict_text"] == form_text.VERDICT_VI[handover["verdict"]]
    assert [s["step"] for s in form["steps"]] == ["S1", "S2", "S3", "S4"]
    page = await _page(world, case)
    assert "Giao: Trần Thị Bình" in page and "Nhận: Trần Văn Một Cửa (demo)" in page
    assert form["handovers"][1]["verdict_text"] in page


async def test_a_form_whose_action_has_not_happened_is_a_409(world: World) -> None:
    received = await form_cases.receipt(world)
    for form in ("supplement_request", "refusal", "apology", "stop_notice"):
        response = await world.client.get(
            f"/api/v1/dossiers/{received.code}/forms/{form}", headers=received.headers
        )
        assert response.status_code == 409, form
        assert response.json()["code"] == "form_not_available"
        assert response.json()["status"] == 409  # the HTTP status; the dossier's is an extension
        assert response.json()["dossier_status"] == "received"
        page = await world.client.get(
            f"/api/v1/dossiers/{received.code}/forms/{form}",
            params={"format": "html"},
            headers=received.headers,
        )
        assert page.status_code == 409, form
    refused = await form_cases.refusal(world)
    for form in ("receipt", "control_sheet"):
        response = await world.client.get(
            f"/api/v1/dossiers/{refused.code}/forms/{form}", headers=refused.headers
        )
        assert response.status_code == 409, form
        assert response.json()["dossier_status"] == "rejected"
    unknown = await world.client.get(
        f"/api/v1/dossiers/{received.code}/forms/register", headers=received.headers
    )
    assert unknown.status_code == 422  # the register is a desk's, not a dossier's form


async def test_forms_are_for_the_owner_and_the_dossiers_officers_only(world: World) -> None:
    owner = await world.citizen("forms-owner")
    submitted = await world.submit_online(owner, BIRTH, COMMUNE)
    assert submitted.status_code == 201, submitted.text
    code = submitted.json()["code"]
    desk = await world.officer("tiepnhan.xa")
    assert (await world.act(code, "receive", desk)).status_code == 200
    path = f"/api/v1/dossiers/{code}/forms/receipt"
    mine = await world.client.get(path, headers=owner)
    assert mine.status_code == 200, mine.text
    assert mine.json()["applicant"]["email"] == "an.nguyen@example.vn"
    assert mine.json()["signatures"][1]["name"] == "Trần Văn Một Cửa (demo)"  # never the login
    assert (await world.client.get(path, headers=desk)).status_code == 200
    stranger = await world.citizen("forms-stranger")
    _, unrelated = await world.new_officer((CONSTRUCTION, Role.leader))
    for headers in (stranger, unrelated):
        for params in ({}, {"format": "html"}):
            response = await world.client.get(path, params=params, headers=headers)
            assert response.status_code == 404
            assert response.json()["code"] == "dossier_not_found"
    assert (await world.client.get(path)).status_code == 401


def _qr_of(page: str) -> str:
    """The text of the QR code printed on a page (its data: PNG, decoded by zxing-cpp)."""
    found = re.search(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'", page)
    assert found is not None
    image = Image.open(io.BytesIO(base64.b64decode(found.group(1))))
    [code] = zxingcpp.read_barcodes(image)
    assert code.format == zxingcpp.BarcodeFormat.QRCode
    return str(code.text)


async def test_the_receipt_qr_decodes_to_a_lookup_link_the_public_lookup_answers(
    world: World,
) -> None:
    base = "https://dichvucong.example.gov.vn/api/v1/lookup"
    world.app.state.settings = world.settings.model_copy(update={"public_lookup_url": base})
    case = await form_cases.receipt(world)
    form = await _form(world, case)
    url = _qr_of(await _page(world, case))
    assert url == form["lookup_url"] == form["qr"]
    assert url == f"{base}/{case.code}?pin={form['lookup_pin']}"
    link = urlsplit(url)
    answer = await world.client.get(f"{link.path}?{link.query}")  # no credentials: public
    assert answer.status_code == 200, answer.text
    assert answer.json()["code"] == case.code
    assert answer.json()["status"] == "received"
    assert answer.json()["applicant_name"] == "Trần T** B**"  # masked
    assert answer.json()["due_at"] == form["due_at"]


async def test_form_numbers_follow_the_dossiers_rule_set(world: World) -> None:
    """Decree 61/2018's rule set numbers the forms as Circular 01/2018 does (control sheet 05, no
    number for the stop notice); the 2025 rule set as Circular 03/2025 [U] does."""
    case = await form_cases.control_sheet(world)
    assert (await _form(world, case))["form_number"] == "06"
    async with world.factory() as session:
        await session.execute(
            update(Dossier).where(Dossier.code == case.code).values(rule_set="nd61-2018")
        )
        await session.commit()
    old = await _form(world, case)
    assert old["form_number"] == "05"
    assert old["legal_basis"] == "Mẫu số 05 — Thông tư số 01/2018/TT-VPCP"


def test_dates_times_and_durations_in_words() -> None:
    instant = datetime(2026, 12, 2, 0, 30, tzinfo=UTC)  # 07:30 in Vietnam
    assert form_text.date_in_words(instant) == "ngày 02 tháng 12 năm 2026"
    assert form_text.time_in_words(instant) == "07 giờ 30 phút, ngày 02/12/2026"
    late_evening = datetime(2026, 11, 30, 17, 5, tzinfo=UTC)  # 00:05 on 1 December, local
    assert form_text.date_in_words(late_evening) == "ngày 01 tháng 12 năm 2026"
    assert form_text.place_and_date("Hà Nội", instant) == "Hà Nội, ngày 02 tháng 12 năm 2026"
    assert form_text.duration_text(Decimal("15.000"), DurationUnit.WORKING_DAYS) == (
        "15 ngày làm việc"
    )
    assert form_text.duration_text(Decimal("0.5"), DurationUnit.WORKING_DAYS) == (
        "0,5 ngày làm việc"
    )
    assert form_text.duration_text(Decimal(4), DurationUnit.WORKING_HOURS) == "4 giờ làm việc"


def test_a_hand_over_is_before_on_or_after_its_due_time() -> None:
    due = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # 17:00 local
    assert form_text.timing_verdict(datetime(2026, 12, 1, 9, 0, tzinfo=UTC), due) == "before"
    assert form_text.timing_verdict(datetime(2026, 12, 2, 1, 0, tzinfo=UTC), due) == "on"
    assert form_text.timing_verdict(due, due) == "on"
    assert form_text.timing_verdict(datetime(2026, 12, 2, 10, 1, tzinfo=UTC), due) == "after"
    assert form_text.timing_verdict(None, due) is None
    assert form_text.timing_verdict(due, None) is None
