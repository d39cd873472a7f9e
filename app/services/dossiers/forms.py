"""The official forms of a dossier as JSON documents (Circular 01/2018/TT-VPCP; from 2025 the
circular the rule set names, which renumbers them: the API names forms, the rule set maps names to
numbers). What each form carries and where each value comes from: docs/forms.md.

A form records something that happened to the dossier (the receipt its reception, the refusal a
refusal...): a form whose action has not happened is a 409 ``form_not_available``, never an empty
page. Officers appear by full name and the title of the role they acted in, never by login name.
The printable page of each form is ``form_pages``.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from itertools import pairwise
from typing import Any
from urllib.parse import quote, urlencode

from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict, ProblemCode
from app.models.dossier import Action, Dossier, DossierEvent
from app.schemas.common import to_local
from app.services.dossiers import form_facts, form_text
from app.services.dossiers.clock import processing_time_of
from app.services.dossiers.form_facts import Facts
from app.services.dossiers.rule_sets import rule_set


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
    FormName.stop_notice: "Thông báo dừng giải quyết hồ sơ",
    FormName.control_sheet: "Phiếu kiểm soát quá trình giải quyết hồ sơ",
}

# The actions whose event makes a form available (the latest such event fills it). The refusal form
# records the desk's refusal before receipt (reject) and the processing agency's after appraisal
# (refuse); the control sheet exists from the reception on.
FORM_EVENTS: dict[FormName, tuple[Action, ...]] = {
    FormName.receipt: (Action.receive,),
    FormName.supplement_request: (Action.request_supplement,),
    FormName.refusal: (Action.reject, Action.refuse),
    FormName.apology: (Action.reschedule,),
    FormName.stop_notice: (Action.stop,),
    FormName.control_sheet: (Action.receive,),
}


def lookup_url(base: str, code: str, pin: str) -> str:
    """The public lookup link the receipt's QR code holds: ``{base}/{code}?pin={pin}``."""
    return f"{base.rstrip('/')}/{quote(code, safe='')}?{urlencode({'pin': pin})}"


def _iso(instant: datetime | None) -> str | None:
    return to_local(instant).isoformat() if instant else None


def _words(instant: datetime | None) -> str | None:
    return form_text.time_in_words(instant) if instant else None


def _instant(text: Any) -> datetime | None:
    return datetime.fromisoformat(text) if isinstance(text, str) and text else None


def _available_event(facts: Facts, form: FormName) -> DossierEvent:
    wanted = {a.value for a in FORM_EVENTS[form]}
    matching = [e for e in facts.events if e.action in wanted]
    if not matching:
        raise Conflict(
            "Hồ sơ chưa có biểu mẫu này ở trạng thái hiện tại.",
            code=ProblemCode.form_not_available,
            extra={"dossier_status": facts.dossier.status.value},
        )
    return matching[-1]


async def build(
    session: AsyncSession, dossier: Dossier, form: FormName, *, lookup_base_url: str
) -> dict[str, Any]:
    """The form as a JSON document; 409 when the dossier has not been through what it records."""
    facts = await form_facts.gather(session, dossier)
    event = _available_event(facts, form)
    rules = rule_set(dossier.rule_set)
    # who issues it: the desk, or the processing agency for its own requests and refusals
    issuer_code = event.payload.get("requested_by") or event.payload.get("refused_by")
    if form in (FormName.apology, FormName.stop_notice):
        issuer_code = event.agency_code
    issuer_code = issuer_code or dossier.receiving_office_code
    issuer = facts.agencies.get(issuer_code)
    superior = facts.agencies.get(issuer.parent_code or "") if issuer else None
    office = facts.agencies.get(dossier.receiving_office_code)
    number = dict(rules.form_numbers).get(form.value) or None
    document: dict[str, Any] = {
        "form": form.value,
        "form_number": number,
        "legal_basis": f"Mẫu số {number} — {rules.forms_circular}" if number else None,
        "title": FORM_TITLES[form],
        "national_heading": {"name": form_text.NATIONAL_NAME, "motto": form_text.NATIONAL_MOTTO},
        "issuing_agency": facts.agency(issuer_code),
        "superior_agency": facts.agency(superior.code) if superior else None,
        "issued_at": _iso(event.at),
        "place_and_date": form_text.place_and_date(
            await form_facts.place(session, issuer), event.at
        ),
        "dossier_code": dossier.code,
        "procedure": {"code": facts.procedure.code, "name": facts.procedure.name},
        "receiving_office": facts.agency(dossier.receiving_office_code),
        "applicant": {
            "name": dossier.applicant_name,
            "address": dossier.applicant_address,
            "phone": dossier.applicant_phone,
            "email": dossier.applicant_email,
        },
        "register": await form_facts.register_entry(session, dossier),
        "received_at": _iso(dossier.received_at),
        "received_at_text": _words(dossier.received_at),
    }
    office_name = office.name if office else dossier.receiving_office_code
    if form is FormName.receipt:
        amount, unit = await processing_time_of(session, dossier)
        url = lookup_url(lookup_base_url, dossier.code, dossier.pin)
        document.update(
            lookup_pin=dossier.pin,
            lookup_url=url,
            qr=url,
            channel=dossier.channel.value,
            documents=await form_facts.received_documents(session, dossier, facts.procedure),
            sets=1,  # one dossier is one set [U: as the register counts it]
            processing_time={
                "amount": f"{amount.normalize():f}",
                "unit": unit.value,
                "text": form_text.duration_text(amount, unit),
            },
            due_at=_iso(dossier.due_at),
            appointment_text=_words(dossier.due_at),
            result_collection={
                "delivery": dossier.result_delivery.value,
                "text": form_text.result_collection_text(
                    dossier.result_delivery, office_name, dossier.result_address
                ),
            },
            signatures=[
                {"label": "Người nộp hồ sơ", "name": dossier.applicant_name, "title": None},
                facts.signature("Người tiếp nhận hồ sơ", event),
            ],
        )
    elif form is FormName.supplement_request:
        deadline = _instant(event.payload.get("deadline"))
        document.update(
            reasons=event.note,
            items=event.payload.get("items", []),
            deadline=_iso(deadline),
            deadline_text=_words(deadline),
            signatures=[facts.signature("Người hướng dẫn", event)],
        )
        if event.payload.get("through_desk"):  # issued to the applicant through the one-stop desk
            document.update(
                issued_by=event.payload.get("requested_by"),
                through_desk=event.payload["through_desk"],
            )
    elif form is FormName.refusal:
        after_appraisal = event.action == Action.refuse.value
        document.update(
            stage="after_appraisal" if after_appraisal else "reception",
            reasons=event.note,
            signatures=[
                facts.signature(
                    "Thủ trưởng cơ quan giải quyết" if after_appraisal else "Người tiếp nhận hồ sơ",
                    event,
                )
            ],
        )
        if after_appraisal:
            document.update(
                issued_by=event.payload.get("refused_by"),
                through_desk=event.payload["through_desk"],
            )
    elif form is FormName.apology:
        promised = _instant(event.payload.get("promised_due_at"))
        document.update(
            reasons=event.note,
            late=bool(event.payload.get("late")),
            due_at=_iso(dossier.due_at),
            appointment_text=_words(dossier.due_at),
            promised_due_at=_iso(promised),
            new_appointment_text=_words(promised),
            signatures=[facts.signature("Thủ trưởng cơ quan", event)],
        )
    elif form is FormName.stop_notice:
        document.update(
            reasons=event.note,
            stopped_at=_iso(event.at),
            stopped_at_text=_words(event.at),
            signatures=[facts.signature("Thủ trưởng cơ quan", event)],
        )
    else:
        document.update(await _control_sheet(session, facts, event))
    return document


