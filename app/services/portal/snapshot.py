"""A dossier as the portal adapter sees it: a typed, read-only snapshot built from the database.

The payload builder (``payloads``) is pure and reads only this snapshot, so what the portal receives is
decided from the dossier's current state at send time (DESIGN.md section 8) and can be tested without
a database. ``load`` reads the dossier, its procedure and field, its events, steps, documents and
fee lines, and the names of the agencies and officers its events mention: read-only queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.catalog import Agency, Field
from app.models.dossier import (
    ActorKind,
    ApplicantKind,
    Channel,
    DocumentKind,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierFeeLine,
    DossierStatus,
    DossierStep,
    IdentifierKind,
    ResultDelivery,
)
from app.models.payment import PaymentProvider
from app.models.procedure import Procedure
from app.models.user import User

# Statuses that end processing before a result (their time is the end of processing).
_ENDINGS = frozenset({DossierStatus.rejected, DossierStatus.stopped, DossierStatus.withdrawn})


class OnlinePayment(StrEnum):
    """How the dossier's fees were paid online, if they were (the index's indicator 3.6)."""

    none = "none"
    national_platform = "national_platform"  # on the national portal's payment platform
    provincial_gateway = "provincial_gateway"  # through a gateway of the province


@dataclass(frozen=True)
class DocumentSnapshot:
    id: int
    requirement_code: str | None
    requirement_name: str | None
    kind: DocumentKind
    file_name: str | None
    has_file: bool
    digitised: bool
    reused: bool


@dataclass(frozen=True)
class FeeSnapshot:
    id: int
    name: str
    kind: str  # charge (phí) / levy (lệ phí)
    amount: int  # đồng
    paid: bool


@dataclass(frozen=True)
class SupplementSnapshot:
    """One supplement request: when and why it was asked, when it was answered, and the appointment
    date before and after it (None where there was none, or it is not known yet)."""

    seq: int
    requested_at: datetime
    requested_by: str
    reason: str
    supplemented_at: datetime | None
    received_by: str | None
    due_before: datetime | None
    due_after: datetime | None


@dataclass(frozen=True)
class ProgressSnapshot:
    """One event of the dossier as a progress row: who acted, in what capacity, where, what."""

    seq: int
    action: str
    at: datetime
    to_status: DossierStatus
    actor_kind: ActorKind
    actor_name: str | None  # an officer's full name, a gateway's name
    role: str | None  # the role of the step the event happened at
    agency_name: str | None
    note: str | None
    step_started_at: datetime | None
    step_due_at: datetime | None
    promised_due_at: datetime | None  # the new appointment of an apology


@dataclass(frozen=True)
class DossierSnapshot:
    code: str
    receiving_office_code: str
    procedure_code: str
    procedure_name: str
    field_code: str
    field_name: str
    channel: Channel
    applicant_kind: ApplicantKind
    applicant_name: str
    applicant_id_kind: IdentifierKind
    applicant_id_number: str
    applicant_phone: str | None
    applicant_email: str | None
    applicant_address: str | None
    competent_agency_name: str
    status: DossierStatus
    submitted_at: datetime
    received_at: datetime | None
    due_at: datetime | None
    promised_due_at: datetime | None
    ended_at: datetime | None  # end of processing: resolution, refusal, stop, withdrawal
    refused_at: datetime | None
    returned_at: datetime | None
    result_delivery: ResultDelivery
    owner_verified_vneid: bool
    online_payment: OnlinePayment
    last_event_seq: int
    documents: tuple[DocumentSnapshot, ...]
    fees: tuple[FeeSnapshot, ...]
    supplements: tuple[SupplementSnapshot, ...]
    progress: tuple[ProgressSnapshot, ...]
    rule_set: str = "nd118-2025"  # the dossier's rule set: it maps statuses to national codes
    # the portal's own code of a dossier it forwarded to us: the portal knows it by that code
    portal_ref: str | None = None


class DossierGone(LookupError):
    """No dossier has this code."""


async def load(session: AsyncSession, code: str) -> DossierSnapshot:
    """The snapshot of dossier ``code`` as it is now (read-only queries)."""
    dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
    if dossier is None:
        raise DossierGone(code)
    procedure = await session.get(Procedure, dossier.procedure_id)
    assert procedure is not None
    field_name = await session.scalar(select(Field.name).where(Field.code == procedure.field_code))
    events = list(
        await session.scalars(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier.id)
            .order_by(DossierEvent.seq)
        )
    )
    steps = list(
        await session.scalars(
            select(DossierStep).where(DossierStep.dossier_id == dossier.id).order_by(DossierStep.id)
        )
    )
    documents = list(
        await session.scalars(
            select(DossierDocument)
            .where(DossierDocument.dossier_id == dossier.id)
            .order_by(DossierDocument.id)
        )
    )
    fees = list(
        await session.scalars(
            select(DossierFeeLine)
            .where(DossierFeeLine.dossier_id == dossier.id)
            .order_by(DossierFeeLine.id)
        )
    )
    agency_codes = {dossier.competent_agency_code} | {
        e.agency_code for e in events if e.agency_code
    }
    agencies: dict[str, str] = {
        row.code: row.name
        for row in await session.execute(
            select(Agency.code, Agency.name).where(Agency.code.in_(agency_codes))
        )
    }
    usernames = {e.actor_id for e in events if e.actor_kind is ActorKind.officer and e.actor_id}
    officers: dict[str, str] = {
        row.username: row.full_name
        for row in await session.execute(
            select(User.username, User.full_name).where(User.username.in_(usernames))
        )
    }
    requirement_names = {
        str(item.get("code")): str(item.get("name"))
        for item in procedure.documents
        if isinstance(item, dict) and item.get("code")
    }
    progress = tuple(_progress(dossier, events, steps, agencies, officers))
    return DossierSnapshot(
        code=dossier.code,
        portal_ref=dossier.portal_ref,
        receiving_office_code=dossier.receiving_office_code,
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        field_code=procedure.field_code,
        field_name=field_name or procedure.field_code,
        channel=dossier.channel,
        applicant_kind=dossier.applicant_kind,
        applicant_name=dossier.applicant_name,
        applicant_id_kind=dossier.applicant_id_kind,
        applicant_id_number=dossier.applicant_id_number,
        applicant_phone=dossier.applicant_phone,
        applicant_email=dossier.applicant_email,
        applicant_address=dossier.applicant_address,
        competent_agency_name=agencies.get(dossier.competent_agency_code, ""),
        status=dossier.status,
        submitted_at=dossier.submitted_at,
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        promised_due_at=dossier.promised_due_at,
        ended_at=dossier.finished_at or _first_at(events, _ENDINGS),
        # not received (rejected at the desk) or refused after appraisal: the portal's NgayTuChoi
        refused_at=_first_at(events, {DossierStatus.rejected, DossierStatus.refused}),
        rule_set=dossier.rule_set,
        returned_at=dossier.returned_at,
        result_delivery=dossier.result_delivery,
        # the submitting account's VNeID verification (desk dossiers have no account: not claimed)
        owner_verified_vneid=bool(dossier.owner_vneid_verified),
        online_payment=online_payment(events),
        last_event_seq=dossier.last_event_seq,
        documents=tuple(
            DocumentSnapshot(
                id=doc.id,
                requirement_code=doc.requirement_code,
                requirement_name=requirement_names.get(doc.requirement_code or ""),
                kind=doc.kind,
                file_name=doc.file_name,
                has_file=doc.upload_id is not None,
                digitised=doc.digitised,
                reused=doc.reused,
            )
            for doc in documents
        ),
        fees=tuple(
            FeeSnapshot(
                id=line.id,
                name=line.name,
                kind=line.kind,
                amount=line.amount,
                paid=line.paid_at is not None,
            )
            for line in fees
            if line.confirmed  # an unconfirmed conditional line is never charged
        ),
        supplements=tuple(_supplements(dossier, events, officers)),
        progress=progress,
    )


def _first_at(
    events: list[DossierEvent], statuses: set[DossierStatus] | frozenset[DossierStatus]
) -> datetime | None:
    return next((e.at for e in events if e.to_status in statuses), None)


def online_payment(events: list[DossierEvent]) -> OnlinePayment:
    """DuocThanhToanTrucTuyen: a fee recorded by a gateway was paid online, on the national platform
    when that gateway is the platform; a fee recorded by an officer was paid at the desk."""
    for event in events:
        if event.action == "record_payment" and event.actor_kind is ActorKind.gateway:
            provider = str(event.payload.get("provider") or event.actor_id or "")
            if provider == PaymentProvider.national.value:
                return OnlinePayment.national_platform
            return OnlinePayment.provincial_gateway
    return OnlinePayment.none


def _actor_name(event: DossierEvent, officers: dict[str, str]) -> str | None:
    if event.actor_kind is ActorKind.officer and event.actor_id:
        return officers.get(event.actor_id, event.actor_id)
    if event.actor_kind is ActorKind.gateway:
        return event.actor_id
    return None


def _step_of(event: DossierEvent, steps: list[DossierStep]) -> DossierStep | None:
    """The step row the event happened at: the latest start of its position not after the event."""
    if event.step is None:
        return None
    found = None
    for step in steps:
        if step.position == event.step and step.started_at <= event.at:
            found = step
    return found


def _progress(
    dossier: Dossier,
    events: list[DossierEvent],
    steps: list[DossierStep],
    agencies: dict[str, str],
    officers: dict[str, str],
) -> list[ProgressSnapshot]:
    rows = []
    for event in events:
        step = _step_of(event, steps)
        role = None
        if event.step is not None and 0 <= event.step < len(dossier.route):
            role = str(dossier.route[event.step].get("role") or "") or None
        promised = event.payload.get("promised_due_at") if event.action == "reschedule" else None
        rows.append(
            ProgressSnapshot(
                seq=event.seq,
                action=event.action,
                at=event.at,
                to_status=event.to_status,
                actor_kind=event.actor_kind,
                actor_name=_actor_name(event, officers),
                role=role,
                agency_name=agencies.get(event.agency_code or ""),
                note=event.note,
                step_started_at=step.started_at if step else None,
                step_due_at=step.due_at if step else None,
                promised_due_at=datetime.fromisoformat(promised) if promised else None,
            )
        )
    return rows


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def _supplements(
    dossier: Dossier, events: list[DossierEvent], officers: dict[str, str]
) -> list[SupplementSnapshot]:
    """Supplement requests with the appointment date around each. The date before is the one in
    force when the request came (none before receipt); the date after is the one set when the
    dossier resumed: from the resuming event when it records it, else the dossier's current date
    when that resume was the last one (no later pause moved it)."""
    resumes = [e.seq for e in events if e.from_status in _PAUSED and e.to_status not in _PAUSED]
    last_resume = resumes[-1] if resumes else None
    due: datetime | None = None
    open_request: dict[str, Any] | None = None
    found: list[SupplementSnapshot] = []
    for event in events:
        if event.action == "receive":
            due = _when(event.payload.get("due_at")) or dossier.due_at
        elif event.action == "request_supplement":
            open_request = {
                "seq": event.seq,
                "requested_at": event.at,
                "requested_by": _actor_name(event, officers) or "",
                "reason": event.note or "",
                "due_before": due,
            }
        elif event.seq in resumes:
            after = _when(event.payload.get("due_at"))
            if after is None and event.seq == last_resume:
                after = dossier.due_at
            if open_request is not None and event.action == "supplement":
                found.append(
                    SupplementSnapshot(
                        **open_request,
                        supplemented_at=event.at,
                        received_by=_actor_name(event, officers),
                        due_after=after if open_request["due_before"] is not None else None,
                    )
                )
                open_request = None
            due = after
    if open_request is not None:
        found.append(
            SupplementSnapshot(
                **open_request, supplemented_at=None, received_by=None, due_after=None
            )
        )
    return found


_PAUSED = frozenset({DossierStatus.supplement_requested, DossierStatus.awaiting_payment})
