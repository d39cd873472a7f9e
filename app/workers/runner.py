"""The worker: delivery slots, the periodic scheduler and metrics, with graceful shutdown.

``motcua worker`` runs one per process; run as many processes on as many machines as needed. In demo
mode ``create_app`` runs one inside the API process. On SIGTERM (or SIGINT) the worker stops claiming,
lets the deliveries and job runs in hand finish (bounded by the delivery timeout), then exits; whatever is
still running after that is cancelled: its message stays undelivered and is delivered again once its
lease expires (app/workers/delivery.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import os
import signal
import time
from collections.abc import Coroutine, Iterable
from types import ModuleType
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.config import Settings
from app.db import create_engine, create_session_factory
from app.services.dossiers import jobs as dossier_jobs
from app.services.identity import worker as identity_worker
from app.services.notifications import worker as notification_worker
from app.services.payments import reconcile as payment_reconcile
from app.services.portal import worker as portal_worker
from app.services.stats import worker as stats_worker
from app.services.system import outbox as outbox_service
from app.services.system import registry
from app.services.system import worker as system_worker
from app.services.uploads import worker as upload_worker
from app.workers.delivery import DeliveryStats, claim_and_deliver
from app.workers.periodic import claim_due, register_jobs, run_job

log = logging.getLogger("motcua.worker")

SHUTDOWN_GRACE_EXTRA_SECONDS = 5.0
SCHEDULER_TICK_MAX_SECONDS = 1.0
SCHEDULER_TICK_MIN_SECONDS = 0.05


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


# Every domain module that gives the worker handlers, resolvers or periodic jobs (module-level
# HANDLERS, RESOLVERS, JOBS: app/services/system/registry.py), lowest domain first.
DOMAIN_MODULES: tuple[ModuleType, ...] = (
    system_worker,
    identity_worker,
    upload_worker,
    dossier_jobs,
    notification_worker,
    portal_worker,
    stats_worker,
    payment_reconcile,
)


def load_registry(plugins: Iterable[str]) -> registry.Registry:
    """The domains' handlers, resolvers and jobs, then those of the ``MOTCUA_WORKER_PLUGINS`` modules."""
    modules = [*DOMAIN_MODULES, *(importlib.import_module(name) for name in plugins)]
    return registry.assemble(modules)


