"""What the uploads domain gives the worker: the hourly purge of expired, never attached uploads."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.services.system.registry import PeriodicJob, WorkerContext
from app.services.uploads import files as uploads_service
from app.services.uploads.storage import LocalStorage


async def purge_expired_uploads(ctx: WorkerContext, period: datetime) -> int:
    storage = LocalStorage(ctx.settings.upload_root)
    async with ctx.session_factory() as session, session.begin():
        return await uploads_service.purge_expired_uploads(session, storage)


JOBS = (PeriodicJob("uploads.purge_expired", purge_expired_uploads, every=timedelta(hours=1)),)
