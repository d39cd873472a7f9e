"""How complete the portal's copy is (docs/portal.md "Sync state"): the ``portal.sync`` messages by
state, the age of the oldest undelivered change, the dead letters, and per receiving agency the
share of dossiers received in a period whose latest state the portal acknowledged — the national
index's indicator 1.4 ("synced"), computed by us from the acknowledgement on the dossier.

``reconcile`` is the periodic safety net: a dossier whose latest state was never acknowledged and
for which no portal message waits (a lost acknowledgement, a dead letter replayed by hand and
delivered before a later change...) gets one ``portal.sync`` message again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, exists, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from app.models.catalog import Agency
from app.models.dossier import Dossier
from app.models.outbox import OutboxMessage
from app.services.system import outbox as outbox_service
from app.services.system.audit import AuditActor
from app.services.system.topics import PORTAL_KEY_PREFIX, PORTAL_SYNC, ordering_key

DEAD_LETTER_LIMIT = 100
RECONCILE_BATCH = 500


@dataclass(frozen=True)
class AgencyCompleteness:
    agency_code: str
    agency_name: str | None
    received: int
    acknowledged: int

    @property
    def share(self) -> float | None:
        return self.acknowledged / self.received if self.received else None


@dataclass(frozen=True)
class SyncState:
    pending: int
    retrying: int
    delivered: int
    dead: int
    oldest_undelivered_age_seconds: float | None
    dead_letters: list[OutboxMessage]
    agencies: list[AgencyCompleteness]


_WAITING = OutboxMessage.delivered_at.is_(None) & OutboxMessage.dead_at.is_(None)
_PORTAL = OutboxMessage.topic == PORTAL_SYNC


def acknowledged() -> ColumnElement[bool]:
    """The portal holds the dossier's latest state."""
    return and_(
        Dossier.portal_acked_seq.is_not(None),
        Dossier.portal_acked_seq >= Dossier.last_event_seq,
    )


async def state(session: AsyncSession, since: datetime, until: datetime) -> SyncState:
    """The sync state; completeness over dossiers submitted in ``[since, until)``."""
    counts = (
        await session.execute(
            select(
                func.count().filter(_WAITING & (OutboxMessage.attempts == 0)),
                func.count().filter(_WAITING & (OutboxMessage.attempts > 0)),
                func.count().filter(OutboxMessage.delivered_at.is_not(None)),
                func.count().filter(OutboxMessage.dead_at.is_not(None)),
            ).where(_PORTAL)
        )
    ).one()
    age = await session.scalar(
        select(func.extract("epoch", func.now() - func.min(OutboxMessage.created_at))).where(
            _PORTAL, _WAITING
        )
    )
    dead = await session.scalars(
        select(OutboxMessage)
        .where(_PORTAL, OutboxMessage.dead_at.is_not(None))
        .order_by(OutboxMessage.dead_at.desc(), OutboxMessage.id.desc())
        .limit(DEAD_LETTER_LIMIT)
    )
    rows = await session.execute(
        select(
            Dossier.receiving_office_code,
            Agency.name,
            func.count(),
            func.count().filter(acknowledged()),
        )
        .outerjoin(Agency, Agency.code == Dossier.receiving_office_code)
        .where(Dossier.submitted_at >= since, Dossier.submitted_at < until)
        .group_by(Dossier.receiving_office_code, Agency.name)
        .order_by(Dossier.receiving_office_code)
    )
    return SyncState(
        pending=int(counts[0]),
        retrying=int(counts[1]),
        delivered=int(counts[2]),
        dead=int(counts[3]),
        oldest_undelivered_age_seconds=float(age) if age is not None else None,
        dead_letters=list(dead),
        agencies=[AgencyCompleteness(code, name, int(n), int(a)) for code, name, n, a in rows],
    )


async def replay(
    session: AsyncSession, ids: Sequence[int] | None, actor: AuditActor | None
) -> list[int]:
    """Re-queue the portal's dead letters (all, or those of ``ids``), audited as an outbox replay."""
    return await outbox_service.replay(session, ids=ids, topic=PORTAL_SYNC, actor=actor)


async def reconcile(session: AsyncSession, limit: int = RECONCILE_BATCH) -> list[str]:
    """Queue one ``portal.sync`` for each dossier whose latest state the portal never acknowledged
    and for which no portal message waits or lies dead (a dead letter waits for an administrator's
    replay). Returns the codes queued, at most ``limit`` per run (the next run takes the rest)."""
    waiting = exists().where(
        _PORTAL,
        OutboxMessage.delivered_at.is_(None),
        OutboxMessage.ordering_key == literal(PORTAL_KEY_PREFIX) + Dossier.code,
    )
    codes = list(
        await session.scalars(
            select(Dossier.code)
            .where(
                or_(
                    Dossier.portal_acked_seq.is_(None),
                    Dossier.portal_acked_seq < Dossier.last_event_seq,
                ),
                Dossier.last_event_seq > 0,
                ~waiting,
            )
            .order_by(Dossier.id)
            .limit(limit)
        )
    )
    for code in codes:
        await outbox_service.enqueue(
            session,
            PORTAL_SYNC,
            ordering_key(PORTAL_SYNC, code),
            {"ref": {"kind": "dossier", "code": code}, "reason": "reconcile"},
        )
    return codes
