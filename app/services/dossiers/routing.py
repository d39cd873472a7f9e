"""Where each step of a process template runs (DESIGN.md section 3, routing).

A step runs at a fixed agency, at the receiving office, at the competent agency (the agency applying the
procedure), at the competent agency of the subject's administrative unit (the applicant's commune unless
the dossier names another), or at the same place as an earlier step. Replaced agencies are followed to
their successor, so open work of a merged agency lands at the new one (Decree 118/2025, two-tier local
government since 2025-07-01).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import ProblemCode, ValidationFailed
from app.models.catalog import AdministrativeUnit, Agency, AgencyKind
from app.models.procedure import ProcessStep, RunsAtKind
from app.services.catalog import reads as catalog_service

# Agencies that are "the competent agency of an administrative unit" (its people's committee).
_UNIT_AUTHORITIES = (AgencyKind.commune_people_committee, AgencyKind.provincial_people_committee)
_MAX_SUCCESSION = catalog_service.MAX_SUCCESSION


@dataclass(frozen=True)
class RoutingContext:
    receiving_office_code: str
    competent_agency_code: str
    subject_unit_code: str | None
    # agency of each step already routed, by step code (for ``same_as``)
    routed: Mapping[str, str]


async def _successor(session: AsyncSession, agency_code: str) -> str:
    agency = await catalog_service.current_successor(session, agency_code)
    return agency.code if agency is not None else agency_code


async def _unit_chain(session: AsyncSession, unit_code: str) -> list[str]:
    """``unit_code`` and the units that replaced it, newest last (a merged unit's successors)."""
    chain = [unit_code]
    while len(chain) <= _MAX_SUCCESSION:
        replaced_by = await session.scalar(
            select(AdministrativeUnit.replaced_by).where(AdministrativeUnit.code == chain[-1])
        )
        if replaced_by is None or replaced_by in chain:
            break
        chain.append(replaced_by)
    return chain


async def unit_authority(session: AsyncSession, unit_code: str) -> str | None:
    """The people's committee serving ``unit_code``, if any. A merged unit is served by its
    successor's authority (Resolution 202/2025/QH15, Decree 118/2025): the newest unit of the chain
    first, and an agency that was replaced is followed to its successor."""
    for code in reversed(await _unit_chain(session, unit_code)):
        agency = await session.scalar(
            select(Agency)
            .where(Agency.unit_code == code, Agency.kind.in_(_UNIT_AUTHORITIES))
            .order_by(Agency.replaced_by.is_not(None), Agency.valid_to.is_not(None), Agency.code)
            .limit(1)
        )
        if agency is not None:
            return await _successor(session, agency.code)
    return None


async def step_agency(session: AsyncSession, step: ProcessStep, context: RoutingContext) -> str:
    """The agency code where ``step`` runs for this dossier."""
    kind = step.runs_at_kind
    if kind is RunsAtKind.fixed:
        assert step.runs_at_agency is not None
        return await _successor(session, step.runs_at_agency)
    if kind is RunsAtKind.receiving_office:
        return context.receiving_office_code
    if kind is RunsAtKind.competent_agency:
        return await _successor(session, context.competent_agency_code)
    if kind is RunsAtKind.subject_unit_agency:
        if context.subject_unit_code is None:
            raise ValidationFailed(
                "Thủ tục này cần đơn vị hành chính của người nộp hoặc nơi có đối tượng.",
                code=ProblemCode.subject_unit_required,
                errors=[
                    {
                        "field": "subject_unit_code",
                        "location": "body",
                        "code": "missing",
                        "message": "Cần chọn xã, phường nơi giải quyết",
                    }
                ],
            )
        agency = await unit_authority(session, context.subject_unit_code)
        if agency is None:
            raise ValidationFailed(
                "Không tìm thấy cơ quan có thẩm quyền của đơn vị hành chính đã chọn.",
                code=ProblemCode.no_unit_authority,
            )
        return agency
    assert kind is RunsAtKind.same_as and step.runs_at_step is not None
    routed = context.routed.get(step.runs_at_step)
    if routed is None:
        raise ValueError(f"step {step.code} runs where {step.runs_at_step} ran, not routed yet")
    return routed
