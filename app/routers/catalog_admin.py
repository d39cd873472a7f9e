"""Catalog administration: units, agencies, fields, procedures, templates, applications.

A change to a published procedure or application opens a new draft version; publishing and retiring
are explicit actions. Applications are managed by administrators of the applying agency.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Body, Depends, Path

from app.errors import Forbidden, ProblemCode
from app.models.base import INTEGER_MAX
from app.models.procedure import CatalogState
from app.models.user import Role
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
from app.security import ROLE_PROBLEMS, require_role
from app.services.catalog import admin as admin_service
from app.services.catalog import process_templates as process_service
from app.services.identity.principals import OfficerPrincipal

router = Router(prefix="/api/v1/admin", tags=["admin: catalog"])
admin = require_role(Role.admin)
CODE = Path(
    min_length=1, max_length=64, pattern=r"^\S+$", description="Mã (chuỗi không khoảng trắng)"
)
# a catalog row written from a JSON body (the catalog rules refuse bad content with 422)
WRITE = (*ROLE_PROBLEMS, *JSON_BODY)


def _check_agency_admin(officer: OfficerPrincipal, agency: str) -> None:
    if not officer.has_role(agency, Role.admin):
        raise Forbidden(
            "Chỉ quản trị của cơ quan áp dụng mới quản lý được áp dụng thủ tục của cơ quan đó.",
            code=ProblemCode.agency_not_administered,
        )


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
    officer: OfficerPrincipal = Depends(admin),
) -> UnitRow:
    unit, _ = await admin_service.put_unit(session, code, body)
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
    code: str = CODE,
    body: AgencyData = Body(),
    officer: OfficerPrincipal = Depends(admin),
) -> AgencyRow:
    agency, _ = await admin_service.put_agency(session, code, body)
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
    officer: OfficerPrincipal = Depends(admin),
) -> FieldRow:
    field, _ = await admin_service.put_field(session, code, body)
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
    officer: OfficerPrincipal = Depends(admin),
) -> ProcedureRead:
    return procedure_read(await admin_service.create_procedure(session, body))


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
    officer: OfficerPrincipal = Depends(admin),
) -> ProcedureRead:
    procedure, _ = await admin_service.change_procedure(session, code, body)
    return procedure_read(procedure)


@router.get(
    "/procedures/{code}/versions",
    operation_id="admin_list_procedure_versions",
    summary="Mọi phiên bản của một thủ tục (kể cả bản nháp)",
    response_model=list[ProcedureRead],
    responses=problem_responses(ROLE_PROBLEMS, ProblemCode.procedure_not_found),
)
async def list_procedure_versions(
    session: ReadSession,
    code: str,
    officer: OfficerPrincipal = Depends(admin),
) -> list[ProcedureRead]:
    return [procedure_read(p) for p in await admin_service.list_procedure_versions(session, code)]


@router.post(
    "/procedures/{code}/versions/{version}/{action}",
    operation_id="admin_set_procedure_state",
    summary="Công bố (publish) hoặc bãi bỏ (retire) một phiên bản thủ tục",
    response_model=ProcedureRead,
    responses=problem_responses(
        ROLE_PROBLEMS,
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
    officer: OfficerPrincipal = Depends(admin),
) -> ProcedureRead:
    state = admin_service.ACTION_STATES[action]
    return procedure_read(await admin_service.set_procedure_state(session, code, version, state))


@router.get(
    "/templates",
    operation_id="admin_list_templates",
    summary="Danh sách quy trình (mọi phiên bản)",
    response_model=list[TemplateRow],
    responses=problem_responses(ROLE_PROBLEMS),
)
async def list_templates(
    session: ReadSession,
    officer: OfficerPrincipal = Depends(admin),
) -> list[TemplateRow]:
    templates = await process_service.list_templates(session)
    return [TemplateRow.model_validate(t.content()) for t in templates]


@router.post(
    "/templates",
    operation_id="admin_create_template",
    summary="Tạo quy trình hoặc phiên bản mới của quy trình",
    status_code=201,
    response_model=TemplateRow,
    responses=problem_responses(WRITE),
)
async def create_template(
    session: Session,
    body: TemplateCreate,
    officer: OfficerPrincipal = Depends(admin),
) -> TemplateRow:
    template = await process_service.create_template(session, body)
    return TemplateRow.model_validate(template.content())


@router.get(
    "/templates/{code}/versions/{version}",
    operation_id="admin_get_template",
    summary="Một phiên bản quy trình",
    response_model=TemplateRow,
    responses=problem_responses(
        ROLE_PROBLEMS, ProblemCode.template_not_found, ProblemCode.validation_failed
    ),
)
async def get_template(
    session: ReadSession,
    code: str,
    version: Annotated[int, Path(ge=1, le=INTEGER_MAX)],
    officer: OfficerPrincipal = Depends(admin),
) -> TemplateRow:
    template = await process_service.get_template(session, code, version)
    return TemplateRow.model_validate(template.content())


@router.post(
    "/applications",
    operation_id="admin_create_application",
    summary="Áp dụng thủ tục tại một cơ quan (bản nháp phiên bản 1)",
    status_code=201,
    response_model=ApplicationRead,
    responses=problem_responses(
        *WRITE, ProblemCode.agency_not_administered, ProblemCode.application_exists
    ),
)
async def create_application(
    session: Session,
    body: ApplicationCreate,
    officer: OfficerPrincipal = Depends(admin),
) -> ApplicationRead:
    _check_agency_admin(officer, body.agency)
    return application_read(await process_service.create_application(session, body))


@router.put(
    "/applications/{procedure}/{agency}",
    operation_id="admin_change_application",
    summary="Sửa áp dụng thủ tục: sửa bản nháp, hoặc tạo phiên bản nháp mới nếu đã công bố",
    response_model=ApplicationRead,
    responses=problem_responses(
        *WRITE, ProblemCode.agency_not_administered, ProblemCode.application_not_found
    ),
)
async def change_application(
    session: Session,
    procedure: str,
    agency: str,
    body: ApplicationData,
    officer: OfficerPrincipal = Depends(admin),
) -> ApplicationRead:
    _check_agency_admin(officer, agency)
    application, _ = await process_service.change_application(session, procedure, agency, body)
    return application_read(application)


@router.get(
    "/applications/{procedure}/{agency}/versions",
    operation_id="admin_list_application_versions",
    summary="Mọi phiên bản áp dụng thủ tục của một cơ quan",
    response_model=list[ApplicationRead],
    responses=problem_responses(ROLE_PROBLEMS, ProblemCode.application_not_found),
)
async def list_application_versions(
    session: ReadSession,
    procedure: str,
    agency: str,
    officer: OfficerPrincipal = Depends(admin),
) -> list[ApplicationRead]:
    versions = await process_service.list_application_versions(session, procedure, agency)
    return [application_read(a) for a in versions]


@router.post(
    "/applications/{procedure}/{agency}/versions/{version}/{action}",
    operation_id="admin_set_application_state",
    summary="Công bố (publish) hoặc bãi bỏ (retire) một phiên bản áp dụng thủ tục",
    response_model=ApplicationRead,
    responses=problem_responses(
        ROLE_PROBLEMS,
        ProblemCode.agency_not_administered,
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
    officer: OfficerPrincipal = Depends(admin),
) -> ApplicationRead:
    _check_agency_admin(officer, agency)
    state: CatalogState = admin_service.ACTION_STATES[action]
    application = await process_service.set_application_state(
        session, procedure, agency, version, state
    )
    return application_read(application)
