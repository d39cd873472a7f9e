"""Who may see a dossier, and who the caller is relative to it (DESIGN.md sections 4 and 10).

``visible_to`` is the one definition of a caller's dossiers (part of every base query); ``actors_of``
says which of the lifecycle's actor kinds the caller qualifies as for a dossier right now.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import NotFound, ProblemCode
from app.models.dossier import Dossier, DossierStep
from app.models.user import Role
from app.services.dossiers.lifecycle import Actor
from app.services.identity.principals import (
    ActingPrincipal,
    CitizenPrincipal,
    OfficerPrincipal,
    Principal,
    ServiceKind,
    ServicePrincipal,
)


def current_step(dossier: Dossier) -> dict[str, Any] | None:
    if dossier.current_step is None or dossier.current_step >= len(dossier.route):
        return None
    return dossier.route[dossier.current_step]


_SERVICE_ACTORS = {
    ServiceKind.system: Actor.system,
    ServiceKind.gateway: Actor.gateway,
    ServiceKind.device: Actor.device,
}


def actors_of(principal: ActingPrincipal, dossier: Dossier) -> set[Actor]:
    """The lifecycle actor kinds the caller qualifies as for this dossier right now."""
    if isinstance(principal, ServicePrincipal):
        return {_SERVICE_ACTORS[principal.kind]}
    if isinstance(principal, CitizenPrincipal):
        owns = (dossier.owner_issuer, dossier.owner_subject) == (
            principal.issuer,
            principal.subject,
        )
        return {Actor.owner} if owns else set()
    actors: set[Actor] = set()
    if principal.has_role(dossier.receiving_office_code, Role.receptionist):
        actors.add(Actor.desk)
    if principal.agencies_with(Role.receptionist):
        actors.add(Actor.any_desk)
    step = current_step(dossier)
    agency = dossier.current_agency_code
    if step is not None and principal.has_role(step["agency_code"], Role(step["role"])):
        actors.add(Actor.step)
    if agency is not None and principal.has_role(agency, Role.leader):
        actors.add(Actor.step_leader)
    return actors


# --- who may see a dossier: the one definition (DESIGN.md section 10) ------------------------------
#
# A citizen sees the dossiers they own. An officer sees a dossier linked to one of the agencies of
# their roles in any of these ways: received at it, now at it, or ever had a step there. Each link is
# written in its two SQL forms side by side: a condition on one dossier row (``visible_to``: every
# base query) and an index-ordered page of dossier ids, newest first (the worklist's branches).


def owned_by(issuer: Any, subject: Any) -> ColumnElement[bool]:
    return and_(Dossier.owner_issuer == issuer, Dossier.owner_subject == subject)


def officer_links(agencies: Any) -> list[ColumnElement[bool]]:
    """The ways a dossier is linked to ``agencies``, each as a condition on the dossier row."""
    return [
        Dossier.receiving_office_code.in_(agencies),
        Dossier.current_agency_code.in_(agencies),
        exists().where(DossierStep.dossier_id == Dossier.id, DossierStep.agency_code.in_(agencies)),
    ]


def officer_link_pages(
    agencies: Any, conditions: Sequence[ColumnElement[bool]], size: Any
) -> list[Select[Any]]:
    """The same links as ``officer_links``, each as a page of dossier ids (newest first, at most
    ``size``) that walks its own index and stops after a page; their union holds the page.

    One OR over the links would make PostgreSQL read every dossier a department ever touched before
    it could sort; a branch per link reads a page each.
    """
    by_column = [
        select(Dossier.id)
        .where(column.in_(agencies), *conditions)
        .order_by(Dossier.id.desc())
        .limit(size)
        for column in (Dossier.receiving_office_code, Dossier.current_agency_code)
    ]
    by_step = (
        select(DossierStep.dossier_id.label("id"))
        .join(Dossier, Dossier.id == DossierStep.dossier_id)
        .where(DossierStep.agency_code.in_(agencies), *conditions)
        .group_by(DossierStep.dossier_id)
        .order_by(DossierStep.dossier_id.desc())
        .limit(size)
    )
    return [*by_column, by_step]


def officer_agencies(principal: OfficerPrincipal) -> list[str]:
    """Every agency where the officer holds a role (sorted: one statement per set of agencies)."""
    return sorted({agency for agency, _ in principal.roles})


def visible_to(principal: Principal) -> ColumnElement[bool]:
    """The SQL condition of the dossiers ``principal`` may read (part of every base query)."""
    if isinstance(principal, CitizenPrincipal):
        return owned_by(principal.issuer, principal.subject)
    return or_(*officer_links(officer_agencies(principal)))


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
