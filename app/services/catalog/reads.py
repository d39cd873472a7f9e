"""Catalog reads: units, agencies, fields, procedure search, and what is in force when.

Search runs in PostgreSQL on the GIN index of ``procedures.search_vector`` (built from the folded
name and the code); the query is folded by the same ``app.services.text.fold`` and every word is
matched as a prefix. Nothing loads the catalog into Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Select,
    and_,
    func,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.config import VIETNAM_TZ_NAME
from app.errors import BadRequest, NotFound, ProblemCode
from app.models.calendar import DurationUnit
from app.models.catalog import AdministrativeUnit, Agency, AgencyKind, Field, UnitKind
from app.models.procedure import (
    CatalogState,
    Procedure,
    ProcedureApplication,
    ProcessTemplate,
)

VIETNAM = ZoneInfo(VIETNAM_TZ_NAME)
MAX_SUCCESSION = 64  # a replaced_by chain longer than this is a data error (or a cycle)


@dataclass(frozen=True)
class PageRequest:
    page: int = 1
    page_size: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


async def _page(
    session: AsyncSession, query: Select[Any], page: PageRequest
) -> tuple[list[Any], int]:
    total = await session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = await session.scalars(query.offset(page.offset).limit(page.page_size))
    return list(rows), int(total or 0)


# --- units, agencies, fields -------------------------------------------------------------------


async def list_units(
    session: AsyncSession,
    page: PageRequest,
    *,
    kind: UnitKind | None = None,
    parent: str | None = None,
) -> tuple[list[AdministrativeUnit], int]:
    query = select(AdministrativeUnit).order_by(AdministrativeUnit.code)
    if kind is not None:
        query = query.where(AdministrativeUnit.kind == kind)
    if parent is not None:
        query = query.where(AdministrativeUnit.parent_code == parent)
    return await _page(session, query, page)


async def get_unit(session: AsyncSession, code: str) -> AdministrativeUnit:
    unit = await session.get(AdministrativeUnit, code)
    if unit is None:
        raise NotFound("Không tìm thấy đơn vị hành chính.", code=ProblemCode.unit_not_found)
    return unit


async def list_agencies(
    session: AsyncSession,
    page: PageRequest,
    *,
    kind: AgencyKind | None = None,
    parent: str | None = None,
    unit: str | None = None,
    receives_dossiers: bool | None = None,
) -> tuple[list[Agency], int]:
    query = select(Agency).order_by(Agency.code)
    if kind is not None:
        query = query.where(Agency.kind == kind)
    if parent is not None:
        query = query.where(Agency.parent_code == parent)
    if unit is not None:
        query = query.where(Agency.unit_code == unit)
    if receives_dossiers is not None:
        query = query.where(Agency.receives_dossiers == receives_dossiers)
    return await _page(session, query, page)


async def get_agency(session: AsyncSession, code: str) -> Agency:
    agency = await session.get(Agency, code)
    if agency is None:
        raise NotFound("Không tìm thấy cơ quan.", code=ProblemCode.agency_not_found)
    return agency


async def agency_with_successor(session: AsyncSession, code: str) -> tuple[Agency, str | None]:
    """The agency and, when it was replaced, the code of the agency now doing its work."""
    agency = await get_agency(session, code)
    if agency.replaced_by is None:
        return agency, None
    successor = await current_successor(session, code)
    return agency, successor.code if successor is not None else None


async def current_successor(session: AsyncSession, agency_code: str) -> Agency | None:
    """The agency that now holds ``agency_code``'s work, following ``replaced_by`` to its end.

    Open dossiers of a merged agency follow it to its successor (DESIGN.md section 3). Returns the
    agency itself when it was never replaced, None when the code is unknown.
    """
    agency = await session.get(Agency, agency_code)
    seen: set[str] = set()
    while agency is not None and agency.replaced_by is not None:
        if agency.code in seen or len(seen) >= MAX_SUCCESSION:
            raise BadRequest(
                f"Chuỗi thay thế của cơ quan {agency_code} bị vòng lặp.",
                code=ProblemCode.agency_succession_cycle,
            )
        seen.add(agency.code)
        successor = await session.get(Agency, agency.replaced_by)
        if successor is None:
            break
        agency = successor
    return agency


async def list_fields(session: AsyncSession) -> list[Field]:
    return list(await session.scalars(select(Field).order_by(Field.code)))


# --- procedures ---------------------------------------------------------------------------------


async def get_procedure(
    session: AsyncSession, code: str, version: int | None = None, *, include_drafts: bool = False
) -> Procedure:
    """The current published version of ``code``, or the given version (published or retired)."""
    query = select(Procedure).where(Procedure.code == code)
    if version is None:
        query = query.where(Procedure.is_current)
    else:
        query = query.where(Procedure.version == version)
        if not include_drafts:
            query = query.where(Procedure.state != CatalogState.draft)
    procedure = await session.scalar(query)
    if procedure is None:
        raise NotFound("Không tìm thấy thủ tục hành chính.", code=ProblemCode.procedure_not_found)
    return procedure


async def procedure_detail(
    session: AsyncSession, code: str, version: int | None, at: datetime
) -> tuple[Procedure, list[ProcedureApplication]]:
    """A published (or retired) procedure version and the applications in force at ``at``."""
    procedure = await get_procedure(session, code, version)
    return procedure, await applications_in_force(session, code, at)


def _in_force_at(at: datetime) -> Any:
    """Applications published (or retired only after ``at``) whose effective date has come."""
    day = local_date(at)
    return and_(
        ProcedureApplication.effective_from <= day,
        or_(
            ProcedureApplication.state == CatalogState.published,
            and_(
                ProcedureApplication.state == CatalogState.retired,
                ProcedureApplication.published_at.is_not(None),
                ProcedureApplication.retired_at > at,
            ),
        ),
    )


def local_date(at: datetime) -> date:
    if at.tzinfo is None:
        raise ValueError("at must be timezone-aware")
    return at.astimezone(VIETNAM).date()


async def applications_in_force(
    session: AsyncSession, procedure_code: str, at: datetime
) -> list[ProcedureApplication]:
    """For each agency applying ``procedure_code``, the application version in force at ``at``."""
    query = (
        select(ProcedureApplication)
        .where(ProcedureApplication.procedure_code == procedure_code, _in_force_at(at))
        .order_by(
            ProcedureApplication.agency_code,
            ProcedureApplication.effective_from.desc(),
            ProcedureApplication.version.desc(),
        )
        .ext(distinct_on(ProcedureApplication.agency_code))
    )
    return list(await session.scalars(query))


@dataclass(frozen=True)
class ProcessingTimes:
    """What a processing time is decided from: the application's local time (if any) and the
    procedure's national time, per channel and overall (columns of both versions)."""

    local_amount: Decimal | None
    local_unit: DurationUnit | None
    by_channel: dict[str, Any] | None
    amount: Decimal
    unit: DurationUnit

    def for_channel(self, channel: str | None = None) -> tuple[Decimal, DurationUnit]:
        """The processing time of a dossier submitted through ``channel`` (desk, online, postal).

        The national record's time for that channel when it gives one (Decree 118/2025: the record
        publishes a time per channel; 1.013133 is answered online within 2 working hours), unless
        the application's local time is shorter in the same unit; otherwise the application's local
        time when it has one (never longer than the national one), else the national one.
        """
        local: tuple[Decimal, DurationUnit] | None = None
        if self.local_amount is not None and self.local_unit:
            local = self.local_amount, self.local_unit
        by_channel = (self.by_channel or {}).get(channel or "")
        if by_channel is not None:
            amount, unit = Decimal(by_channel["amount"]), DurationUnit(by_channel["unit"])
            if local is not None and local[1] is unit and local[0] < amount:
                return local
            return amount, unit
        if local is not None:
            return local
        return self.amount, self.unit


