"""What the official forms read about a dossier, fetched once per form: its events, procedure, the
agencies named (with their superiors), the officers who acted (full name and roles, never shown by
login name), its place in the desk's register, the documents received (docs/forms.md)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.catalog import AdministrativeUnit, Agency
from app.models.dossier import Action, ActorKind, DocumentKind, Dossier, DossierEvent, DossierStep
from app.models.procedure import Procedure
from app.models.user import Role, User, UserRole
from app.schemas.common import VIETNAM, to_local
from app.services.dossiers import form_text
from app.services.dossiers.documents import list_documents, requirements

# Which role's title an officer signs with, by the action they took (when they hold it there).
_SIGNING_ROLE: dict[str, Role] = {
    Action.receive.value: Role.receptionist,
    Action.reject.value: Role.receptionist,
    Action.return_result.value: Role.receptionist,
    Action.refuse.value: Role.leader,
    Action.stop.value: Role.leader,
    Action.reschedule.value: Role.leader,
}
_ROLE_PREFERENCE = (Role.leader, Role.receptionist, Role.specialist, Role.admin)


@dataclass(frozen=True)
class Officer:
    name: str
    roles: dict[str, set[Role]]  # agency code -> roles held there

    def title(self, agency_code: str | None, action: str | None) -> str | None:
        held = self.roles.get(agency_code or "", set()) or set().union(*self.roles.values())
        wanted = _SIGNING_ROLE.get(action or "")
        role = wanted if wanted in held else next((r for r in _ROLE_PREFERENCE if r in held), None)
        return form_text.ROLE_TITLE_VI[role] if role else None


@dataclass
class Facts:
    """What the forms read, fetched once per form."""

    dossier: Dossier
    procedure: Procedure
    events: list[DossierEvent]
    agencies: dict[str, Agency]
    officers: dict[str, Officer]  # by login name (events) and by str(user id) (assignees)

    def agency(self, code: str | None) -> dict[str, str | None] | None:
        found = self.agencies.get(code or "")
        return {"code": code, "name": found.name if found else None} if code else None

    def signature(self, label: str, event: DossierEvent | None) -> dict[str, str | None]:
        """A signature block: who signs, by full name and title (never the login name)."""
        officer = None
        if event is not None and event.actor_kind is ActorKind.officer and event.actor_id:
            officer = self.officers.get(event.actor_id)
        return {
            "label": label,
            "name": officer.name if officer else None,
            "title": officer.title(
                event.agency_code if event else None, event.action if event else None
            )
            if officer
            else None,
        }

    def officer_name(self, key: str | None) -> str | None:
        officer = self.officers.get(key or "")
        return officer.name if officer else None


async def load_agencies(session: AsyncSession, codes: Iterable[str | None]) -> dict[str, Agency]:
    """The agencies named, with their superiors (the form's heading names both)."""
    wanted = {c for c in codes if c}
    found: dict[str, Agency] = {}
    for _ in range(2):
        missing = wanted - found.keys()
        if missing:
            rows = await session.scalars(select(Agency).where(Agency.code.in_(sorted(missing))))
            found.update({a.code: a for a in rows})
        wanted = {a.parent_code for a in found.values() if a.parent_code} | found.keys()
    return found


async def load_officers(
    session: AsyncSession, usernames: set[str], user_ids: set[uuid.UUID]
) -> dict[str, Officer]:
    if not usernames and not user_ids:
        return {}
    rows = await session.execute(
        select(User.id, User.username, User.full_name, UserRole.agency_code, UserRole.role)
        .outerjoin(UserRole, UserRole.user_id == User.id)
        .where(User.username.in_(sorted(usernames)) | User.id.in_(sorted(user_ids)))
    )
    officers: dict[str, Officer] = {}
    for user_id, username, full_name, agency_code, role in rows:
        officer = officers.setdefault(username, Officer(full_name, {}))
        officers[str(user_id)] = officer
        if agency_code is not None:
            officer.roles.setdefault(agency_code, set()).add(Role(role))
    return officers


async def register_entry(session: AsyncSession, dossier: Dossier) -> dict[str, Any] | None:
    """Where the dossier stands in its desk's register (form 06/07): book = the local year of
    reception, number = its rank among the desk's dossiers received that year, in the register's
    own order (reception time, then id) [U: the template leaves the book numbering to the desk]."""
    if dossier.received_at is None:
        return None
    local = to_local(dossier.received_at)
    year_start = datetime(local.year, 1, 1, tzinfo=VIETNAM)
    number = await session.scalar(
        select(func.count())
        .select_from(Dossier)
        .where(
            Dossier.receiving_office_code == dossier.receiving_office_code,
            Dossier.received_at >= year_start,
            tuple_(Dossier.received_at, Dossier.id) <= tuple_(dossier.received_at, dossier.id),
        )
    )
    return {"book": str(local.year), "number": int(number or 0)}


async def received_documents(
    session: AsyncSession, dossier: Dossier, procedure: Procedure
) -> list[dict[str, Any]]:
    """The documents received (submitted and supplemented), one line per document of the procedure,
    with the catalog's name and original / certified copy / copy counts."""
    known = requirements(procedure)
    lines: dict[str, dict[str, Any]] = {}
    for row in await list_documents(session, dossier):
        if row["kind"] == DocumentKind.result.value:
            continue
        key = row["requirement_code"] or row["file_name"] or "?"
        document = known.get(row["requirement_code"] or "")
        line = lines.setdefault(
            key,
            {
                "requirement_code": row["requirement_code"],
                "name": document.name if document else row["file_name"],
                "originals": document.originals if document else 0,
                "certified_copies": document.certified_copies if document else 0,
                "copies": document.copies if document else 0,
                "form": "electronic",
            },
        )
        if row["paper_original_checked"]:
            line["form"] = "paper"
    return list(lines.values())


async def gather(session: AsyncSession, dossier: Dossier) -> Facts:
    events = list(
        await session.scalars(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier.id)
            .order_by(DossierEvent.seq)
        )
    )
    procedure = await session.get(Procedure, dossier.procedure_id)
    assert procedure is not None
    dossier_steps = await load_steps(session, dossier)
    payload_agencies = [e.payload.get(k) for e in events for k in ("requested_by", "refused_by")]
    agencies = await load_agencies(
        session,
        [
            dossier.receiving_office_code,
            dossier.competent_agency_code,
            *(e.agency_code for e in events),
            *(a for a in payload_agencies if isinstance(a, str)),
            *(s.agency_code for s in dossier_steps),
        ],
    )
    usernames = {e.actor_id for e in events if e.actor_kind is ActorKind.officer and e.actor_id}
    officers = await load_officers(
        session, usernames, {s.assignee_id for s in dossier_steps if s.assignee_id is not None}
    )
    return Facts(dossier, procedure, events, agencies, officers)


async def load_steps(session: AsyncSession, dossier: Dossier) -> list[DossierStep]:
    return list(
        await session.scalars(
            select(DossierStep)
            .where(DossierStep.dossier_id == dossier.id)
            .order_by(DossierStep.started_at, DossierStep.id)
        )
    )


async def place(session: AsyncSession, agency: Agency | None) -> str:
    """The place of the date line: the issuing agency's administrative unit (its name otherwise)."""
    if agency is None:
        return ""
    unit = await session.get(AdministrativeUnit, agency.unit_code) if agency.unit_code else None
    return unit.name if unit is not None else agency.name
