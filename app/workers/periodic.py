"""Periodic jobs: each period runs once across every worker.

Each job has a row (``periodic_job_states``) holding the start of the next period to run. A worker that
sees ``next_run_at <= now()`` claims the period with one compare-and-set ``UPDATE ... WHERE name = :n
AND next_run_at = :seen`` that moves ``next_run_at`` to the first period after now: PostgreSQL lets
exactly one concurrent update match, so a period runs once whatever the number of workers, and periods
missed while no worker ran are not replayed one by one (the next run catches up). A worker that dies
mid-run loses that run (at most once per period); the next period runs as usual.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from app.models.outbox import PeriodicJobState
from app.services.system.registry import PeriodicJob, WorkerContext

log = logging.getLogger("motcua.worker")

MAX_ERROR_LENGTH = 2000

_DUE = text(
    "SELECT name, next_run_at, now() AS now FROM periodic_job_states "
    "WHERE name = ANY(:names) AND next_run_at <= now()"
)
_CLAIM = text(
    """
    UPDATE periodic_job_states
    SET next_run_at = :next_run_at, last_started_at = now(), run_count = run_count + 1
    WHERE name = :name AND next_run_at = :seen
    """
)
_FINISH = text(
    """
    UPDATE periodic_job_states
    SET last_finished_at = now(), last_outcome = :outcome, last_error = :error
    WHERE name = :name
    """
)


async def register_jobs(engine: AsyncEngine, jobs: list[PeriodicJob]) -> None:
    """Create the rows of new jobs; a job whose schedule changed in code starts over from now."""
    if not jobs:
        return
    async with engine.begin() as conn:
        now: datetime = (await conn.execute(text("SELECT now()"))).scalar_one()
        for job in jobs:
            stmt = insert(PeriodicJobState).values(
                name=job.name,
                schedule=job.schedule,
                next_run_at=job.next_after(now),
                run_count=0,
            )
            table = PeriodicJobState.__table__
            changed = table.c.schedule != stmt.excluded.schedule
            await conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=[table.c.name],
                    set_={
                        "schedule": stmt.excluded.schedule,
                        "next_run_at": stmt.excluded.next_run_at,
                    },
                    where=changed,
                )
            )


async def claim_due(
    engine: AsyncEngine, jobs: dict[str, PeriodicJob]
) -> list[tuple[PeriodicJob, datetime]]:
    """The due jobs this worker won, each with the start of the period it runs."""
    won: list[tuple[PeriodicJob, datetime]] = []
    async with engine.begin() as conn:
        due = (await conn.execute(_DUE, {"names": list(jobs)})).all()
    for row in due:
        job = jobs[row.name]
        async with engine.begin() as conn:
            result = await conn.execute(
                _CLAIM,
                {"name": job.name, "seen": row.next_run_at, "next_run_at": job.next_after(row.now)},
            )
        if getattr(result, "rowcount", 0) == 1:
            won.append((job, row.next_run_at))
    return won


async def run_job(job: PeriodicJob, period: datetime, ctx: WorkerContext) -> bool:
    """Run one claimed period and record its outcome; True when it succeeded."""
    started = time.monotonic()
    error: str | None = None
    try:
        await job.func(ctx, period)
    except Exception as exc:  # a failing job is recorded, never a crashed worker
        error = f"{type(exc).__name__}: {exc}"[:MAX_ERROR_LENGTH]
    async with ctx.engine.begin() as conn:
        await conn.execute(
            _FINISH, {"name": job.name, "outcome": "error" if error else "ok", "error": error}
        )
    log.log(
        logging.WARNING if error else logging.INFO,
        "periodic_job_finished",
        extra={
            "job": job.name,
            "period": period.isoformat(),
            "outcome": "error" if error else "ok",
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
            "error": error,
        },
    )
    return error is None
