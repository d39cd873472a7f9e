"""Dossiers: submission, worklists, full view, lifecycle actions, audit trail, forms."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.errors import BadRequest, ProblemCode
from app.models.dossier import Action
from app.openapi_docs import file_content
from app.problems import JSON_BODY, problem_responses
from app.routing import NO_STORE, ReadSession, Router, Session
from app.schemas.dossiers import (
    ActionRequest,
    DossierCreate,
    DossierPage,
    DossierRead,
    DossierSummary,
    EventRead,
    EventsRead,
    FormDocument,
    StepProgress,
    WorklistQuery,
)
from app.security import CALLER_PROBLEMS, client_of, get_caller
from app.services.dossiers import access as dossier_access
from app.services.dossiers import actions as dossier_actions
from app.services.dossiers import form_pages
from app.services.dossiers import forms as dossier_forms
from app.services.dossiers import reads as dossier_reads
from app.services.dossiers import worklist as worklist_service
from app.services.dossiers.lifecycle import STATUS_LABEL_VI
from app.services.identity.principals import Principal

# every answer carries personal data: never stored by a cache
router = Router(prefix="/api/v1/dossiers", tags=["dossiers"], response_headers=NO_STORE)

Caller = Annotated[Principal, Depends(get_caller)]


# What the services behind each operation can refuse (besides authentication and the JSON body).
SUBMISSION_PROBLEMS = (
    ProblemCode.agency_succession_cycle,
    ProblemCode.not_receptionist_here,
    ProblemCode.unit_not_found,
    ProblemCode.upload_not_found,
    ProblemCode.idempotency_key_reused,
    ProblemCode.upload_already_attached,
    ProblemCode.procedure_code_invalid,
    ProblemCode.agency_code_invalid,
    ProblemCode.receiving_office_code_invalid,
    ProblemCode.outcome_invalid,
    ProblemCode.subject_unit_required,
    ProblemCode.no_unit_authority,
    ProblemCode.mandatory_documents_missing,
    ProblemCode.duplicate_upload,
    ProblemCode.unknown_requirement,
    ProblemCode.paper_only_at_desk,
    ProblemCode.document_only_presented,
    ProblemCode.supplement_items_invalid,
    ProblemCode.reason_required,
    ProblemCode.applicant_not_caller,
    ProblemCode.personal_id_unverified,
    ProblemCode.submitter_invalid,
    ProblemCode.agency_closed,
)
ACTION_PROBLEMS = (
    ProblemCode.invalid_if_match,
    ProblemCode.not_allowed_at_step,
    ProblemCode.dossier_not_found,
    ProblemCode.upload_not_found,
    ProblemCode.action_not_allowed,
    ProblemCode.version_conflict,
    ProblemCode.supplement_limit,
    ProblemCode.last_step,
    ProblemCode.not_last_step,
    ProblemCode.nothing_due,
    ProblemCode.no_due_date,
    ProblemCode.reschedule_limit,
    ProblemCode.reschedule_too_late,
    ProblemCode.already_rated,
    ProblemCode.upload_already_attached,
    ProblemCode.version_mismatch,
    ProblemCode.reason_required,
    ProblemCode.documents_required,
    ProblemCode.duplicate_upload,
    ProblemCode.paper_only_at_desk,
    ProblemCode.document_only_presented,
    ProblemCode.supplement_items_invalid,
    ProblemCode.not_requested,
    ProblemCode.unknown_requirement,
    ProblemCode.invalid_assignee,
    ProblemCode.invalid_step,
    ProblemCode.receipt_number_required,
    ProblemCode.invalid_promised_due_at,
    ProblemCode.rating_required,
    ProblemCode.result_not_online,
    ProblemCode.no_result_document,
    ProblemCode.consignment_number_required,
    ProblemCode.lookup_throttled,
)
DOCUMENTS_PROBLEMS = (
    ProblemCode.not_allowed_at_step,
    ProblemCode.dossier_not_found,
    ProblemCode.upload_not_found,
    ProblemCode.documents_not_allowed,
    ProblemCode.version_conflict,
    ProblemCode.upload_already_attached,
    ProblemCode.documents_required,
    ProblemCode.duplicate_upload,
)


# The printable forms carry the applicant's data and PIN: no script, no frame, no cache. Inline styles
# (the page's one <style>) and data: images (its QR code) are all the page may load.
PRINTABLE_PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    **NO_STORE,
}


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _now() -> datetime:
    return datetime.now(UTC)


def _if_match(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip().strip('"').removeprefix("W/").strip('"'))
    except ValueError as exc:
        raise BadRequest(
            "Tiêu đề If-Match phải là phiên bản hồ sơ.", code=ProblemCode.invalid_if_match
        ) from exc


async def _read(session: AsyncSession, principal: Principal, code: str) -> DossierRead:
    dossier = await dossier_access.get_visible(session, principal, code)
    return dossier_reads.full_view(await dossier_reads.view(session, dossier), principal)


@router.post(
    "",
    operation_id="submit_dossier",
    summary="Nộp hồ sơ: công dân nộp trực tuyến, hoặc cán bộ tiếp nhận tạo tại quầy",
    status_code=201,
    response_model=DossierRead,
    responses=problem_responses(CALLER_PROBLEMS, JSON_BODY, SUBMISSION_PROBLEMS),
)
async def submit_dossier(
    session: Session,
    request: Request,
    response: Response,
    body: DossierCreate,
    caller: Caller,
    idempotency_key: Annotated[
        str | None,
        Header(max_length=255, description="Gửi lại cùng khóa sẽ nhận lại hồ sơ đã tạo lần đầu"),
    ] = None,
) -> DossierRead:
    """Submits a dossier: a citizen online (the applicant is the caller, or someone they may act
    for), or a receptionist at the desk (recording the check's outcome). Documents are uploads
    referenced by id. An `Idempotency-Key` makes a retried submission answer the dossier created the
    first time (200)."""
    submission = await dossier_actions.submit(
        session,
        _settings(request),
        caller,
        body,
        now=_now(),
        idempotency_key=idempotency_key,
    )
    if submission.replayed:
        response.status_code = 200
    response.headers["ETag"] = f'"{submission.dossier.version}"'
    response.headers["Location"] = f"/api/v1/dossiers/{submission.dossier.code}"
    return dossier_reads.full_view(await dossier_reads.view(session, submission.dossier), caller)


@router.get(
    "",
    operation_id="list_dossiers",
    summary="Danh sách hồ sơ (sổ theo dõi) của cán bộ, hoặc hồ sơ của chính công dân",
    response_model=DossierPage,
    responses=problem_responses(
        CALLER_PROBLEMS, ProblemCode.invalid_cursor, ProblemCode.validation_failed
    ),
)
async def list_dossiers(
    session: ReadSession, caller: Caller, query: Annotated[WorklistQuery, Query()]
) -> Response:
    """Worklists: an officer's dossiers (those received at their offices or with a step at their
    agencies), a citizen's own dossiers; filters by status, procedure, agency, overdue, dates and
    applicant id; keyset pages (`cursor`)."""
    filters = worklist_service.WorklistFilter(**query.model_dump())
    return await _worklist_response(session, caller, filters)


async def _worklist_response(
    session: AsyncSession, caller: Principal, filters: worklist_service.WorklistFilter
) -> Response:
    page, next_cursor = await worklist_service.worklist(session, caller, filters)
    body = DossierPage(
        items=[
            DossierSummary(
                code=d.code,
                status=d.status,
                status_label=STATUS_LABEL_VI[d.status],
                procedure_code=d.procedure_code,
                procedure_name=d.procedure_name,
                applicant_name=d.applicant_name,
                receiving_office_code=d.receiving_office_code,
                current_agency_code=d.current_agency_code,
                current_step_code=d.current_step_code,
                current_step_name=d.current_step_name,
                assignee=d.assignee,
                channel=d.channel,
                submitted_at=d.submitted_at,
                received_at=d.received_at,
                due_at=d.due_at,
                overdue=d.overdue,
                version=d.version,
            )
            for d in page
        ],
        next_cursor=next_cursor,
    )
    # serialised once here: skips FastAPI's second validation of the page against the model
    return Response(body.model_dump_json(), media_type="application/json")


@router.get(
    "/{code}",
    operation_id="get_dossier",
    summary="Toàn bộ thông tin hồ sơ (chủ hồ sơ và cán bộ có liên quan)",
    response_model=DossierRead,
    responses=problem_responses(CALLER_PROBLEMS, ProblemCode.dossier_not_found),
)
async def get_dossier(
    code: str, response: Response, session: ReadSession, caller: Caller
) -> DossierRead:
    """The full dossier: applicant, documents, route and current step, due dates, fees, allowed
    actions; the `ETag` is the dossier's version (for `If-Match`)."""
    read = await _read(session, caller, code)
    response.headers["ETag"] = f'"{read.version}"'
    return read


