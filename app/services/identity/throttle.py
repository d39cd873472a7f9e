"""Throttling of guesses (passwords, PINs) with its state in PostgreSQL, shared by every API process.

The rule, per key (a hash of the scope and the subject, never the subject in clear):

* an attempt is counted by one ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` on the key's row,
  so concurrent attempts, in any number of processes, are each counted exactly once (the row lock
  serialises them for the length of the statement or of the caller's transaction);
* a key with ``max_failures`` counted in its window is blocked for ``block``; while blocked nothing
  more is counted (the count never runs past the limit) and the attempt is refused;
* a window that has passed starts over; a block that ended while its window still runs re-blocks at
  the next counted failure.

The count runs on the caller's own database connection: inside the request's transaction (an
``AsyncSession``, committed even on the 401/429 by an error raised with ``commits=True``) or as one
statement on a plain asyncpg connection (the public reads' pool). Never on a second connection: a
request holding one pooled connection and waiting for another starves the pool under a burst.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.models.throttle import ThrottleCounter

# Namespace of the advisory lock of one attempt in flight per key (two-int form; the outbox's is
# 0x4D43_0001).
ATTEMPT_LOCK_NAMESPACE = 0x4D43_0002


@dataclass(frozen=True)
class ThrottlePolicy:
    scope: str
    max_failures: int
    window: timedelta
    block: timedelta


@dataclass(frozen=True)
class Count:
    """The outcome of counting one attempt.

    ``counted``: the attempt was counted (the key was not blocked); ``failures``: the count in the
    window after it; ``retry_after``: seconds the key stays blocked (0: not blocked), so a counted
    attempt with ``retry_after`` reached the limit.
    """

    counted: bool
    failures: int
    retry_after: int


def throttle_key(scope: str, *parts: str) -> str:
    return hashlib.sha256("\x1f".join((scope, *parts)).encode()).hexdigest()


# $1 key, $2 scope, $3 now, $4 start of a window still running, $5 end of a block starting now,
# $6 max failures. The WHERE leaves a blocked row as it is (still locked, so the refusal is ordered
# after the attempt that blocked it); RETURNING then gives no row.
_COUNT = """
    INSERT INTO throttle_counters AS t (key, scope, failures, window_started_at, blocked_until)
    VALUES ($1, $2, 1, $3::timestamptz, CASE WHEN 1 >= $6::int THEN $5::timestamptz END)
    ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t.window_started_at <= $4::timestamptz THEN 1 ELSE t.failures + 1 END,
        window_started_at = CASE WHEN t.window_started_at <= $4::timestamptz
                                 THEN $3::timestamptz ELSE t.window_started_at END,
        blocked_until = CASE
            WHEN (CASE WHEN t.window_started_at <= $4::timestamptz THEN 1 ELSE t.failures + 1 END)
                 >= $6::int
            THEN $5::timestamptz END
    WHERE t.blocked_until IS NULL OR t.blocked_until <= $3::timestamptz
    RETURNING t.failures, t.blocked_until
"""
_BLOCKED_UNTIL = "SELECT blocked_until FROM throttle_counters WHERE key = $1"
_TRY_ATTEMPT_LOCK = "SELECT pg_try_advisory_xact_lock($1::int, hashtext($2))"
_RESET = "DELETE FROM throttle_counters WHERE key = $1"


def seconds_until(blocked_until: datetime | None, now: datetime) -> int:
    """Whole seconds until ``blocked_until`` (rounded up), 0 when it is absent or past."""
    if blocked_until is None or blocked_until <= now:
        return 0
    return max(1, math.ceil((blocked_until - now).total_seconds()))


async def _fetchrow(db: AsyncSession | Any, sql: str, *args: Any) -> Any:
    """One row of ``sql`` on the caller's connection: the session's (in its transaction) or asyncpg."""
    if isinstance(db, AsyncSession):
        connection = await db.connection()
        return (await connection.exec_driver_sql(sql, args)).first()
    return await db.fetchrow(sql, *args)


async def count_attempt(db: AsyncSession | Any, policy: ThrottlePolicy, key: str) -> Count:
    """Count one attempt (or failure) on ``key`` atomically; refused without counting when blocked."""
    now = datetime.now(UTC)
    row = await _fetchrow(
        db,
        _COUNT,
        key,
        policy.scope,
        now,
        now - policy.window,
        now + policy.block,
        policy.max_failures,
    )
    if row is not None:
        return Count(True, int(row[0]), seconds_until(row[1], now))
    # blocked: read the block again (a new statement sees the attempt that blocked it)
    blocked = await _fetchrow(db, _BLOCKED_UNTIL, key)
    wait = seconds_until(blocked[0] if blocked is not None else None, now)
    return Count(False, policy.max_failures, max(1, wait))


async def try_attempt_lock(session: AsyncSession, key: str) -> bool:
    """Take the one attempt in flight on ``key`` for the session's transaction; ``False`` if taken.

    For checks that are slow (a password hash): a second attempt on the same key answers at once
    instead of waiting for the row lock while holding a pooled connection.
    """
    row = await _fetchrow(session, _TRY_ATTEMPT_LOCK, ATTEMPT_LOCK_NAMESPACE, key)
    return bool(row[0])


async def reset(session: AsyncSession, key: str) -> None:
    """Forget ``key``'s count (after a success), in the session's transaction."""
    connection = await session.connection()
    await connection.exec_driver_sql(_RESET, (key,))


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
