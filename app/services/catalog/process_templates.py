"""Catalog changes on the process side: process templates and procedure applications.

A template version never changes; an application is versioned like a procedure (draft, published,
retired) and checked by ``catalog_rules.check_application`` before it is stored or published.
Given an ``actor`` (the admin endpoints), each change is written to the admin audit log.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.errors import Conflict, NotFound, ProblemCode
from app.models.audit import AdminAction, AuditTarget
from app.models.procedure import (
    CatalogState,
    Procedure,
    ProcedureApplication,
    ProcessStep,
    ProcessTemplate,
)
from app.schemas.catalog import (
    ApplicationCreate,
    ApplicationData,
    ApplicationRow,
    TemplateCreate,
    TemplateRow,
)
from app.services.catalog import rules
from app.services.catalog.admin import (
    STATE_ACTIONS,
    Outcome,
    dump,
    published_changed,
    transition,
)
from app.services.system import audit
from app.services.system.audit import AuditActor

# --- process templates (immutable per version) --------------------------------------------


def _build_template(code: str, version: int, data: TemplateCreate | TemplateRow) -> ProcessTemplate:
    return ProcessTemplate(
        code=code,
        version=version,
        name=data.name,
        kind=data.kind,
        steps=[
            ProcessStep(
                position=position,
                code=step.code,
                name=step.name,
                runs_at_kind=step.runs_at.kind,
                runs_at_agency=step.runs_at.agency,
                runs_at_step=step.runs_at.step,
                role=step.role,
                duration_amount=step.duration.amount,
                duration_unit=step.duration.unit,
            )
            for position, step in enumerate(data.steps, start=1)
        ],
    )


async def get_template(session: AsyncSession, code: str, version: int) -> ProcessTemplate:
    template = await session.scalar(
        select(ProcessTemplate)
        .where(ProcessTemplate.code == code, ProcessTemplate.version == version)
        .options(selectinload(ProcessTemplate.steps))
    )
    if template is None:
        raise NotFound("Không tìm thấy quy trình.", code=ProblemCode.template_not_found)
    return template


async def list_templates(session: AsyncSession) -> list[ProcessTemplate]:
    rows = await session.scalars(
        select(ProcessTemplate)
        .options(selectinload(ProcessTemplate.steps))
        .order_by(ProcessTemplate.code, ProcessTemplate.version)
    )
    return list(rows)


def fixed_agencies(data: TemplateCreate) -> set[str]:
    """The agencies a template names (its ``fixed`` steps); the others run where the application
    or the subject says, so they name none."""
    return {step.runs_at.agency for step in data.steps if step.runs_at.agency is not None}


async def create_template(
    session: AsyncSession, data: TemplateCreate, *, actor: AuditActor | None = None
) -> ProcessTemplate:
    """A template version is never edited: every change is the next version of the code."""
    rules.raise_if(await rules.check_template(session, data))
    latest = await session.scalar(
        select(func.max(ProcessTemplate.version)).where(ProcessTemplate.code == data.code)
    )
    template = _build_template(data.code, (latest or 0) + 1, data)
    session.add(template)
    await session.flush()
    await audit.record(
        session,
        actor,
        AdminAction.template_create,
        AuditTarget.template,
        data.code,
        {"version": template.version, "name": data.name, "steps": len(data.steps)},
    )
    return template


async def put_template_version(
    session: AsyncSession, row: TemplateRow
) -> tuple[ProcessTemplate, Outcome]:
    try:
        existing = await get_template(session, row.code, row.version)
    except NotFound:
        rules.raise_if(await rules.check_template(session, row))
        template = _build_template(row.code, row.version, row)
        session.add(template)
        await session.flush()
        return template, Outcome.created
    if TemplateRow.model_validate(existing.content()) == row:
        return existing, Outcome.unchanged
    raise Conflict(
        f"Quy trình {row.code} phiên bản {row.version} đã tồn tại với nội dung khác; "
        "thay đổi phải là phiên bản mới.",
        code=ProblemCode.template_version_changed,
    )


# --- procedure applications --------------------------------------------------------------


def _apply_application(application: ProcedureApplication, data: ApplicationData) -> None:
    application.receiving_offices = list(data.receiving_offices)
    application.province_wide_reception = data.province_wide_reception
    local = data.processing_time
    application.processing_time_amount = local.amount if local else None
    application.processing_time_unit = local.unit if local else None
    application.fees = dump(data.fees) if data.fees is not None else None
    application.payee_agency_code = data.payee_agency
    application.template_code = data.template
    application.template_version = data.template_version
    application.effective_from = data.effective_from


async def list_application_versions(
    session: AsyncSession, procedure: str, agency: str
) -> list[ProcedureApplication]:
    rows = list(
        await session.scalars(
            select(ProcedureApplication)
            .where(
                ProcedureApplication.procedure_code == procedure,
                ProcedureApplication.agency_code == agency,
            )
            .order_by(ProcedureApplication.version)
        )
    )
    if not rows:
        raise NotFound("Không tìm thấy áp dụng thủ tục.", code=ProblemCode.application_not_found)
    return rows


async def _check(session: AsyncSession, row: ApplicationCreate, state: CatalogState) -> None:
    """The application rules; to be published, the procedure must have a published version."""
    errors = await rules.check_application(session, row)
    if state is CatalogState.published:
        current = await session.scalar(
            select(Procedure.id).where(Procedure.code == row.procedure, Procedure.is_current)
        )
        if current is None:
            errors.append(
                rules.error(
                    "procedure",
                    "procedure_not_published",
                    "Thủ tục chưa có phiên bản được công bố",
                )
            )
    rules.raise_if(errors)


async def _new_application(
    session: AsyncSession,
    data: ApplicationCreate,
    version: int,
    state: CatalogState = CatalogState.draft,
) -> ProcedureApplication:
    await _check(session, data, state)
    application = ProcedureApplication(
        procedure_code=data.procedure,
        agency_code=data.agency,
        version=version,
        state=CatalogState.draft,
    )
    _apply_application(application, data)
    transition(application, state)
    session.add(application)
    await session.flush()
    return application


def _key(procedure: str, agency: str) -> str:
    return f"{procedure}/{agency}"


async def create_application(
    session: AsyncSession, data: ApplicationCreate, *, actor: AuditActor | None = None
) -> ProcedureApplication:
    try:
        await list_application_versions(session, data.procedure, data.agency)
    except NotFound:
        application = await _new_application(session, data, 1)
        await audit.record(
            session,
            actor,
            AdminAction.application_create,
            AuditTarget.application,
            _key(data.procedure, data.agency),
            {"version": 1, "template": data.template, "template_version": data.template_version},
        )
        return application
    raise Conflict(
        "Cơ quan đã áp dụng thủ tục này; hãy sửa áp dụng để tạo phiên bản mới.",
        code=ProblemCode.application_exists,
    )


async def change_application(
    session: AsyncSession,
    procedure: str,
    agency: str,
    data: ApplicationData,
    *,
    actor: AuditActor | None = None,
) -> tuple[ProcedureApplication, Outcome]:
    latest = (await list_application_versions(session, procedure, agency))[-1]
    full = ApplicationCreate(procedure=procedure, agency=agency, **data.model_dump())
    if latest.state is CatalogState.draft:
        await _check(session, full, CatalogState.draft)
        _apply_application(latest, data)
        await session.flush()
        application, outcome = latest, Outcome.updated
    else:
        application = await _new_application(session, full, latest.version + 1)
        outcome = Outcome.created
    await audit.record(
        session,
        actor,
        AdminAction.application_change,
        AuditTarget.application,
        _key(procedure, agency),
        {"version": application.version, "outcome": str(outcome), "template": data.template},
    )
    return application, outcome


async def set_application_state(
    session: AsyncSession,
    procedure: str,
    agency: str,
    version: int,
    state: CatalogState,
    *,
    actor: AuditActor | None = None,
) -> ProcedureApplication:
    versions = await list_application_versions(session, procedure, agency)
    application = next((a for a in versions if a.version == version), None)
    if application is None:
        raise NotFound("Không tìm thấy phiên bản áp dụng.", code=ProblemCode.application_not_found)
    if state is CatalogState.published:
        await _check(session, ApplicationRow.model_validate(application.content()), state)
    before = application.state
    transition(application, state)
    await session.flush()
    if before != state:
        await audit.record(
            session,
            actor,
            STATE_ACTIONS[AuditTarget.application][state],
            AuditTarget.application,
            _key(procedure, agency),
            {"version": version, "from": str(before), "to": str(state)},
        )
    return application


async def put_application_version(
    session: AsyncSession, row: ApplicationRow
) -> tuple[ProcedureApplication, Outcome]:
    existing = await session.scalar(
        select(ProcedureApplication).where(
            ProcedureApplication.procedure_code == row.procedure,
            ProcedureApplication.agency_code == row.agency,
            ProcedureApplication.version == row.version,
        )
    )
    if existing is None:
        return await _new_application(session, row, row.version, row.state), Outcome.created
    stored = ApplicationRow.model_validate(existing.content())
    if stored == row:
        return existing, Outcome.unchanged
    if existing.state is CatalogState.draft:
        await _check(session, row, row.state)
        _apply_application(existing, row)
    elif stored.model_copy(update={"state": row.state}) != row:
        raise published_changed("Áp dụng thủ tục", row.version)
    transition(existing, row.state)
    await session.flush()
    return existing, Outcome.updated