async def _control_sheet(
    session: AsyncSession, facts: Facts, received: DossierEvent
) -> dict[str, Any]:
    """Form 05/06: each hand-over of the dossier (giver, receiver, time) and whether the giver's step
    ended before, on or after its due time (``form_text.timing_verdict``)."""
    dossier = facts.dossier
    steps = await form_facts.load_steps(session, dossier)
    by_time = {(e.at, e.agency_code): e for e in facts.events}

    def agency_name(code: str) -> str:
        found = facts.agencies.get(code)
        return found.name if found else code

    handovers: list[dict[str, Any]] = []
    if steps:
        handovers.append(
            {
                "giver": {"agency": None, "name": dossier.applicant_name},
                "receiver": {
                    "agency": agency_name(steps[0].agency_code),
                    "name": facts.signature("", received)["name"],
                },
                "at": _iso(dossier.received_at),
                "at_text": _words(dossier.received_at),
                "due_at": None,
                "verdict": None,
                "verdict_text": None,
            }
        )
    for previous, step in pairwise(steps):
        moved = by_time.get((step.started_at, step.agency_code))
        verdict = form_text.timing_verdict(previous.finished_at, previous.due_at)
        handovers.append(
            {
                "giver": {
                    "agency": agency_name(previous.agency_code),
                    "name": facts.signature("", moved)["name"],
                },
                "receiver": {
                    "agency": agency_name(step.agency_code),
                    "name": facts.officer_name(str(step.assignee_id) if step.assignee_id else None),
                },
                "at": _iso(step.started_at),
                "at_text": _words(step.started_at),
                "due_at": _iso(previous.due_at),
                "verdict": verdict,
                "verdict_text": form_text.VERDICT_VI.get(verdict or ""),
            }
        )
    if dossier.returned_at is not None and steps:
        verdict = form_text.timing_verdict(steps[-1].finished_at, steps[-1].due_at)
        handovers.append(
            {
                "giver": {
                    "agency": agency_name(steps[-1].agency_code),
                    "name": facts.signature(
                        "", next((e for e in facts.events if e.action == "return_result"), None)
                    )["name"],
                },
                "receiver": {"agency": None, "name": dossier.applicant_name},
                "at": _iso(dossier.returned_at),
                "at_text": _words(dossier.returned_at),
                "due_at": _iso(steps[-1].due_at),
                "verdict": verdict,
                "verdict_text": form_text.VERDICT_VI.get(verdict or ""),
            }
        )
    return {
        "due_at": _iso(dossier.due_at),
        "appointment_text": _words(dossier.due_at),
        "handovers": handovers,
        "steps": [
            {
                "step": s.step_code,
                "agency_code": s.agency_code,
                "agency": agency_name(s.agency_code),
                "started_at": _iso(s.started_at),
                "due_at": _iso(s.due_at),
                "finished_at": _iso(s.finished_at),
                "on_time": s.on_time,
            }
            for s in steps
        ],
        "signatures": [facts.signature("Người tiếp nhận hồ sơ", received)],
    }
