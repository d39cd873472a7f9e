"""Catalog changes: units, agencies, fields, procedures, templates, applications.

Used by the admin endpoints and by ``motcua catalog import``. National data is read-only once
published (DESIGN.md section 3): a change to a published procedure or application is a new draft
version, older versions stay readable, and dossiers keep the versions in force at submission.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.errors import Conflict, NotFound
from app.models.catalog import AdministrativeUnit, Agency, Field
from app.models.procedure import (
    CatalogState,
    Procedure,
    ProcedureApplication,
    ProcessStep,
    ProcessTemplate,
)
from app.schemas.catalog import (
    AgencyData,
    ApplicationCreate,
    ApplicationData,
    ApplicationRow,
    FieldData,
    ProcedureCreate,
    ProcedureData,
    ProcedureRow,
    TemplateCreate,
    TemplateRow,
    UnitData,
)
from app.services import catalog_rules as rules
from app.services.text import fold

M = TypeVar("M", Procedure, ProcedureApplication)

# state machine of versioned rows: (from, to) that an administrator may perform
_TRANSITIONS = {
    (CatalogState.draft, CatalogState.published),
    (CatalogState.draft, CatalogState.retired),
    (CatalogState.published, CatalogState.retired),
}


class StateAction(StrEnum):
    publish = "publish"
    retire = "retire"


ACTION_STATES = {
    StateAction.publish: CatalogState.published,
    StateAction.retire: CatalogState.retired,
}


class Outcome(StrEnum):
    created = "created"
    updated = "updated"
    unchanged = "unchanged"


def _dump(items: Sequence[BaseModel]) -> list[dict[str, Any]]:
    return [item.model_dump(mode="json") for item in items]


def _now() -> datetime:
    return datetime.now(UTC)


# --- units, agencies, fields (not versioned: validity and replaced_by keep the history) ----------


async def put_unit(
    session: AsyncSession, code: str, data: UnitData
) -> tuple[AdministrativeUnit, Outcome]:
    rules.raise_if(await rules.check_unit(session, code, data))
    unit = await session.get(AdministrativeUnit, code)
    outcome = Outcome.updated
    if unit is None:
        unit, outcome = AdministrativeUnit(code=code), Outcome.created
        session.add(unit)
    elif UnitData.model_validate(_without_code(unit.content())) == data:
        return unit, Outcome.unchanged
    unit.name, unit.kind, unit.parent_code = data.name, data.kind, data.parent
    unit.valid_from, unit.valid_to, unit.replaced_by = (
        data.valid_from,
        data.valid_to,
        data.replaced_by,
    )
    await session.flush()
    return unit, outcome


async def put_agency(session: AsyncSession, code: str, data: AgencyData) -> tuple[Agency, Outcome]:
    rules.raise_if(await rules.check_agency(session, code, data))
    agency = await session.get(Agency, code)
    outcome = Outcome.updated
    if agency is None:
        agency, outcome = Agency(code=code), Outcome.created
        session.add(agency)
    elif AgencyData.model_validate(_without_code(agency.content())) == data:
        return agency, Outcome.unchanged
    agency.name, agency.kind, agency.parent_code = data.name, data.kind, data.parent
    agency.unit_code, agency.receives_dossiers = data.unit, data.receives_dossiers
    agency.valid_from, agency.valid_to = data.valid_from, data.valid_to
    agency.replaced_by = data.replaced_by
    await session.flush()
    return agency, outcome


async def put_field(session: AsyncSession, code: str, data: FieldData) -> tuple[Field, Outcome]:
    field = await session.get(Field, code)
    if field is None:
        field = Field(code=code, name=data.name)
        session.add(field)
        await session.flush()
        return field, Outcome.created
    if field.name == data.name:
        return field, Outcome.unchanged
    field.name = data.name
    await session.flush()
    return field, Outcome.updated


def _without_code(content: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in content.items() if key != "code"}


# --- versioned rows: shared state handling ---------------------------------------------------


def _transition(row: M, to: CatalogState) -> None:
    if row.state == to:
        return
    if (row.state, to) not in _TRANSITIONS:
        raise Conflict(
            f"Không thể chuyển phiên bản {row.version} từ trạng thái {row.state} sang {to}.",
            code="invalid_state_transition",
        )
    if to is CatalogState.published:
        row.published_at = _now()
    elif to is CatalogState.retired:
        row.retired_at = _now()
    row.state = to


def _published_changed(what: str, version: int) -> Conflict:
    return Conflict(
        f"{what} phiên bản {version} đã công bố nên không sửa được; thay đổi phải là phiên bản mới "
        "có số phiên bản cao hơn.",
        code="published_version_changed",
    )


# --- procedures ------------------------------------------------------------------------------


def _apply_procedure(procedure: Procedure, data: ProcedureData) -> None:
    procedure.name = data.name
    procedure.name_folded = fold(data.name)
    procedure.field_code = data.field
    procedure.processing_time_amount = data.processing_time.amount
    procedure.processing_time_unit = data.processing_time.unit
    online = data.online_processing_time
    procedure.online_processing_time_amount = online.amount if online else None
    procedure.online_processing_time_unit = online.unit if online else None
    procedure.fees = _dump(data.fees)
    procedure.fees_due = data.fees_due
    procedure.documents = _dump(data.documents)
    procedure.online_level = data.online_level
    procedure.levels = list(data.levels)
    procedure.legal_basis = list(data.legal_basis)
    procedure.result = data.result
    procedure.sources = _dump(data.sources)
    procedure.verified = data.verified
    procedure.notes = data.notes


async def _refresh_current(session: AsyncSession, code: str) -> None:
    """``is_current`` marks the highest published version of ``code`` (none when none is)."""
    await session.flush()
    latest = await _latest_published(session, code)
    # two statements: the partial unique index on current codes is checked row by row
    await session.execute(
        update(Procedure)
        .where(Procedure.code == code, Procedure.is_current, Procedure.version != (latest or 0))
        .values(is_current=False)
    )
    if latest is not None:
        await session.execute(
            update(Procedure)
            .where(Procedure.code == code, Procedure.version == latest, ~Procedure.is_current)
            .values(is_current=True)
        )


async def _latest_published(session: AsyncSession, code: str) -> int | None:
    return await session.scalar(
        select(func.max(Procedure.version)).where(
            Procedure.code == code, Procedure.state == CatalogState.published
        )
    )


async def _procedure_versions(session: AsyncSession, code: str) -> list[Procedure]:
    rows = await session.scalars(
        select(Procedure).where(Procedure.code == code).order_by(Procedure.version)
    )
    return list(rows)


async def list_procedure_versions(session: AsyncSession, code: str) -> list[Procedure]:
    versions = await _procedure_versions(session, code)
    if not versions:
        raise NotFound("Không tìm thấy thủ tục hành chính.", code="procedure_not_found")
    return versions


async def _new_procedure(
    session: AsyncSession,
    code: str,
    version: int,
    data: ProcedureData,
    state: CatalogState = CatalogState.draft,
) -> Procedure:
    rules.raise_if(await rules.check_procedure(session, data))
    procedure = Procedure(code=code, version=version, state=CatalogState.draft, is_current=False)
    _apply_procedure(procedure, data)
    _transition(procedure, state)
    if state is CatalogState.published:
        # inserted already current when it is the highest published version: no update churn
        latest = await _latest_published(session, code)
        if latest is None or latest < version:
            await session.execute(
                update(Procedure)
                .where(Procedure.code == code, Procedure.is_current)
                .values(is_current=False)
            )
            procedure.is_current = True
    session.add(procedure)
    await session.flush()
    return procedure


async def create_procedure(session: AsyncSession, data: ProcedureCreate) -> Procedure:
    """A new procedure code, as draft version 1."""
    if await _procedure_versions(session, data.code):
        raise Conflict(
            "Mã thủ tục đã tồn tại; hãy sửa thủ tục để tạo phiên bản mới.", code="procedure_exists"
        )
    return await _new_procedure(session, data.code, 1, data)


async def change_procedure(
    session: AsyncSession, code: str, data: ProcedureData
) -> tuple[Procedure, Outcome]:
    """Edit the latest draft in place, or open a new draft version after a published one."""
    latest = (await list_procedure_versions(session, code))[-1]
    if latest.state is CatalogState.draft:
        rules.raise_if(await rules.check_procedure(session, data))
        _apply_procedure(latest, data)
        await session.flush()
        return latest, Outcome.updated
    return await _new_procedure(session, code, latest.version + 1, data), Outcome.created


async def set_procedure_state(
    session: AsyncSession, code: str, version: int, state: CatalogState
) -> Procedure:
    procedure = await session.scalar(
        select(Procedure).where(Procedure.code == code, Procedure.version == version)
    )
    if procedure is None:
        raise NotFound("Không tìm thấy phiên bản thủ tục.", code="procedure_not_found")
    if state is CatalogState.published:
        rules.raise_if(await rules.check_procedure(session, ProcedureRow(**procedure.content())))
    _transition(procedure, state)
    await _refresh_current(session, code)
    await session.refresh(procedure)
    return procedure


async def put_procedure_version(
    session: AsyncSession, row: ProcedureRow
) -> tuple[Procedure, Outcome]:
    """Import one procedure version: identical is a no-op; a published version never changes."""
    existing = await session.scalar(
        select(Procedure).where(Procedure.code == row.code, Procedure.version == row.version)
    )
    if existing is None:
        procedure = await _new_procedure(session, row.code, row.version, row, row.state)
        return procedure, Outcome.created
    stored = ProcedureRow.model_validate(existing.content())
    if stored == row:
        return existing, Outcome.unchanged
    if existing.state is CatalogState.draft:
        rules.raise_if(await rules.check_procedure(session, row))
        _apply_procedure(existing, row)
    elif stored.model_copy(update={"state": row.state}) != row:
        raise _published_changed("Thủ tục", row.version)
    _transition(existing, row.state)
    await _refresh_current(session, row.code)
    return existing, Outcome.updated


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
        raise NotFound("Không tìm thấy quy trình.", code="template_not_found")
    return template


async def list_templates(session: AsyncSession) -> list[ProcessTemplate]:
    rows = await session.scalars(
        select(ProcessTemplate)
        .options(selectinload(ProcessTemplate.steps))
        .order_by(ProcessTemplate.code, ProcessTemplate.version)
    )
    return list(rows)


async def create_template(session: AsyncSession, data: TemplateCreate) -> ProcessTemplate:
    """A template version is never edited: every change is the next version of the code."""
    rules.raise_if(await rules.check_template(session, data))
    latest = await session.scalar(
        select(func.max(ProcessTemplate.version)).where(ProcessTemplate.code == data.code)
    )
    template = _build_template(data.code, (latest or 0) + 1, data)
    session.add(template)
    await session.flush()
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
        code="template_version_changed",
    )


# --- procedure applications --------------------------------------------------------------


def _apply_application(application: ProcedureApplication, data: ApplicationData) -> None:
    application.receiving_offices = list(data.receiving_offices)
    local = data.processing_time
    application.processing_time_amount = local.amount if local else None
    application.processing_time_unit = local.unit if local else None
    application.fees = _dump(data.fees) if data.fees is not None else None
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
        raise NotFound("Không tìm thấy áp dụng thủ tục.", code="application_not_found")
    return rows


async def _new_application(
    session: AsyncSession, data: ApplicationCreate, version: int
) -> ProcedureApplication:
    rules.raise_if(await rules.check_application(session, data))
    application = ProcedureApplication(
        procedure_code=data.procedure,
        agency_code=data.agency,
        version=version,
        state=CatalogState.draft,
    )
    _apply_application(application, data)
    session.add(application)
    await session.flush()
    return application


async def create_application(
    session: AsyncSession, data: ApplicationCreate
) -> ProcedureApplication:
    try:
        await list_application_versions(session, data.procedure, data.agency)
    except NotFound:
        return await _new_application(session, data, 1)
    raise Conflict(
        "Cơ quan đã áp dụng thủ tục này; hãy sửa áp dụng để tạo phiên bản mới.",
        code="application_exists",
    )


async def change_application(
    session: AsyncSession, procedure: str, agency: str, data: ApplicationData
) -> tuple[ProcedureApplication, Outcome]:
    latest = (await list_application_versions(session, procedure, agency))[-1]
    full = ApplicationCreate(procedure=procedure, agency=agency, **data.model_dump())
    if latest.state is CatalogState.draft:
        rules.raise_if(await rules.check_application(session, full))
        _apply_application(latest, data)
        await session.flush()
        return latest, Outcome.updated
    return await _new_application(session, full, latest.version + 1), Outcome.created


async def set_application_state(
    session: AsyncSession, procedure: str, agency: str, version: int, state: CatalogState
) -> ProcedureApplication:
    versions = await list_application_versions(session, procedure, agency)
    application = next((a for a in versions if a.version == version), None)
    if application is None:
        raise NotFound("Không tìm thấy phiên bản áp dụng.", code="application_not_found")
    if state is CatalogState.published:
        await _check_publishable(session, ApplicationRow.model_validate(application.content()))
    _transition(application, state)
    await session.flush()
    return application


async def _check_publishable(session: AsyncSession, row: ApplicationRow) -> None:
    errors = await rules.check_application(session, row)
    current = await session.scalar(
        select(Procedure.id).where(Procedure.code == row.procedure, Procedure.is_current)
    )
    if current is None:
        errors.append(
            rules.error(
                "procedure", "procedure_not_published", "Thủ tục chưa có phiên bản được công bố"
            )
        )
    rules.raise_if(errors)


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
        if row.state is CatalogState.published:
            await _check_publishable(session, row)
        application = await _new_application(session, row, row.version)
        _transition(application, row.state)
        await session.flush()
        return application, Outcome.created
    stored = ApplicationRow.model_validate(existing.content())
    if stored == row:
        return existing, Outcome.unchanged
    if existing.state is CatalogState.draft:
        if row.state is CatalogState.published:
            await _check_publishable(session, row)
        else:
            rules.raise_if(await rules.check_application(session, row))
        _apply_application(existing, row)
    elif stored.model_copy(update={"state": row.state}) != row:
        raise _published_changed("Áp dụng thủ tục", row.version)
    _transition(existing, row.state)
    await session.flush()
    return existing, Outcome.updated
