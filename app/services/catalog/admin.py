"""Catalog changes: units, agencies, fields, procedures (templates, applications: catalog_process).

Used by the admin endpoints and by ``motcua catalog import``. Given an ``actor`` (the admin
endpoints always give one), a change is written to the admin audit log in its transaction; an
unchanged row writes nothing. National data is read-only once
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

from app.errors import Conflict, NotFound, ProblemCode
from app.models.audit import AdminAction, AuditTarget
from app.models.catalog import AdministrativeUnit, Agency, Field
from app.models.procedure import (
    CatalogState,
    Procedure,
    ProcedureApplication,
)
from app.schemas.catalog import (
    AgencyData,
    FieldData,
    ProcedureCreate,
    ProcedureData,
    ProcedureRow,
    UnitData,
)
from app.services.catalog import rules
from app.services.catalog.text import fold
from app.services.system import audit
from app.services.system.audit import AuditActor

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

# the audit log's name of each state change of a versioned row
STATE_ACTIONS = {
    AuditTarget.procedure: {
        CatalogState.published: AdminAction.procedure_publish,
        CatalogState.retired: AdminAction.procedure_retire,
    },
    AuditTarget.application: {
        CatalogState.published: AdminAction.application_publish,
        CatalogState.retired: AdminAction.application_retire,
    },
}


class Outcome(StrEnum):
    created = "created"
    updated = "updated"
    unchanged = "unchanged"


def dump(items: Sequence[BaseModel]) -> list[dict[str, Any]]:
    return [item.model_dump(mode="json") for item in items]


def _now() -> datetime:
    return datetime.now(UTC)


# --- units, agencies, fields (not versioned: validity and replaced_by keep the history) ----------


async def put_unit(
    session: AsyncSession, code: str, data: UnitData, *, actor: AuditActor | None = None
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
    await _audit(session, actor, AdminAction.unit_put, AuditTarget.unit, code, outcome, data)
    return unit, outcome


async def put_agency(
    session: AsyncSession, code: str, data: AgencyData, *, actor: AuditActor | None = None
) -> tuple[Agency, Outcome]:
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
    await _audit(session, actor, AdminAction.agency_put, AuditTarget.agency, code, outcome, data)
    return agency, outcome


async def put_field(
    session: AsyncSession, code: str, data: FieldData, *, actor: AuditActor | None = None
) -> tuple[Field, Outcome]:
    field = await session.get(Field, code)
    if field is not None and field.name == data.name:
        return field, Outcome.unchanged
    outcome = Outcome.updated
    if field is None:
        field, outcome = Field(code=code, name=data.name), Outcome.created
        session.add(field)
    field.name = data.name
    await session.flush()
    await _audit(session, actor, AdminAction.field_put, AuditTarget.field, code, outcome, data)
    return field, outcome


async def _audit(
    session: AsyncSession,
    actor: AuditActor | None,
    action: AdminAction,
    target: AuditTarget,
    code: str,
    outcome: Outcome,
    data: BaseModel,
) -> None:
    """A row of units, agencies and fields is public data: its new content is the summary."""
    if actor is not None:
        changes = {"outcome": str(outcome), **data.model_dump(mode="json")}
        await audit.record(session, actor, action, target, code, changes)


def _without_code(content: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in content.items() if key != "code"}


# --- versioned rows: shared state handling ---------------------------------------------------


def transition(row: M, to: CatalogState) -> None:
    if row.state == to:
        return
    if (row.state, to) not in _TRANSITIONS:
        raise Conflict(
            f"Không thể chuyển phiên bản {row.version} từ trạng thái {row.state} sang {to}.",
            code=ProblemCode.invalid_state_transition,
        )
    if to is CatalogState.published:
        row.published_at = _now()
    elif to is CatalogState.retired:
        row.retired_at = _now()
    row.state = to


def published_changed(what: str, version: int) -> Conflict:
    return Conflict(
        f"{what} phiên bản {version} đã công bố nên không sửa được; thay đổi phải là phiên bản mới "
        "có số phiên bản cao hơn.",
        code=ProblemCode.published_version_changed,
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
    procedure.processing_time_by_channel = data.processing_time_by_channel.model_dump(
        mode="json", exclude_none=True
    )
    procedure.fees = dump(data.fees)
    procedure.fees_due = data.fees_due
    procedure.documents = dump(data.documents)
    procedure.online_level = data.online_level
    procedure.levels = list(data.levels)
    procedure.legal_basis = list(data.legal_basis)
    procedure.result = data.result
    procedure.sources = dump(data.sources)
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
        raise NotFound("Không tìm thấy thủ tục hành chính.", code=ProblemCode.procedure_not_found)
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
    transition(procedure, state)
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


async def create_procedure(
    session: AsyncSession, data: ProcedureCreate, *, actor: AuditActor | None = None
) -> Procedure:
    """A new procedure code, as draft version 1."""
    if await _procedure_versions(session, data.code):
        raise Conflict(
            "Mã thủ tục đã tồn tại; hãy sửa thủ tục để tạo phiên bản mới.",
            code=ProblemCode.procedure_exists,
        )
    procedure = await _new_procedure(session, data.code, 1, data)
    if actor is not None:
        await audit.record(
            session,
            actor,
            AdminAction.procedure_create,
            AuditTarget.procedure,
            data.code,
            {"version": 1, "name": data.name},
        )
    return procedure


async def change_procedure(
    session: AsyncSession, code: str, data: ProcedureData, *, actor: AuditActor | None = None
) -> tuple[Procedure, Outcome]:
    """Edit the latest draft in place, or open a new draft version after a published one."""
    latest = (await list_procedure_versions(session, code))[-1]
    if latest.state is CatalogState.draft:
        rules.raise_if(await rules.check_procedure(session, data))
        _apply_procedure(latest, data)
        await session.flush()
        procedure, outcome = latest, Outcome.updated
    else:
        procedure = await _new_procedure(session, code, latest.version + 1, data)
        outcome = Outcome.created
    if actor is not None:
        await audit.record(
            session,
            actor,
            AdminAction.procedure_change,
            AuditTarget.procedure,
            code,
            {"version": procedure.version, "outcome": str(outcome), "name": data.name},
        )
    return procedure, outcome


async def set_procedure_state(
    session: AsyncSession,
    code: str,
    version: int,
    state: CatalogState,
    *,
    actor: AuditActor | None = None,
) -> Procedure:
    procedure = await session.scalar(
        select(Procedure).where(Procedure.code == code, Procedure.version == version)
    )
    if procedure is None:
        raise NotFound("Không tìm thấy phiên bản thủ tục.", code=ProblemCode.procedure_not_found)
    if state is CatalogState.published:
        rules.raise_if(await rules.check_procedure(session, ProcedureRow(**procedure.content())))
    before = procedure.state
    transition(procedure, state)
    await _refresh_current(session, code)
    await session.refresh(procedure)
    if actor is not None and before != state:
        action = STATE_ACTIONS[AuditTarget.procedure][state]
        changes = {"version": version, "from": str(before), "to": str(state)}
        await audit.record(session, actor, action, AuditTarget.procedure, code, changes)
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
        raise published_changed("Thủ tục", row.version)
    transition(existing, row.state)
    await _refresh_current(session, row.code)
    return existing, Outcome.updated
