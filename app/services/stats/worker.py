"""What the statistics give the worker: the ``stats.rollup`` handler, the compaction of delta rows and
the freezing of closed months (issue 17; app/services/system/registry.py for the three names)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import Dossier
from app.services.stats import rollups, snapshots
from app.services.system.registry import Completion, Envelope, Handler, PeriodicJob, WorkerContext
from app.services.system.topics import STATS_ROLLUP


async def fold_rollup(envelope: Envelope, ctx: WorkerContext) -> Completion:
    """Fold one dossier's change into the rollups, in the transaction that marks the message
    delivered (so a retry after a crash folds it once). A dossier that no longer exists is a no-op."""
    ref = envelope.payload.get("ref") or {}
    code = str(ref.get("code", envelope.ordering_key))

    async def complete(session: AsyncSession) -> None:
        dossier_id = await session.scalar(select(Dossier.id).where(Dossier.code == code))
        if dossier_id is not None:
            await rollups.refresh(session, [dossier_id])

    return complete


async def compact_rollups(ctx: WorkerContext, period_start: datetime) -> None:
    async with ctx.session_factory() as session, session.begin():
        await rollups.compact(session)


async def freeze_closed_months(ctx: WorkerContext, period_start: datetime) -> None:
    async with ctx.session_factory() as session, session.begin():
        await snapshots.freeze_closed(session, period_start)


HANDLERS: dict[str, Handler] = {STATS_ROLLUP: fold_rollup}
JOBS = (
    PeriodicJob("stats.compact", compact_rollups, every=timedelta(minutes=15)),
    # every night at 00:10 (Vietnam time): on the 1st the month just closed is frozen; on other
    # nights nothing is left to freeze unless a 1st was missed (no worker ran), caught up here — so
    # a running period reads at most about a month of daily rows (``sums``)
    PeriodicJob("stats.freeze_months", freeze_closed_months, cron="10 0 * * *"),
)
