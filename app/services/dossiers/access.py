"""Who may see a dossier, and who the caller is relative to it (DESIGN.md sections 4 and 10).

``visible_to`` is the one definition of a caller's dossiers (part of every base query); ``actors_of``
says which of the lifecycle's actor kinds the caller qualifies as for a dossier right now.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import NotFound, ProblemCode
from app.models.dossier import Dossier, DossierStep
from app.models.user import Role
from app.services.dossiers.lifecycle import Actor
from app.services.identity.principals import CitizenPrincipal, Principal


def current_step(dossier: Dossier) -> dict[str, Any] | None:
    if dossier.current_step is None or dossier.current_step >= len(dossier.route):
        return None
    return dossier.route[dossier.current_step]


def actors_of(principal: Principal | None, dossier: Dossier) -> set[Actor]:
    """The lifecycle actor kinds the caller qualifies as for this dossier right now."""
    if principal is None:
        return {Actor.system}
    if isinstance(principal, CitizenPrincipal):
        owns = (dossier.owner_issuer, dossier.owner_subject) == (
            principal.issuer,
            principal.subject,
        )
        return {Actor.owner} if owns else set()
    actors: set[Actor] = set()
    if principal.has_role(dossier.receiving_office_code, Role.receptionist):
        actors.add(Actor.desk)
    step = current_step(dossier)
    agency = dossier.current_agency_code
    if step is not None and principal.has_role(step["agency_code"], Role(step["role"])):
        actors.add(Actor.step)
    if agency is not None and principal.has_role(agency, Role.leader):
        actors.add(Actor.step_leader)
    return actors


def visible_to(principal: Principal) -> Any:
    """The SQL condition of the dossiers ``principal`` may read (part of every base query).

    Officers see dossiers received at their offices or that have had a step in their agencies; a
    citizen sees only the dossiers they own (DESIGN.md section 10).
    """
    if isinstance(principal, CitizenPrincipal):
        return and_(
            Dossier.owner_issuer == principal.issuer, Dossier.owner_subject == principal.subject
        )
    agencies = sorted({agency for agency, _ in principal.roles})
    return or_(
        Dossier.receiving_office_code.in_(agencies),
        Dossier.current_agency_code.in_(agencies),
        exists().where(DossierStep.dossier_id == Dossier.id, DossierStep.agency_code.in_(agencies)),
    )


async def get_visible(
    session: AsyncSession, principal: Principal, code: str, *, for_update: bool = False
) -> Dossier:
    """The dossier if ``principal`` may see it; otherwise 404 (existence is not revealed)."""
    query = select(Dossier).where(Dossier.code == code, visible_to(principal))
    if for_update:
        query = query.with_for_update()
    dossier = await session.scalar(query)
    if dossier is None:
        raise NotFound("Không tìm thấy hồ sơ.", code=ProblemCode.dossier_not_found)
    return dossier
