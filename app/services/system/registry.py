"""Topic handlers, reference resolvers and periodic jobs, registered in code by decorators.

Modules register on import: the worker (``app.workers.runner``) imports the built-in modules and then
every module named in ``MOTCUA_WORKER_PLUGINS`` (how a province, or the tests, add their own handlers
and jobs).
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from croniter import croniter
from sqlalchemy.ext.asyncio import AsyncEngine

from app.config import Settings
from app.db import SessionFactory

# Cron expressions read as wall-clock time in Vietnam (what an administrator means by "at 07:00").
CRON_TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class WorkerContext:
    """What handlers and jobs get: settings, the database and one shared HTTP client."""

    settings: Settings
    engine: AsyncEngine
    session_factory: SessionFactory
    http: httpx.AsyncClient


@dataclass(frozen=True)
class Envelope:
    """A message as a handler sees it. ``id`` is the idempotency id receivers dedupe by."""

    id: int
    topic: str
    ordering_key: str
    payload: dict[str, Any]
    attempt: int  # 1 for the first delivery attempt
    created_at: datetime


Handler = Callable[[Envelope, WorkerContext], Awaitable[None]]
Resolver = Callable[[dict[str, Any], WorkerContext], Awaitable[dict[str, Any]]]
# A job receives the context and the start of the period it runs for.
JobFunction = Callable[[WorkerContext, datetime], Awaitable[object]]

_handlers: dict[str, Handler] = {}
_resolvers: dict[str, Resolver] = {}
_jobs: dict[str, PeriodicJob] = {}


class PermanentDeliveryError(Exception):
    """Raised by a handler when retrying cannot help: the message becomes a dead letter at once
    (an administrator can still replay it after fixing the cause)."""


class UnresolvableReference(PermanentDeliveryError):
    """The reference names a kind nobody resolves, or a row that does not exist (any more)."""


def outbox_handler(topic: str) -> Callable[[Handler], Handler]:
    """Register the delivery function of ``topic``. It must be idempotent (at-least-once delivery)."""

    def register(func: Handler) -> Handler:
        _handlers[topic] = func
        return func

    return register


def reference_resolver(kind: str) -> Callable[[Resolver], Resolver]:
    """Register how ``{"ref": {"kind": kind, ...}}`` becomes the current state at send time."""

    def register(func: Resolver) -> Resolver:
        _resolvers[kind] = func
        return func

    return register


def handler_for(topic: str) -> Handler | None:
    return _handlers.get(topic)


async def resolve_payload(payload: dict[str, Any], ctx: WorkerContext) -> dict[str, Any]:
    """The payload itself, or, for a reference, the payload with ``current`` = the resolved state."""
    ref = payload.get("ref")
    if not isinstance(ref, dict):
        return payload
    resolver = _resolvers.get(str(ref.get("kind")))
    if resolver is None:
        raise UnresolvableReference(f"no resolver for reference kind {ref.get('kind')!r}")
    return {**payload, "current": await resolver(ref, ctx)}


@dataclass(frozen=True)
class PeriodicJob:
    """A job run once per period across all workers: every ``every`` (aligned to the epoch) or by
    ``cron`` (minute hour day-of-month month day-of-week, Asia/Ho_Chi_Minh time)."""

    name: str
    func: JobFunction
    every: timedelta | None = None
    cron: str | None = None

    def __post_init__(self) -> None:
        if (self.every is None) == (self.cron is None):
            raise ValueError(f"periodic job {self.name!r}: give exactly one of every= or cron=")
        if self.every is not None and self.every.total_seconds() <= 0:
            raise ValueError(f"periodic job {self.name!r}: every= must be positive")
        if self.cron is not None and not croniter.is_valid(self.cron):
            raise ValueError(f"periodic job {self.name!r}: invalid cron {self.cron!r}")

    @property
    def schedule(self) -> str:
        if self.every is not None:
            return f"every {self.every.total_seconds():g}s"
        return f"cron {self.cron}"

    def next_after(self, now: datetime) -> datetime:
        """Start of the first period strictly after ``now``."""
        if self.every is not None:
            seconds = self.every.total_seconds()
            return datetime.fromtimestamp(
                (math.floor(now.timestamp() / seconds) + 1) * seconds, UTC
            )
        local = now.astimezone(CRON_TIMEZONE)
        following: datetime = croniter(self.cron, local).get_next(datetime)
        return following.astimezone(UTC)


def periodic_job(
    name: str, *, every: timedelta | None = None, cron: str | None = None
) -> Callable[[JobFunction], JobFunction]:
    def register(func: JobFunction) -> JobFunction:
        _jobs[name] = PeriodicJob(name=name, func=func, every=every, cron=cron)
        return func

    return register


def jobs() -> list[PeriodicJob]:
    return [_jobs[name] for name in sorted(_jobs)]