@router.post(
    "/{code}/actions/{action}",
    operation_id="dossier_action",
    summary="Thực hiện một thao tác xử lý hồ sơ (tiếp nhận, chuyển, trả kết quả, ...)",
    response_model=DossierRead,
    responses=problem_responses(CALLER_PROBLEMS, JSON_BODY, ACTION_PROBLEMS),
)
async def dossier_action(
    session: Session,
    request: Request,
    code: str,
    action: Action,
    body: ActionRequest,
    response: Response,
    caller: Caller,
    if_match: Annotated[str | None, Header(description="Phiên bản hồ sơ (ETag)")] = None,
) -> DossierRead:
    """Performs a lifecycle action on a dossier (receive, forward, resolve, request supplement,
    return, withdraw, rate...): the lifecycle table decides who may act in which status and what
    follows. `If-Match` with the dossier's version refuses a stale change (409)."""
    dossier = await dossier_actions.perform(
        session,
        _settings(request),
        caller,
        code,
        action,
        body,
        now=_now(),
        if_match=_if_match(if_match),
        client=client_of(request),
    )
    response.headers["ETag"] = f'"{dossier.version}"'
    return dossier_reads.full_view(await dossier_reads.view(session, dossier), caller)


@router.post(
    "/{code}/documents",
    operation_id="add_dossier_documents",
    summary="Đính kèm tệp kết quả giải quyết vào hồ sơ (cán bộ xử lý)",
    response_model=DossierRead,
    responses=problem_responses(CALLER_PROBLEMS, JSON_BODY, DOCUMENTS_PROBLEMS),
)
async def add_dossier_documents(
    session: Session,
    request: Request,
    code: str,
    body: ActionRequest,
    response: Response,
    caller: Caller,
) -> DossierRead:
    """Attaches uploads to a dossier outside an action: the result documents by the officer handling
    the current step."""
    dossier = await dossier_actions.add_documents(
        session, _settings(request), caller, code, body, now=_now()
    )
    response.headers["ETag"] = f'"{dossier.version}"'
    return dossier_reads.full_view(await dossier_reads.view(session, dossier), caller)


