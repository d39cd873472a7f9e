"""What the worker runs: topic handlers, reference resolvers and periodic jobs, listed as plain data.

No registration by import side effects. Each domain that gives the worker work lists it in one module,
as module-level values (any of the three may be absent):

* ``HANDLERS: dict[str, Handler]`` — outbox topic -> its delivery function;
* ``RESOLVERS: dict[str, Resolver]`` — reference kind -> how ``{"ref": {"kind": ...}}`` becomes the
  current state at send time;
* ``JOBS: tuple[PeriodicJob, ...]`` — periodic jobs.

``app.workers.runner`` assembles a ``Registry`` from its explicit list of domain modules, then from the
plugin modules named in ``MOTCUA_WORKER_PLUGINS`` (how a province, the tests and the benchmark add their
own, with the same three names). A topic, kind or job listed twice is refused at start.

A handler delivers (network calls, short read sessions of its own) with no database transaction open.
It returns ``None``, or a ``Completion``: ``async (session) -> None``, its own database writes, run in the
transaction that marks the message delivered under the delivery's lease, so both commit or neither
(app/workers/delivery.py).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from croniter import croniter
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.config import Settings
from app.db import SessionFactory

# Cron expressions read as wall-clock time in Vietnam (what an administrator means by "at 07:00").
CRON_TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class WorkerContext:
    """What handlers and jobs get: settings, the database, one shared HTTP client, the registry."""

    settings: Settings
    engine: AsyncEngine
    session_factory: SessionFactory
    http: httpx.AsyncClient
    registry: Registry = field(default_factory=lambda: Registry())


@dataclass(frozen=True)
class Envelope:
    """A message as a handler sees it. ``id`` is the idempotency id receivers dedupe by."""

    id: int
    topic: str
    ordering_key: str
    payload: dict[str, Any]
    attempt: int  # 1 for the first delivery attempt
    created_at: datetime


# The handler's own writes, committed atomically with the delivered mark (or not at all).
Completion = Callable[[AsyncSession], Awaitable[None]]
Handler = Callable[[Envelope, WorkerContext], Awaitable[Completion | None]]
Resolver = Callable[[dict[str, Any], WorkerContext], Awaitable[dict[str, Any]]]
# A job receives the context and the start of the period it runs for.
JobFunction = Callable[[WorkerContext, datetime], Awaitable[object]]


class PermanentDeliveryError(Exception):
    """Raised by a handler when retrying cannot help: the message becomes a dead letter at once
    (an administrator can still replay it after fixing the cause)."""


class UnresolvableReference(PermanentDeliveryError):
    """The reference names a kind nobody resolves, or a row that does not exist (any more)."""


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


@dataclass(frozen=True)
class Registry:
    """The handlers, resolvers and periodic jobs one worker runs."""

    handlers: Mapping[str, Handler] = field(default_factory=dict)
    resolvers: Mapping[str, Resolver] = field(default_factory=dict)
    jobs: Mapping[str, PeriodicJob] = field(default_factory=dict)

    def handler_for(self, topic: str) -> Handler | None:
        return self.handlers.get(topic)


def assemble(modules: Iterable[ModuleType]) -> Registry:
    """The registry of the ``HANDLERS``, ``RESOLVERS`` and ``JOBS`` the modules list (in this order;
    a name listed by two modules is an error naming both)."""
    handlers: dict[str, Handler] = {}
    resolvers: dict[str, Resolver] = {}
    jobs: dict[str, PeriodicJob] = {}
    origin: dict[tuple[str, str], str] = {}

    def claim(what: str, name: str, module: ModuleType) -> None:
        previous = origin.setdefault((what, name), module.__name__)
        if previous != module.__name__:
            raise ValueError(f"{what} {name!r} is listed by both {previous} and {module.__name__}")
        if name in seen_in_module[what]:
            raise ValueError(f"{what} {name!r} is listed twice by {module.__name__}")
        seen_in_module[what].add(name)

    for module in modules:
        seen_in_module: dict[str, set[str]] = defaultdict(set)
        for topic, handler in _mapping(module, "HANDLERS").items():
            claim("outbox topic", topic, module)
            handlers[topic] = handler
        for kind, resolver in _mapping(module, "RESOLVERS").items():
            claim("reference kind", kind, module)
            resolvers[kind] = resolver
        for job in getattr(module, "JOBS", ()):
            if not isinstance(job, PeriodicJob):
                raise TypeError(f"{module.__name__}.JOBS holds {job!r}, not a PeriodicJob")
            claim("periodic job", job.name, module)
            jobs[job.name] = job
    return Registry(handlers=handlers, resolvers=resolvers, jobs=dict(sorted(jobs.items())))


def _mapping(module: ModuleType, name: str) -> Mapping[str, Any]:
    value = getattr(module, name, {})
    if not isinstance(value, Mapping) or not all(
        isinstance(key, str) and callable(item) for key, item in value.items()
    ):
        raise TypeError(f"{module.__name__}.{name} must map names to functions")
    return value


async def resolve_payload(payload: dict[str, Any], ctx: WorkerContext) -> dict[str, Any]:
    """The payload itself, or, for a reference, the payload with ``current`` = the resolved state."""
    ref = payload.get("ref")
    if not isinstance(ref, dict):
        return payload
    resolver = ctx.registry.resolvers.get(str(ref.get("kind")))
    if resolver is None:
        raise UnresolvableReference(f"no resolver for reference kind {ref.get('kind')!r}")
    return {**payload, "current": await resolver(ref, ctx)}