# the columns of ``ProcessingTimes``, in its order (a select of them needs no ORM entity)
PROCESSING_TIME_COLUMNS = (
    ProcedureApplication.processing_time_amount,
    ProcedureApplication.processing_time_unit,
    Procedure.processing_time_by_channel,
    Procedure.processing_time_amount,
    Procedure.processing_time_unit,
)


def processing_time(
    application: ProcedureApplication, procedure: Procedure, channel: str | None = None
) -> tuple[Decimal, DurationUnit]:
    """The processing time of a dossier submitted through ``channel`` (``ProcessingTimes``)."""
    return ProcessingTimes(
        application.processing_time_amount,
        application.processing_time_unit,
        procedure.processing_time_by_channel,
        procedure.processing_time_amount,
        procedure.processing_time_unit,
    ).for_channel(channel)


@dataclass(frozen=True)
class ApplicationInForce:
    """What a dossier submitted at a given instant is processed under."""

    application: ProcedureApplication
    procedure: Procedure
    template: ProcessTemplate  # steps loaded

    @property
    def processing_time(self) -> tuple[Decimal, DurationUnit]:
        return processing_time(self.application, self.procedure)

    def processing_time_for(self, channel: str) -> tuple[Decimal, DurationUnit]:
        return processing_time(self.application, self.procedure, channel)

    @property
    def fees(self) -> list[dict[str, Any]]:
        return self.application.fees if self.application.fees is not None else self.procedure.fees


async def application_in_force(
    session: AsyncSession, procedure_code: str, agency_code: str, at: datetime
) -> ApplicationInForce | None:
    """The application of ``procedure_code`` by ``agency_code`` in force at ``at``, or None.

    Dossiers keep the versions in force when they were submitted (DESIGN.md section 3): the version
    with the latest effective date on or before ``at`` (Asia/Ho_Chi_Minh date) wins, a later-published
    version with a future effective date does not apply yet, and a retired version still applies to
    instants before its retirement. The procedure is the latest version published by ``at``.
    """
    application = await session.scalar(
        select(ProcedureApplication)
        .where(
            ProcedureApplication.procedure_code == procedure_code,
            ProcedureApplication.agency_code == agency_code,
            _in_force_at(at),
        )
        .order_by(ProcedureApplication.effective_from.desc(), ProcedureApplication.version.desc())
        .limit(1)
    )
    if application is None:
        return None
    procedure = await session.scalar(
        select(Procedure)
        .where(
            Procedure.code == procedure_code,
            Procedure.state != CatalogState.draft,
            Procedure.published_at <= at,
        )
        .order_by(Procedure.version.desc())
        .limit(1)
    ) or await session.scalar(
        select(Procedure).where(Procedure.code == procedure_code, Procedure.is_current)
    )
    template = await session.scalar(
        select(ProcessTemplate)
        .where(
            ProcessTemplate.code == application.template_code,
            ProcessTemplate.version == application.template_version,
        )
        .options(selectinload(ProcessTemplate.steps))
    )
    if procedure is None or template is None:
        return None
    return ApplicationInForce(application, procedure, template)
