"""Who the caller is relative to a dossier: the lifecycle's actor kinds (DESIGN.md section 4)."""

from __future__ import annotations

from typing import Any

from app.models.dossier import Dossier
from app.models.user import Role
from app.security import CitizenPrincipal, Principal
from app.services.lifecycle import Actor


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
