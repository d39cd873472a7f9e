"""Reading one dossier: its full view (procedure, application, fee lines, documents, assignee, the
actions the caller may take) and its audit trail with per-step progress."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import ActorKind, Dossier, DossierEvent, DossierFeeLine, DossierStep
from app.models.procedure import Procedure, ProcedureApplication
from app.models.user import User
from app.schemas.common import to_local
from app.schemas.dossiers import DossierRead, FeeLineRead, ResultReturnRead, StepRead
from app.services.dossiers import documents as dossier_documents
from app.services.dossiers.access import actors_of, get_visible
from app.services.dossiers.lifecycle import STATUS_LABEL_VI, actions_in, rule_for
from app.services.dossiers.rule_sets import rule_set
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
# payload members that hold an instant (ISO text, as the action recorded it): shown in Vietnam's time
_INSTANT_MEMBERS = frozenset({"deadline", "promised_due_at", "due_at"})


def _shown(payload: dict[str, Any], hidden: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The payload as answers show it: instants in Asia/Ho_Chi_Minh (DESIGN.md section 5), the
    ``hidden`` members left out."""
    shown: dict[str, Any] = {}
    for key, value in payload.items():
        if key in hidden:
            continue
        if key in _INSTANT_MEMBERS and isinstance(value, str):
            with contextlib.suppress(ValueError):  # not an instant: shown as recorded
                value = to_local(datetime.fromisoformat(value)).isoformat()
        shown[key] = value
    return shown


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
            EventView(
                e, e.actor_id if e.actor_kind is ActorKind.officer else None, _shown(e.payload)
            )
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
            _shown(e.payload, _LOGIN_NAME_MEMBERS),
        )
        for e in trail
    ]
    return dossier, views, steps


def _steps(dossier: Dossier) -> list[StepRead]:
    return [
        StepRead(
            position=s["position"],
            code=s["code"],
            name=s["name"],
            agency_code=s["agency_code"],
            role=s["role"],
        )
        for s in dossier.route
    ]


def full_view(view: DossierView, principal: Principal) -> DossierRead:
    d = view.dossier
    route = _steps(d)
    current = (
        route[d.current_step]
        if d.current_step is not None and d.current_step < len(route)
        else None
    )
    mine = actors_of(principal, d)
    allowed = [
        a for a in actions_in(d.status) if (rule := rule_for(a, d.status)) and rule.actors & mine
    ]
    return DossierRead(
        code=d.code,
        pin=d.pin,
        status=d.status,
        status_label=STATUS_LABEL_VI[d.status],
        status_code=rule_set(d.rule_set).status_code(d.status),
        version=d.version,
        procedure_code=view.procedure.code,
        procedure_name=view.procedure.name,
        procedure_version=view.procedure.version,
        application_version=view.application.version,
        rule_set=d.rule_set,
        channel=d.channel,
        receiving_office_code=d.receiving_office_code,
        competent_agency_code=d.competent_agency_code,
        current_agency_code=d.current_agency_code,
        current_step=current,
        assignee=view.assignee,
        route=route,
        applicant={
            "kind": str(d.applicant_kind),
            "name": d.applicant_name,
            "id_kind": str(d.applicant_id_kind),
            "id_number": d.applicant_id_number,
            "phone": d.applicant_phone,
            "email": d.applicant_email,
            "address": d.applicant_address,
            "unit_code": d.applicant_unit_code,
        },
        subject_unit_code=d.subject_unit_code,
        submitted_at=d.submitted_at,
        received_at=d.received_at,
        due_at=d.due_at,
        promised_due_at=d.promised_due_at,
        finished_at=d.finished_at,
        returned_at=d.returned_at,
        supplement_deadline_at=d.supplement_deadline_at,
        supplement_count=d.supplement_count,
        on_time=d.on_time,
        overdue=d.overdue,
        result_delivery=d.result_delivery,
        fee_lines=[
            FeeLineRead(
                id=f.id,
                quantities=f.quantities or {},
                due=f.due,
                name=f.name,
                kind=f.kind,
                amount=f.amount,
                condition=f.condition,
                requires_confirmation=f.requires_confirmation,
                confirmed=f.confirmed,
                paid_at=f.paid_at,
                receipt_number=f.receipt_number,
            )
            for f in view.fee_lines
        ],
        documents=view.documents,
        rating=d.rating,
        submitter=d.submitter,
        owner_vneid_verified=d.owner_vneid_verified,
        result=ResultReturnRead(
            delivery=d.result_delivery,
            office_code=d.result_office_code,
            consignment_number=d.result_consignment_number,
            returned_at=d.returned_at,
            delivered_at=d.result_delivered_at,
        ),
        allowed_actions=allowed,
    )
