"""The event writer: one append-only event per change, with the side effects the table declares for
its action queued in the same transaction (DESIGN.md sections 3 and 8; ``side_effects``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.models.dossier import ActorKind, Dossier, DossierEvent, DossierStatus
from app.services.dossiers.side_effects import topics_of
from app.services.identity.principals import (
    ActingPrincipal,
    CitizenPrincipal,
    ServiceKind,
    ServicePrincipal,
)
from app.services.system import outbox as outbox_service
from app.services.system import topics as system_topics


def actor_of(principal: ActingPrincipal) -> tuple[ActorKind, str | None]:
    """How an event names who acted: kind and identifier (officer username, citizen issuer|subject,
    the gateway's provider; the system has none)."""
    if isinstance(principal, ServicePrincipal):
        if principal.kind is ServiceKind.system:
            return ActorKind.system, None
        if principal.kind is ServiceKind.device:
            return ActorKind.device, None
        return ActorKind.gateway, principal.name
    if isinstance(principal, CitizenPrincipal):
        return ActorKind.citizen, f"{principal.issuer}|{principal.subject}"
    return ActorKind.officer, principal.username


# one event row, every value bound (built once): sent with its outbox messages in one statement
_EVENT_COLUMNS = (
    "dossier_id", "seq", "action", "from_status", "to_status", "step", "agency_code",
    "actor_kind", "actor_id", "at", "note", "payload",
)  # fmt: skip
_EVENT_ROW = insert(DossierEvent).values(
    {column: bindparam(f"e_{column}") for column in _EVENT_COLUMNS}
)


async def record_event(
    session: AsyncSession,
    settings: Settings,
    dossier: Dossier,
    *,
    action: str,
    from_status: DossierStatus | None,
    principal: ActingPrincipal,
    at: datetime,
    note: str | None = None,
    payload: dict[str, Any] | None = None,
) -> None:
    """Append one event and queue its side effects as the table declares them
    (``side_effects.SIDE_EFFECTS``: one outbox message per topic, e.g. per notification channel), in
    the caller's transaction: the event row and its messages go in one statement (a Core INSERT, no
    ORM object: nothing reads the event back in the transaction that writes it, and a query that
    does finds it in the database). The dossier must exist in the database (flushed) already."""
    assert dossier.id is not None, "flush a new dossier before its first event"
    dossier.last_event_seq += 1
    kind, actor = actor_of(principal)
    row = {
        "e_dossier_id": dossier.id,
        "e_seq": dossier.last_event_seq,
        "e_action": action,
        "e_from_status": from_status,
        "e_to_status": dossier.status,
        "e_step": dossier.current_step,
        "e_agency_code": dossier.current_agency_code,
        "e_actor_kind": kind,
        "e_actor_id": actor,
        "e_at": at,
        "e_note": note,
        "e_payload": payload or {},
    }
    # one message per topic the table declares for this action (side_effects.py); the payload is a
    # reference: each handler builds what it sends from the dossier's state at send time
    payload_ref = {
        "ref": {"kind": "dossier", "code": dossier.code},
        "event_seq": dossier.last_event_seq,
        "action": action,
        "from_status": str(from_status) if from_status else None,
        "to_status": str(dossier.status),
    }
    await outbox_service.enqueue_all(
        session,
        [
            # the portal has a key of its own
            (topic, system_topics.ordering_key(topic, dossier.code), payload_ref)
            for topic in topics_of(action, settings)
        ],
        along=(_EVENT_ROW, row),
    )
