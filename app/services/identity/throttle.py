"""Failure throttling with its state in PostgreSQL, so every API process sees the same counters.

Failures are recorded in their own short transaction: a failed login answers 401 and rolls back the
request's work, but the failure itself must stay counted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import case, delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from app.models.throttle import ThrottleCounter


@dataclass(frozen=True)
class ThrottlePolicy:
    scope: str
    max_failures: int
    window: timedelta
    block: timedelta


def throttle_key(scope: str, *parts: str) -> str:
    return hashlib.sha256("\x1f".join((scope, *parts)).encode()).hexdigest()


async def seconds_blocked(engine: AsyncEngine, policy: ThrottlePolicy, key: str) -> int:
    """Seconds until ``key`` may try again; 0 when it is not blocked. A read, never a write."""
    async with engine.connect() as conn:
        blocked_until = await conn.scalar(
            select(ThrottleCounter.blocked_until).where(ThrottleCounter.key == key)
        )
    if blocked_until is None:
        return 0
    remaining = (blocked_until - datetime.now(UTC)).total_seconds()
    return max(0, int(remaining) + 1) if remaining > 0 else 0


async def record_failure(engine: AsyncEngine, policy: ThrottlePolicy, key: str) -> int:
    """Count one failure atomically; return the seconds blocked (0 if still allowed).

    One ``INSERT ... ON CONFLICT DO UPDATE`` so concurrent failures from several processes are each
    counted exactly once. A window that has passed starts over.
    """
    now = datetime.now(UTC)
    window_start = now - policy.window
    table = ThrottleCounter.__table__
    insert_stmt = insert(ThrottleCounter).values(
        key=key, scope=policy.scope, failures=1, window_started_at=now, blocked_until=None
    )
    fresh_window = table.c.window_started_at < window_start
    new_failures = case((fresh_window, 1), else_=table.c.failures + 1)
    stmt = insert_stmt.on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            "failures": new_failures,
            "window_started_at": case((fresh_window, now), else_=table.c.window_started_at),
            "blocked_until": case(
                (new_failures >= policy.max_failures, now + policy.block),
                else_=table.c.blocked_until,
            ),
        },
    ).returning(table.c.failures, table.c.blocked_until)
    async with engine.begin() as conn:
        row = (await conn.execute(stmt)).one()
    failures: int = row.failures
    blocked_until: datetime | None = row.blocked_until
    if failures >= policy.max_failures and blocked_until is not None:
        return max(1, int((blocked_until - now).total_seconds()))
    return 0


async def reset(engine: AsyncEngine, key: str) -> None:
    async with engine.begin() as conn:
        await conn.execute(delete(ThrottleCounter).where(ThrottleCounter.key == key))


async def purge_expired(engine: AsyncEngine, older_than: timedelta) -> int:
    """Drop counters whose window and block are both over (a periodic job calls this)."""
    cutoff = datetime.now(UTC) - older_than
    async with engine.begin() as conn:
        result = await conn.execute(
            delete(ThrottleCounter).where(
                ThrottleCounter.window_started_at < cutoff,
                (ThrottleCounter.blocked_until.is_(None))
                | (ThrottleCounter.blocked_until < cutoff),
            )
        )
    return int(getattr(result, "rowcount", 0) or 0)
