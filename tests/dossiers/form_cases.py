"""One dossier through the action each form records (issue 14): shared by the JSON tests of the
forms and the printing test in a headless browser."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tests.dossiers.conftest import BIRTH, BUILDING, CENTRE, COMMUNE, CONSTRUCTION, World

BUSINESS = "1.001612"  # household business registration: 3 working days at the commune


@dataclass(frozen=True)
class Case:
    """A dossier whose ``form`` applies, the officer headers that read it, and what it must show."""

    form: str
    code: str
    headers: dict[str, str]
    applicant: str


async def _ok(
    world: World, code: str, action: str, headers: dict[str, str], **body: object
) -> dict:
    response = await world.act(code, action, headers, **body)
    assert response.status_code == 200, (action, response.text)
    return dict(response.json())


async def receipt(world: World) -> Case:
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(desk, BIRTH, COMMUNE)
    assert created.status_code == 201, created.text
    return Case("receipt", created.json()["code"], desk, "Trần Thị Bình")


async def supplement_request(world: World) -> Case:
    """At the desk, the birth certificate missing: the request names it, with what is wrong."""
    desk = await world.officer("tiepnhan.xa")
    body = {
        "procedure_code": BIRTH,
        "agency_code": COMMUNE,
        "receiving_office_code": COMMUNE,
        "applicant": {
            "name": "Trần Thị Bình",
            "id_number": "001199054321",
            "phone": "0987654321",
            "email": "binh.tran@example.vn",
            "address": "Thôn Đông, xã An Bình",
        },
        "documents": [
            {"requirement_code": code, "paper_original_checked": True} for code in ("TP01", "TP07")
        ],
        "outcome": "request_supplement",
        "note": "Thiếu giấy chứng sinh",  # the missing document becomes the request's item
    }
    created = await world.client.post("/api/v1/dossiers", json=body, headers=desk)
    assert created.status_code == 201, created.text
    return Case("supplement_request", created.json()["code"], desk, "Trần Thị Bình")


async def refusal(world: World) -> Case:
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(
        desk, BIRTH, COMMUNE, outcome="refuse", note="Thủ tục không thuộc thẩm quyền của xã"
    )
    assert created.status_code == 201, created.text
    return Case("refusal", created.json()["code"], desk, "Trần Thị Bình")


async def refusal_after_appraisal(world: World) -> Case:
    desk = await world.officer("tiepnhan")
    created = await world.submit_at_desk(desk, BUILDING, CONSTRUCTION, receiving_office=CENTRE)
    assert created.status_code == 201, created.text
    code = created.json()["code"]
    await _ok(world, code, "forward", desk)
    leader = await world.officer("lanhdao.xaydung")
    await _ok(world, code, "refuse", leader, note="Công trình không phù hợp quy hoạch được duyệt")
    return Case("refusal", code, desk, "Trần Thị Bình")


async def apology(world: World) -> Case:
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(desk, BUSINESS, COMMUNE)
    assert created.status_code == 201, created.text
    body = created.json()
    promised = datetime.fromisoformat(body["due_at"]) + timedelta(days=2)
    leader = await world.officer("lanhdao.xa")
    await _ok(
        world,
        body["code"],
        "reschedule",
        leader,
        promised_due_at=promised.isoformat(),
        note="Chờ xác minh của cơ quan thuế",
    )
    return Case("apology", body["code"], desk, "Trần Thị Bình")


async def stop_notice(world: World) -> Case:
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(desk, BIRTH, COMMUNE)
    assert created.status_code == 201, created.text
    code = created.json()["code"]
    await _ok(world, code, "stop", await world.officer("lanhdao.xa"), note="Người nộp đề nghị dừng")
    return Case("stop_notice", code, desk, "Trần Thị Bình")


async def control_sheet(world: World) -> Case:
    """Received, handed to the specialist's step, resolved, returned: every hand-over of the sheet."""
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(desk, BIRTH, COMMUNE)
    assert created.status_code == 201, created.text
    code = created.json()["code"]
    await _ok(world, code, "forward", desk)  # S1 desk -> S2 specialist
    leader = await world.officer("lanhdao.xa")
    await _ok(world, code, "assign", leader, assignee="chuyenvien.xa")
    await _ok(world, code, "forward", await world.officer("chuyenvien.xa"))  # S2 -> S3 leader
    await _ok(world, code, "resolve", leader)  # S3 -> S4, the desk returns the result
    await _ok(world, code, "return_result", desk)
    return Case("control_sheet", code, desk, "Trần Thị Bình")


ALL = (
    receipt,
    supplement_request,
    refusal,
    refusal_after_appraisal,
    apology,
    stop_notice,
    control_sheet,
)
