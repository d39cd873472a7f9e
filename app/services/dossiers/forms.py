"""The full view of a dossier and its forms (Circular 01/2018/TT-VPCP; the rule set maps form names to
form numbers, since a 2025 circular may renumber them).

Forms are JSON documents; the receipt (phiếu tiếp nhận và hẹn trả kết quả) also renders as printable
HTML with a QR code carrying the code and its lookup PIN.
"""

from __future__ import annotations

import html
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

import qrcode
import qrcode.image.svg
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict, ProblemCode
from app.models.catalog import Agency
from app.models.dossier import Action, Dossier, DossierEvent, DossierStep
from app.models.procedure import Procedure
from app.schemas.dossiers import DossierRead, FeeLineRead, StepRead
from app.services.dossiers.access import actors_of
from app.services.dossiers.documents import list_documents
from app.services.dossiers.lifecycle import (
    STATUS_LABEL_VI,
    actions_in,
    rule_for,
)
from app.services.dossiers.reads import DossierView
from app.services.dossiers.rule_sets import rule_set
from app.services.identity.principals import Principal

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


class FormName(StrEnum):
    receipt = "receipt"
    supplement_request = "supplement_request"
    refusal = "refusal"
    apology = "apology"
    stop_notice = "stop_notice"
    control_sheet = "control_sheet"


FORM_TITLES: dict[FormName, str] = {
    FormName.receipt: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    FormName.supplement_request: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    FormName.refusal: "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    FormName.apology: "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    FormName.stop_notice: "Thông báo dừng xử lý hồ sơ",
    FormName.control_sheet: "Phiếu kiểm soát quá trình giải quyết hồ sơ",
}

# The events whose existence makes a form available (None: available once received). The refusal
# form records the desk's refusal before receipt and the processing agency's after appraisal.
_FORM_EVENT: dict[FormName, tuple[str, ...] | None] = {
    FormName.receipt: (Action.receive.value,),
    FormName.supplement_request: (Action.request_supplement.value,),
    FormName.refusal: (Action.reject.value, Action.refuse.value),
    FormName.apology: (Action.reschedule.value,),
    FormName.stop_notice: (Action.stop.value,),
    FormName.control_sheet: None,
}


def _steps(dossier: Dossier) -> list[StepRead]:
    return [
        StepRead(
            position=s["position"],
            code=s["code"],
            name=s["name"],
            agency_code=s["agency_code"],
            role=s["role"],
        )
        for s in dossier.route
    ]


def full_view(view: DossierView, principal: Principal) -> DossierRead:
    d = view.dossier
    route = _steps(d)
    current = (
        route[d.current_step]
        if d.current_step is not None and d.current_step < len(route)
        else None
    )
    mine = actors_of(principal, d)
    allowed = [
        a for a in actions_in(d.status) if (rule := rule_for(a, d.status)) and rule.actors & mine
    ]
    return DossierRead(
        code=d.code,
        pin=d.pin,
        status=d.status,
        status_label=STATUS_LABEL_VI[d.status],
        status_code=rule_set(d.rule_set).status_code(d.status),
        version=d.version,
        procedure_code=view.procedure.code,
        procedure_name=view.procedure.name,
        procedure_version=view.procedure.version,
        application_version=view.application.version,
        rule_set=d.rule_set,
        channel=d.channel,
        receiving_office_code=d.receiving_office_code,
        competent_agency_code=d.competent_agency_code,
        current_agency_code=d.current_agency_code,
        current_step=current,
        assignee=view.assignee,
        route=route,
        applicant={
            "kind": str(d.applicant_kind),
            "name": d.applicant_name,
            "id_kind": str(d.applicant_id_kind),
            "id_number": d.applicant_id_number,
            "phone": d.applicant_phone,
            "email": d.applicant_email,
            "address": d.applicant_address,
            "unit_code": d.applicant_unit_code,
        },
        subject_unit_code=d.subject_unit_code,
        submitted_at=d.submitted_at,
        received_at=d.received_at,
        due_at=d.due_at,
        promised_due_at=d.promised_due_at,
        finished_at=d.finished_at,
        returned_at=d.returned_at,
        supplement_deadline_at=d.supplement_deadline_at,
        supplement_count=d.supplement_count,
        on_time=d.on_time,
        overdue=d.overdue,
        result_delivery=d.result_delivery,
        fee_lines=[
            FeeLineRead(
                id=f.id,
                quantities=f.quantities or {},
                due=f.due,
                name=f.name,
                kind=f.kind,
                amount=f.amount,
                condition=f.condition,
                requires_confirmation=f.requires_confirmation,
                confirmed=f.confirmed,
                paid_at=f.paid_at,
                receipt_number=f.receipt_number,
            )
            for f in view.fee_lines
        ],
        documents=view.documents,
        rating=d.rating,
        allowed_actions=allowed,
    )


def _local(instant: datetime | None) -> str | None:
    return instant.astimezone(VIETNAM).isoformat() if instant else None


