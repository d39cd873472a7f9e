"""What the system domain gives the worker: the nightly purge of delivered outbox messages."""

from __future__ import annotations

from datetime import datetime

from app.services.system import outbox as outbox_service
from app.services.system.registry import PeriodicJob, WorkerContext


async def purge_delivered_messages(ctx: WorkerContext, period: datetime) -> int:
    """Nightly: delete delivered outbox messages past the retention period."""
    async with ctx.session_factory() as session, session.begin():
        return await outbox_service.purge_delivered(session, ctx.settings.outbox_retention_days)


JOBS = (PeriodicJob("outbox.purge_delivered", purge_delivered_messages, cron="17 2 * * *"),)
