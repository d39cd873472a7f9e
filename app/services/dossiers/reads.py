"""Reading one dossier: its full view (procedure, application, fee lines, documents, assignee) and its
audit trail with per-step progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import Dossier, DossierEvent, DossierFeeLine, DossierStep
from app.models.procedure import Procedure, ProcedureApplication
from app.models.user import User
from app.services.dossiers import documents as dossier_documents
from app.services.dossiers.access import get_visible
from app.services.identity.principals import Principal


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


async def events(
    session: AsyncSession, principal: Principal, code: str
) -> tuple[Dossier, list[DossierEvent], list[DossierStep]]:
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
    return dossier, trail, steps