async def build(session: AsyncSession, dossier: Dossier, form: FormName) -> dict[str, Any]:
    """The form as a JSON document; 409 when the dossier has not been through what it records."""
    wanted = _FORM_EVENT[form]
    events = list(
        await session.scalars(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier.id)
            .order_by(DossierEvent.seq)
        )
    )
    if wanted is not None:
        matching = [e for e in events if e.action in wanted]
    else:
        matching = [e for e in events if e.action == Action.receive.value]
    if not matching:
        raise Conflict(
            "Hồ sơ chưa có biểu mẫu này ở trạng thái hiện tại.",
            code=ProblemCode.form_not_available,
            extra={"dossier_status": dossier.status.value},
        )
    event = matching[-1]
    procedure = await session.get(Procedure, dossier.procedure_id)
    office = await session.get(Agency, dossier.receiving_office_code)
    assert procedure is not None
    numbers = dict(rule_set(dossier.rule_set).form_numbers)
    document: dict[str, Any] = {
        "form": form.value,
        "form_number": numbers.get(form.value) or None,
        "title": FORM_TITLES[form],
        "dossier_code": dossier.code,
        "procedure": {"code": procedure.code, "name": procedure.name},
        "receiving_office": {
            "code": dossier.receiving_office_code,
            "name": office.name if office else None,
        },
        "applicant": {
            "name": dossier.applicant_name,
            "address": dossier.applicant_address,
            "phone": dossier.applicant_phone,
        },
        "issued_at": _local(event.at),
        "officer": event.actor_id if event.actor_kind.value == "officer" else None,
    }
    if form is FormName.receipt:
        document.update(
            lookup_pin=dossier.pin,
            received_at=_local(dossier.received_at),
            due_at=_local(dossier.due_at),
            result_delivery=dossier.result_delivery.value,
            documents=await _documents(session, dossier),
            qr=f"{dossier.code}|{dossier.pin}",
        )
    elif form in (FormName.supplement_request, FormName.refusal, FormName.stop_notice):
        document.update(reasons=event.note, deadline=event.payload.get("deadline"))
        if event.payload.get("through_desk"):  # issued to the applicant through the one-stop desk
            document.update(
                issued_by=event.payload.get("refused_by") or event.payload.get("requested_by"),
                through_desk=event.payload["through_desk"],
            )
        if event.payload.get("items"):
            document.update(items=event.payload["items"])
    elif form is FormName.apology:
        document.update(
            reasons=event.note,
            due_at=_local(dossier.due_at),
            promised_due_at=event.payload.get("promised_due_at"),
        )
    else:
        steps = await session.scalars(
            select(DossierStep).where(DossierStep.dossier_id == dossier.id).order_by(DossierStep.id)
        )
        document.update(
            received_at=_local(dossier.received_at),
            due_at=_local(dossier.due_at),
            steps=[
                {
                    "step": s.step_code,
                    "agency_code": s.agency_code,
                    "started_at": _local(s.started_at),
                    "due_at": _local(s.due_at),
                    "finished_at": _local(s.finished_at),
                    "on_time": s.on_time,
                }
                for s in steps
            ],
            events=[
                {"seq": e.seq, "action": e.action, "at": _local(e.at), "note": e.note}
                for e in events
            ],
        )
    return document


async def _documents(session: AsyncSession, dossier: Dossier) -> list[dict[str, Any]]:
    return [
        {
            "requirement_code": d["requirement_code"],
            "kind": d["kind"],
            "form": "paper" if d["paper_original_checked"] else "electronic",
        }
        for d in await list_documents(session, dossier)
    ]


def qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg: bytes = image.to_string()
    return svg.decode()


def render_html(document: dict[str, Any]) -> str:
    """Printable HTML of a form; every value is escaped."""

    def esc(value: object) -> str:
        return html.escape("" if value is None else str(value))

    rows = "".join(
        f"<tr><th>{esc(label)}</th><td>{esc(value)}</td></tr>"
        for label, value in (
            ("Mã hồ sơ", document["dossier_code"]),
            ("Mã tra cứu", document.get("lookup_pin")),
            ("Thủ tục", document["procedure"]["name"]),
            ("Người nộp", document["applicant"]["name"]),
            ("Ngày tiếp nhận", document.get("received_at")),
            ("Ngày hẹn trả kết quả", document.get("due_at")),
            ("Nơi tiếp nhận", document["receiving_office"]["name"]),
            ("Cán bộ tiếp nhận", document.get("officer")),
        )
        if value is not None
    )
    qr = qr_svg(document["qr"]) if document.get("qr") else ""
    items = "".join(
        f"<li>{esc(d['requirement_code'])} ({esc(d['form'])})</li>"
        for d in document.get("documents", [])
    )
    number = f"Mẫu số {esc(document['form_number'])}" if document.get("form_number") else ""
    return (
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>"
        f"<title>{esc(document['title'])} {esc(document['dossier_code'])}</title>"
        "<style>body{font-family:serif;max-width:48rem;margin:2rem auto}"
        "th{text-align:left;padding-right:1rem}@media print{.noprint{display:none}}</style>"
        f"</head><body><p>{number}</p><h1>{esc(document['title'])}</h1>"
        f"<table>{rows}</table><h2>Thành phần hồ sơ</h2><ul>{items}</ul>"
        f"<figure>{qr}<figcaption>Quét mã để tra cứu tình trạng hồ sơ</figcaption></figure>"
        "</body></html>"
    )
