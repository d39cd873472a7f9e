"""Reading one dossier: its full view (procedure, application, fee lines, documents, assignee) and its
audit trail with per-step progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import ActorKind, Dossier, DossierEvent, DossierFeeLine, DossierStep
from app.models.procedure import Procedure, ProcedureApplication
from app.models.user import User
from app.services.dossiers import documents as dossier_documents
from app.services.dossiers.access import get_visible
from app.services.identity.principals import OfficerPrincipal, Principal


@dataclass(frozen=True)
class DossierView:
    dossier: Dossier
    procedure: Procedure
    application: ProcedureApplication
    fee_lines: list[DossierFeeLine]
    documents: list[dict[str, Any]]
    assignee: str | None


async def view(session: AsyncSession, dossier: Dossier) -> DossierView:
    procedure = await session.get(Procedure, dossier.procedure_id)
    application = await session.get(ProcedureApplication, dossier.application_id)
    assert procedure is not None and application is not None
    fee_lines = list(
        await session.scalars(
            select(DossierFeeLine)
            .where(DossierFeeLine.dossier_id == dossier.id)
            .order_by(DossierFeeLine.id)
        )
    )
    assignee = (
        await session.scalar(select(User.username).where(User.id == dossier.assignee_id))
        if dossier.assignee_id
        else None
    )
    documents = await dossier_documents.list_documents(session, dossier)
    return DossierView(dossier, procedure, application, fee_lines, documents, assignee)


@dataclass(frozen=True)
class EventView:
    """One event as the caller may read it: ``actor`` names who acted without giving a citizen an
    officer's login name (the officer's full name instead), and the payload drops login names too."""

    event: DossierEvent
    actor: str | None
    payload: dict[str, Any]


# payload members that carry an officer's login name (the assignment's ``assignee``)
_LOGIN_NAME_MEMBERS = frozenset({"assignee"})


async def events(
    session: AsyncSession, principal: Principal, code: str
) -> tuple[Dossier, list[EventView], list[DossierStep]]:
    """The audit trail and per-step progress of a dossier the caller may see.

    Officers read officers' login names (they assign and hand over by them); a citizen reads an
    officer's full name instead, never the login name (an account name helps guess credentials).
    """
    dossier = await get_visible(session, principal, code)
    trail = list(
        await session.scalars(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier.id)
            .order_by(DossierEvent.seq)
        )
    )
    steps = list(
        await session.scalars(
            select(DossierStep)
            .where(DossierStep.dossier_id == dossier.id)
            .order_by(DossierStep.started_at, DossierStep.id)
        )
    )
    officers = {e.actor_id for e in trail if e.actor_kind is ActorKind.officer and e.actor_id}
    if isinstance(principal, OfficerPrincipal):
        views = [
            EventView(e, e.actor_id if e.actor_kind is ActorKind.officer else None, e.payload)
            for e in trail
        ]
        return dossier, views, steps
    names: dict[str, str] = {}
    if officers:
        rows = await session.execute(
            select(User.username, User.full_name).where(User.username.in_(sorted(officers)))
        )
        names = {row[0]: row[1] for row in rows}
    views = [
        EventView(
            e,
            names.get(e.actor_id or "", "Cán bộ") if e.actor_kind is ActorKind.officer else None,
            {k: v for k, v in e.payload.items() if k not in _LOGIN_NAME_MEMBERS},
        )
        for e in trail
    ]
    return dossier, views, steps
