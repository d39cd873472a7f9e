"""Where a new dossier may be received and who is competent, as the agency tree stands today.

Decree 118/2025 (two-tier local government since 2025-07-01): agencies and units merge; a replaced
agency (``replaced_by``) or a closed one (past ``valid_to``) receives no new dossier, its work goes to
its successor (DESIGN.md section 3). One-stop desks receive regardless of the applicant's address
within the province where the procedure application says so (``province_wide_reception``, Decree
118/2025 art. 6: tiếp nhận không phụ thuộc địa giới hành chính).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import ProblemCode, ValidationFailed, field_error
from app.models.catalog import Agency
from app.services.catalog import reads as catalog_service


def in_force(agency: Agency, at: datetime) -> bool:
    """Not replaced and not closed at ``at`` (the Asia/Ho_Chi_Minh date)."""
    if agency.replaced_by is not None:
        return False
    return agency.valid_to is None or agency.valid_to >= catalog_service.local_date(at)


def _closed(field: str, agency: Agency) -> ValidationFailed:
    successor = f" (thay thế bởi {agency.replaced_by})" if agency.replaced_by else ""
    return field_error(
        field,
        f"Cơ quan {agency.code} đã giải thể hoặc sáp nhập{successor}: không tiếp nhận hồ sơ mới",
        code=ProblemCode.agency_closed,
    )


async def receiving_office(
    session: AsyncSession,
    found: catalog_service.ApplicationInForce,
    requested: str | None,
    at: datetime,
) -> str:
    """The office receiving a new dossier: the one asked for, else the application's first office
    in force (a replaced one is followed to its successor)."""
    offices = list(found.application.receiving_offices)
    invalid = field_error(
        "receiving_office_code",
        "Nơi tiếp nhận không nhận thủ tục này (nhận tại: " + ", ".join(offices) + ")",
        code=ProblemCode.receiving_office_code_invalid,
    )
    if requested is None:
        for office in offices:
            successor = await catalog_service.current_successor(session, office)
            if successor is not None and in_force(successor, at):
                return successor.code
        raise invalid
    agency = await session.get(Agency, requested)
    if agency is None:
        raise invalid
    if not in_force(agency, at):
        raise _closed("receiving_office_code", agency)
    if requested in offices:
        return requested
    # a successor receives for the offices it replaced
    for office in offices:
        successor = await catalog_service.current_successor(session, office)
        if successor is not None and successor.code == requested:
            return requested
    if found.application.province_wide_reception and agency.receives_dossiers:
        return requested
    raise invalid


async def competent_agency(session: AsyncSession, applying_agency: str, at: datetime) -> str:
    """The applying agency, or its successor after a merger; a closed one has no competence."""
    agency = await catalog_service.current_successor(session, applying_agency)
    if agency is None or not in_force(agency, at):
        raise _closed(
            "agency_code", agency or await catalog_service.get_agency(session, applying_agency)
        )
    return agency.code
