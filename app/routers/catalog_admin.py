"""Catalog administration: units, agencies, fields, procedures, templates, applications.

A change to a published procedure or application opens a new draft version; publishing and retiring
are explicit actions. Units, agencies, fields and procedures are province-wide: the province
administrator's. Applications are managed by administrators of the applying agency's subtree;
templates by any administrator, as long as their fixed steps run inside the caller's subtrees
(rules: ``identity.scopes``). Every change is written to the admin audit log.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Body, Depends, Path, Request

from app.callers import Audience, callers
from app.config import Settings
from app.errors import ProblemCode
from app.models.base import INTEGER_MAX
from app.models.procedure import CatalogState
from app.problems import JSON_BODY, problem_responses
from app.routing import ReadSession, Router, Session
from app.schemas.catalog import (
    AgencyData,
    AgencyRow,
    ApplicationCreate,
    ApplicationData,
    ApplicationRead,
    FieldData,
    FieldRow,
    ProcedureCreate,
    ProcedureData,
    ProcedureRead,
    TemplateCreate,
    TemplateRow,
    UnitData,
    UnitRow,
    application_read,
    procedure_read,
)
from app.security import (
    AGENCY_ADMIN_PROBLEMS,
    PROVINCE_ADMIN_PROBLEMS,
    Administrator,
    AdminScope,
    require_admin,
    require_agency_admin,
    require_province_admin,
)
from app.services.catalog import admin as admin_service
from app.services.catalog import process_templates as process_service
from app.services.dossiers import handover as dossier_handover
from app.services.payments import merchants as payment_merchants

router = Router(prefix="/api/v1/admin", tags=["admin: catalog"])


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


province_admin = Depends(require_province_admin)
# the applying agency of the path, within the caller's subtrees
application_admin = Depends(require_agency_admin("agency"))
CODE = Path(
    min_length=1, max_length=64, pattern=r"^\S+$", description="Mã (chuỗi không khoảng trắng)"
)
# a province-wide catalog row written from a JSON body (the catalog rules refuse bad content: 422)
WRITE = (*PROVINCE_ADMIN_PROBLEMS, *JSON_BODY)
# an application or a template written from a JSON body, within the caller's subtrees
AGENCY_WRITE = (*AGENCY_ADMIN_PROBLEMS, *JSON_BODY)


@router.put(
    "/units/{code}",
    operation_id="admin_put_unit",
    summary="Tạo hoặc sửa đơn vị hành chính",
    response_model=UnitRow,
    responses=problem_responses(WRITE),
)
async def put_unit(
    session: Session,
    code: str = CODE,
    body: UnitData = Body(),
    admin: Administrator = province_admin,
) -> UnitRow:
    """Creates or replaces an administrative unit by its code. Recorded in the admin audit log."""
    unit, _ = await admin_service.put_unit(session, code, body, actor=admin.actor)
    return UnitRow.model_validate(unit.content())


@router.put(
    "/agencies/{code}",
    operation_id="admin_put_agency",
    summary="Tạo hoặc sửa cơ quan",
    response_model=AgencyRow,
    responses=problem_responses(WRITE),
)
async def put_agency(
    session: Session,
    request: Request,
    code: str = CODE,
    body: AgencyData = Body(),
    admin: Administrator = province_admin,
) -> AgencyRow:
    """Creates or replaces an agency by its code (parent, unit, whether it receives dossiers,
    validity, successor). Recorded in the admin audit log."""
    agency, _ = await admin_service.put_agency(session, code, body, actor=admin.actor)
    if agency.replaced_by is not None:  # its open dossiers follow it to its successor
        await dossier_handover.hand_over_replaced(
            session, _settings(request), now=datetime.now(UTC), agencies=[agency.code]
        )
    return AgencyRow.model_validate(agency.content())


@router.put(
    "/fields/{code}",
    operation_id="admin_put_field",
    summary="Tạo hoặc sửa lĩnh vực",
    response_model=FieldRow,
    responses=problem_responses(WRITE),
)
async def put_field(
    session: Session,
    code: str = CODE,
    body: FieldData = Body(),
    admin: Administrator = province_admin,
) -> FieldRow:
    """Creates or renames a field by its code. Recorded in the admin audit log."""
    field, _ = await admin_service.put_field(session, code, body, actor=admin.actor)
    return FieldRow.model_validate(field.content())


@router.post(
    "/procedures",
    operation_id="admin_create_procedure",
    summary="Tạo thủ tục mới (bản nháp phiên bản 1)",
    status_code=201,
    response_model=ProcedureRead,
    responses=problem_responses(WRITE, ProblemCode.procedure_exists),
)
async def create_procedure(
    session: Session,
    body: ProcedureCreate,
    admin: Administrator = province_admin,
) -> ProcedureRead:
    """Creates a new procedure as draft version 1; it is not visible to citizens until published.
    Recorded in the admin audit log."""
    return procedure_read(await admin_service.create_procedure(session, body, actor=admin.actor))


@router.put(
    "/procedures/{code}",
    operation_id="admin_change_procedure",
    summary="Sửa thủ tục: sửa bản nháp, hoặc tạo phiên bản nháp mới nếu đã công bố",
    response_model=ProcedureRead,
    responses=problem_responses(WRITE, ProblemCode.procedure_not_found),
)
async def change_procedure(
    session: Session,
    code: str,
    body: ProcedureData,
    admin: Administrator = province_admin,
) -> ProcedureRead:
    """Changes a procedure: edits its draft, or opens a new draft version when the current one is
    published. Recorded in the admin audit log."""
    procedure, _ = await admin_service.change_procedure(session, code, body, actor=admin.actor)
    return procedure_read(procedure)


@router.get(
    "/procedures/{code}/versions",
    operation_id="admin_list_procedure_versions",
    summary="Mọi phiên bản của một thủ tục (kể cả bản nháp)",
    response_model=list[ProcedureRead],
    responses=problem_responses(PROVINCE_ADMIN_PROBLEMS, ProblemCode.procedure_not_found),
)
async def list_procedure_versions(
    session: ReadSession,
    code: str,
    admin: Administrator = province_admin,
) -> list[ProcedureRead]:
    """Every version of a procedure, drafts and retired ones included, newest first."""
    return [procedure_read(p) for p in await admin_service.list_procedure_versions(session, code)]


@router.post(
    "/procedures/{code}/versions/{version}/{action}",
    operation_id="admin_set_procedure_state",
    summary="Công bố (publish) hoặc bãi bỏ (retire) một phiên bản thủ tục",
    response_model=ProcedureRead,
    responses=problem_responses(
        PROVINCE_ADMIN_PROBLEMS,
        ProblemCode.procedure_not_found,
        ProblemCode.invalid_state_transition,
        ProblemCode.validation_failed,
    ),
)
async def set_procedure_state(
    session: Session,
    code: str,
    version: Annotated[int, Path(ge=1, le=INTEGER_MAX)],
    action: admin_service.StateAction,
    admin: Administrator = province_admin,
) -> ProcedureRead:
    """Publishes a draft version of a procedure (it becomes the one citizens see) or retires a
    version. Recorded in the admin audit log."""
    state = admin_service.ACTION_STATES[action]
    procedure = await admin_service.set_procedure_state(
        session, code, version, state, actor=admin.actor
    )
    return procedure_read(procedure)


@router.get(
    "/templates",
    operation_id="admin_list_templates",
    summary="Danh sách quy trình (mọi phiên bản)",
    response_model=list[TemplateRow],
    responses=problem_responses(AGENCY_ADMIN_PROBLEMS),
)
async def list_templates(
    session: ReadSession,
    scope: AdminScope = Depends(require_admin),
) -> list[TemplateRow]:
    """Lists the process templates (quy trình), every version, with their steps."""
    templates = await process_service.list_templates(session)
    return [TemplateRow.model_validate(t.content()) for t in templates]


@router.post(
    "/templates",
    operation_id="admin_create_template",
    summary="Tạo quy trình hoặc phiên bản mới của quy trình",
    status_code=201,
    response_model=TemplateRow,
    responses=problem_responses(AGENCY_WRITE),
)
@callers(Audience.agency)
async def create_template(
    session: Session,
    body: TemplateCreate,
    scope: AdminScope = Depends(require_admin),
) -> TemplateRow:
    """Creates a process template, or a new version of one: its ordered steps, where each runs and
    its duration. Recorded in the admin audit log."""
    agencies = process_service.fixed_agencies(body)
    actor = await (scope.of(agencies) if agencies else scope.anywhere())
    template = await process_service.create_template(session, body, actor=actor)
    return TemplateRow.model_validate(template.content())


@router.get(
    "/templates/{code}/versions/{version}",
    operation_id="admin_get_template",
    summary="Một phiên bản quy trình",
    response_model=TemplateRow,
    responses=problem_responses(
        AGENCY_ADMIN_PROBLEMS, ProblemCode.template_not_found, ProblemCode.validation_failed
    ),
)
async def get_template(
    session: ReadSession,
    code: str,
    version: Annotated[int, Path(ge=1, le=INTEGER_MAX)],
    scope: AdminScope = Depends(require_admin),
) -> TemplateRow:
    """One version of a process template with its steps."""
    template = await process_service.get_template(session, code, version)
    return TemplateRow.model_validate(template.content())


@router.post(
    "/applications",
    operation_id="admin_create_application",
    summary="Áp dụng thủ tục tại một cơ quan (bản nháp phiên bản 1)",
    status_code=201,
    response_model=ApplicationRead,
    responses=problem_responses(AGENCY_WRITE, ProblemCode.application_exists),
)
@callers(Audience.agency)
async def create_application(
    session: Session,
    body: ApplicationCreate,
    request: Request,
    scope: AdminScope = Depends(require_admin),
) -> ApplicationRead:
    """Applies a procedure at an agency as draft version 1: its receiving offices, its process
    template and when it takes effect. Recorded in the admin audit log."""
    actor = await scope.of([body.agency])
    payment_merchants.check_payee(_settings(request), body.payee_agency)
    return application_read(await process_service.create_application(session, body, actor=actor))


@router.put(
    "/applications/{procedure}/{agency}",
    operation_id="admin_change_application",
    summary="Sửa áp dụng thủ tục: sửa bản nháp, hoặc tạo phiên bản nháp mới nếu đã công bố",
    response_model=ApplicationRead,
    responses=problem_responses(AGENCY_WRITE, ProblemCode.application_not_found),
)
async def change_application(
    session: Session,
    procedure: str,
    agency: str,
    body: ApplicationData,
    request: Request,
    admin: Administrator = application_admin,
) -> ApplicationRead:
    """Changes a procedure's application at an agency: edits its draft, or opens a new draft version
    when the current one is published. Recorded in the admin audit log."""
    payment_merchants.check_payee(_settings(request), body.payee_agency)
    application, _ = await process_service.change_application(
        session, procedure, agency, body, actor=admin.actor
    )
    return application_read(application)


@router.get(
    "/applications/{procedure}/{agency}/versions",
    operation_id="admin_list_application_versions",
    summary="Mọi phiên bản áp dụng thủ tục của một cơ quan",
    response_model=list[ApplicationRead],
    responses=problem_responses(AGENCY_ADMIN_PROBLEMS, ProblemCode.application_not_found),
)
async def list_application_versions(
    session: ReadSession,
    procedure: str,
    agency: str,
    admin: Administrator = application_admin,
) -> list[ApplicationRead]:
    """Every version of a procedure's application at an agency, drafts included."""
    versions = await process_service.list_application_versions(session, procedure, agency)
    return [application_read(a) for a in versions]


@router.post(
    "/applications/{procedure}/{agency}/versions/{version}/{action}",
    operation_id="admin_set_application_state",
    summary="Công bố (publish) hoặc bãi bỏ (retire) một phiên bản áp dụng thủ tục",
    response_model=ApplicationRead,
    responses=problem_responses(
        AGENCY_ADMIN_PROBLEMS,
        ProblemCode.application_not_found,
        ProblemCode.invalid_state_transition,
        ProblemCode.validation_failed,
    ),
)
async def set_application_state(
    session: Session,
    procedure: str,
    agency: str,
    version: Annotated[int, Path(ge=1, le=INTEGER_MAX)],
    action: admin_service.StateAction,
    admin: Administrator = application_admin,
) -> ApplicationRead:
    """Publishes or retires a version of a procedure's application at an agency. Recorded in the
    admin audit log."""
    state: CatalogState = admin_service.ACTION_STATES[action]
    application = await process_service.set_application_state(
        session, procedure, agency, version, state, actor=admin.actor
    )
    return application_read(application)