class Worker:
    def __init__(self, settings: Settings, *, slots: int | None = None) -> None:
        self.settings = settings
        self.slots = slots or settings.worker_slots
        self.stats = DeliveryStats()
        self._job_runs: set[asyncio.Task[bool]] = set()

    async def run(self, stop: asyncio.Event) -> None:
        """Work until ``stop`` is set, then drain and return."""
        settings = self.settings
        if settings.database_url is None:
            raise RuntimeError("the worker needs MOTCUA_DATABASE_URL")
        work = load_registry(settings.worker_plugins)
        pool = settings.model_copy(
            update={"db_pool_size": self.slots + 2, "db_max_overflow": self.slots + 2}
        )
        engine = create_engine(settings.database_url.get_secret_value(), pool)
        http = httpx.AsyncClient(timeout=settings.outbox_delivery_timeout_seconds)
        ctx = registry.WorkerContext(settings, engine, create_session_factory(engine), http, work)
        jobs = dict(work.jobs)
        log.info(
            "worker_started",
            extra={"pid": os.getpid(), "slots": self.slots, "jobs": sorted(jobs)},
        )
        try:
            while not stop.is_set():  # the database may not be up yet: wait for it
                try:
                    await register_jobs(engine, list(jobs.values()))
                    break
                except Exception:
                    log.exception("periodic_register_failed")
                    await _sleep_or_stop(stop, max(1.0, settings.worker_poll_seconds))
            tasks = [
                asyncio.create_task(self._slot(ctx, stop), name=f"outbox-slot-{i}")
                for i in range(self.slots)
            ]
            tasks.append(asyncio.create_task(self._scheduler(ctx, jobs, stop), name="scheduler"))
            metrics = asyncio.create_task(self._metrics(engine, stop), name="metrics")
            await stop.wait()
            grace = settings.outbox_delivery_timeout_seconds + SHUTDOWN_GRACE_EXTRA_SECONDS
            await self._drain([*tasks, *self._job_runs], grace)
            metrics.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await metrics
            await self._log_metrics(engine, final=True)
        finally:
            await http.aclose()
            await engine.dispose()

    async def _drain(self, tasks: list[asyncio.Task[Any]], grace: float) -> None:
        done, pending = await asyncio.wait(tasks, timeout=grace) if tasks else (set(), set())
        for task in pending:  # a cancelled delivery stays undelivered: redelivered after its lease
            task.cancel()
        if pending:
            await asyncio.wait(pending)
        for task in done:
            if not task.cancelled() and task.exception() is not None:
                log.error("worker_task_failed", exc_info=task.exception())

    async def _slot(self, ctx: registry.WorkerContext, stop: asyncio.Event) -> None:
        """One claim, then its deliveries, at a time; no connection or transaction is held while
        a message is delivered (the lease stands for it)."""
        candidates = max(8, self.slots * 2)
        batch = self.settings.outbox_batch_per_key
        while not stop.is_set():
            try:
                handled = await claim_and_deliver(
                    ctx,
                    self.stats,
                    candidates=candidates,
                    batch=batch,
                    keep_going=lambda: not stop.is_set(),
                )
                if not handled:
                    await _sleep_or_stop(stop, self.settings.worker_poll_seconds)
            except Exception:  # database away, connection lost: log, wait, try again
                log.exception("outbox_claim_failed")
                await _sleep_or_stop(stop, self.settings.worker_poll_seconds)

    async def _scheduler(
        self,
        ctx: registry.WorkerContext,
        jobs: dict[str, registry.PeriodicJob],
        stop: asyncio.Event,
    ) -> None:
        shortest = min(
            (job.every.total_seconds() for job in jobs.values() if job.every is not None),
            default=60.0,
        )
        tick = max(SCHEDULER_TICK_MIN_SECONDS, min(SCHEDULER_TICK_MAX_SECONDS, shortest / 10))
        while jobs and not stop.is_set():
            try:
                for job, period in await claim_due(ctx.engine, jobs):
                    self._spawn(run_job(job, period, ctx), name=f"job-{job.name}")
            except Exception:
                log.exception("periodic_claim_failed")
            await _sleep_or_stop(stop, tick)

    def _spawn(self, coro: Coroutine[Any, Any, bool], *, name: str) -> None:
        task = asyncio.create_task(coro, name=name)
        self._job_runs.add(task)
        task.add_done_callback(self._job_runs.discard)

    async def _metrics(self, engine: AsyncEngine, stop: asyncio.Event) -> None:
        while not stop.is_set():
            await _sleep_or_stop(stop, self.settings.worker_metrics_seconds)
            if not stop.is_set():
                await self._log_metrics(engine)

    async def _log_metrics(self, engine: AsyncEngine, *, final: bool = False) -> None:
        lag: float | None = None
        with contextlib.suppress(Exception):  # metrics never take the worker down
            async with create_session_factory(engine)() as session:
                lag = await outbox_service.oldest_undelivered_age(session)
        log.info(
            "worker_metrics",
            extra={
                "pid": os.getpid(),
                "delivered": self.stats.delivered,
                "failed": self.stats.failed,
                "dead": self.stats.dead,
                "lost_leases": self.stats.lost_leases,
                "lag_seconds": round(lag, 3) if lag is not None else 0.0,
                "final": final,
            },
        )


async def run_in_process(settings: Settings, stop: asyncio.Event) -> None:
    """The worker inside the API process (demo mode): a failure is logged, never raised into the
    server's shutdown."""
    try:
        await Worker(settings).run(stop)
    except Exception:
        log.exception("in_process_worker_failed")


async def run_until_signalled(settings: Settings, *, slots: int | None = None) -> None:
    """Run a worker until SIGTERM or SIGINT (the `motcua worker` command)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    started = time.monotonic()
    await Worker(settings, slots=slots).run(stop)
    log.info(
        "worker_stopped",
        extra={"pid": os.getpid(), "uptime_s": round(time.monotonic() - started, 1)},
    )