@router.get(
    "/{code}/events",
    operation_id="dossier_events",
    summary="Nhật ký xử lý và tiến độ từng bước của hồ sơ",
    response_model=EventsRead,
    responses=problem_responses(CALLER_PROBLEMS, ProblemCode.dossier_not_found),
)
async def dossier_events(code: str, session: ReadSession, caller: Caller) -> EventsRead:
    """The dossier's audit trail (one event per change, oldest first) and the progress of each step
    of its route."""
    dossier, trail, steps = await dossier_reads.events(session, caller, code)
    return EventsRead(
        code=dossier.code,
        events=[
            EventRead(
                seq=v.event.seq,
                action=v.event.action,
                from_status=v.event.from_status,
                to_status=v.event.to_status,
                step=v.event.step,
                step_code=_step_code(dossier.route, v.event.step),
                agency_code=v.event.agency_code,
                actor_kind=str(v.event.actor_kind),
                actor=v.actor,
                at=v.event.at,
                note=v.event.note,
                payload=v.payload,
            )
            for v in trail
        ],
        steps=[
            StepProgress(
                position=s.position,
                step_code=s.step_code,
                agency_code=s.agency_code,
                role=s.role,
                started_at=s.started_at,
                due_at=s.due_at,
                finished_at=s.finished_at,
                overdue=s.overdue,
            )
            for s in steps
        ],
    )


def _step_code(route: list[dict[str, Any]], position: int | None) -> str | None:
    """The code of the step at ``position`` of the dossier's route (events name steps by code)."""
    if position is None or not 0 <= position < len(route):
        return None
    code: str = route[position]["code"]
    return code


@router.get(
    "/{code}/forms/{form}",
    operation_id="dossier_form",
    summary="Biểu mẫu của hồ sơ: JSON, hoặc bản in khổ A5 (`format=html`; phiếu tiếp nhận kèm mã QR "
    "tra cứu)",
    description="Biểu mẫu theo Thông tư 01/2018/TT-VPCP (số hiệu mẫu theo bộ quy tắc của hồ sơ): "
    "receipt, supplement_request, refusal (từ chối tiếp nhận hoặc từ chối giải quyết sau thẩm định), "
    "apology, stop_notice, control_sheet. Chủ hồ sơ và cán bộ có liên quan xem được; biểu mẫu "
    "của thao tác chưa diễn ra trả về 409 `form_not_available`. Xem docs/forms.md.",
    responses={
        **problem_responses(
            CALLER_PROBLEMS,
            ProblemCode.dossier_not_found,
            ProblemCode.form_not_available,
            ProblemCode.validation_failed,
        ),
        200: {
            "description": "Biểu mẫu (JSON), hoặc bản in (HTML)",
            "model": FormDocument,
            "content": file_content("text/html"),
        },
    },
)
async def dossier_form(
    session: ReadSession,
    request: Request,
    code: str,
    form: dossier_forms.FormName,
    caller: Caller,
    format: Annotated[str, Query(pattern="^(json|html)$")] = "json",
) -> Response:
    dossier = await dossier_access.get_visible(session, caller, code)
    document = await dossier_forms.build(
        session, dossier, form, lookup_base_url=_settings(request).public_lookup_url
    )
    if format == "html":
        return HTMLResponse(form_pages.render_html(document), headers=PRINTABLE_PAGE_HEADERS)
    return JSONResponse(document)
