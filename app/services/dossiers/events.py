"""The event writer: one append-only event per change, with its notification queued in the same
transaction (DESIGN.md sections 3 and 8)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.models.dossier import ActorKind, Dossier, DossierEvent, DossierStatus
from app.services.identity.principals import CitizenPrincipal, Principal
from app.services.system import outbox as outbox_service


def actor_of(principal: Principal | None) -> tuple[ActorKind, str | None]:
    if principal is None:
        return ActorKind.system, None
    if isinstance(principal, CitizenPrincipal):
        return ActorKind.citizen, f"{principal.issuer}|{principal.subject}"
    return ActorKind.officer, principal.username


async def record_event(
    session: AsyncSession,
    settings: Settings,
    dossier: Dossier,
    *,
    action: str,
    from_status: DossierStatus | None,
    principal: Principal | None,
    at: datetime,
    note: str | None = None,
    payload: dict[str, Any] | None = None,
) -> DossierEvent:
    """Append one event and queue its notification, one message per channel (the settings say
    which channels), in the caller's transaction."""
    dossier.last_event_seq += 1
    kind, actor = actor_of(principal)
    event = DossierEvent(
        dossier_id=dossier.id,
        seq=dossier.last_event_seq,
        action=action,
        from_status=from_status,
        to_status=dossier.status,
        step=dossier.current_step,
        agency_code=dossier.current_agency_code,
        actor_kind=kind,
        actor_id=actor,
        at=at,
        note=note,
        payload=payload or {},
    )
    session.add(event)
    # a reference: the handler builds the notification from the dossier's state at send time
    await outbox_service.enqueue_notification(
        session,
        settings,
        dossier.code,
        {
            "ref": {"kind": "dossier", "code": dossier.code},
            "event_seq": event.seq,
            "action": action,
            "from_status": str(from_status) if from_status else None,
            "to_status": str(dossier.status),
        },
    )
    return event
