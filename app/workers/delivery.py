"""Claiming and delivering outbox messages: one message per ordering key at a time, in id order.

One claim is one short transaction that lives exactly as long as the delivery:

1. candidate keys: the keys of the oldest due messages;
2. for a candidate, ``pg_try_advisory_xact_lock`` on the key: no other worker delivers for this key
   until our transaction ends (commit, rollback, or the connection dying with a SIGKILLed process);
3. the key's oldest undelivered message ``FOR UPDATE SKIP LOCKED``, checked due again (a message not yet
   due blocks the later messages of its key, so order per key holds across retries);
4. the handler runs (bounded by ``MOTCUA_OUTBOX_DELIVERY_TIMEOUT_SECONDS``);
5. the row is marked delivered, or gets its next attempt after exponential back-off with jitter, or
   becomes a dead letter after ``MOTCUA_OUTBOX_MAX_ATTEMPTS``;
6. while the key is held, steps 3-5 repeat for its next due messages, up to
   ``MOTCUA_OUTBOX_BATCH_PER_KEY`` (fewer round trips per message); then commit.

A crash anywhere before the commit leaves the message undelivered: it is delivered again (at least
once), so handlers and receivers must be idempotent (receivers dedupe by the message id). A dead letter
no longer blocks its key; an administrator replays it (app/services/system/outbox.py).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from app.services.system.registry import (
    Envelope,
    PermanentDeliveryError,
    WorkerContext,
)

log = logging.getLogger("motcua.worker")

MAX_ERROR_LENGTH = 2000

# Keys of the oldest due waiting messages, oldest first. Reading a bounded window by id (an index
# range, whatever the backlog) rather than every key's head keeps a claim cheap when a receiver was down
# for a day; a key whose head is not due may appear and is skipped after locking.
_CANDIDATES = text(
    """
    SELECT ordering_key FROM (
        SELECT ordering_key, id FROM outbox_messages
        WHERE delivered_at IS NULL AND dead_at IS NULL AND next_attempt_at <= now()
        ORDER BY id
        LIMIT :window
    ) AS oldest
    GROUP BY ordering_key
    ORDER BY min(id)
    LIMIT :limit
    """
)
CANDIDATE_WINDOW_PER_KEY = 25
_LOCK_KEY = text("SELECT pg_try_advisory_xact_lock(hashtextextended('outbox:' || :key, 0))")
_HEAD_OF_KEY = text(
    """
    SELECT id, topic, ordering_key, payload, attempts, created_at,
           next_attempt_at <= now() AS due
    FROM outbox_messages
    WHERE ordering_key = :key AND delivered_at IS NULL AND dead_at IS NULL
    ORDER BY id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
    """
)
# clock_timestamp(), not now(): now() is the start of the transaction, before the delivery ran.
_MARK_DELIVERED = text(
    """
    UPDATE outbox_messages
    SET delivered_at = clock_timestamp(), last_attempt_at = clock_timestamp(),
        attempts = attempts + 1
    WHERE id = :id
    """
)
_MARK_FAILED = text(
    """
    UPDATE outbox_messages
    SET attempts = :attempts, last_attempt_at = clock_timestamp(), last_error = :error,
        next_attempt_at = clock_timestamp() + make_interval(secs => :delay),
        dead_at = CASE WHEN :dead THEN clock_timestamp() END
    WHERE id = :id
    """
)


def backoff_seconds(
    attempts: int, *, base: float, cap: float, rng: random.Random | None = None
) -> float:
    """Delay before the next attempt after ``attempts`` failures: min(cap, base * 2^(attempts-1)),
    times a jitter factor in [0.5, 1.0) so that workers retrying together spread out."""
    exponential: float = min(cap, base * 2.0 ** max(0, attempts - 1))
    draw = rng.random() if rng is not None else random.random()  # noqa: S311 - jitter, not crypto
    return exponential * (0.5 + draw / 2)


@dataclass
class DeliveryStats:
    delivered: int = 0
    failed: int = 0
    dead: int = 0


async def claim_and_deliver(
    conn: AsyncConnection,
    ctx: WorkerContext,
    stats: DeliveryStats,
    *,
    candidates: int,
    batch: int = 1,
    keep_going: Callable[[], bool] = lambda: True,
) -> int:
    """Claim one ordering key and deliver up to ``batch`` of its due messages, in id order, in one
    transaction on ``conn``; returns how many messages were handled (delivered or failed).

    The batch stops at the first failure (later messages wait for its retry) and when ``keep_going``
    turns false (shutdown: the message in hand is finished and committed, no new one is started).
    A crash before the commit makes the whole batch undelivered again: at least once, never lost.
    """
    async with conn.begin() as transaction:
        window = candidates * CANDIDATE_WINDOW_PER_KEY
        keys = list(
            (await conn.execute(_CANDIDATES, {"limit": candidates, "window": window})).scalars()
        )
        random.shuffle(keys)  # spread concurrent slots over keys; order within a key is kept below
        for key in keys:
            if not (await conn.execute(_LOCK_KEY, {"key": key})).scalar():
                continue
            handled = 0
            while handled < batch and (handled == 0 or keep_going()):
                row = (await conn.execute(_HEAD_OF_KEY, {"key": key})).first()
                if row is None or not row.due:
                    break
                handled += 1
                envelope = Envelope(
                    id=row.id,
                    topic=row.topic,
                    ordering_key=row.ordering_key,
                    payload=row.payload,
                    attempt=row.attempts + 1,
                    created_at=row.created_at,
                )
                if not await _deliver_one(conn, envelope, ctx, stats):
                    break
            if handled:
                await transaction.commit()
                return handled
    return 0


async def _deliver_one(
    conn: AsyncConnection, envelope: Envelope, ctx: WorkerContext, stats: DeliveryStats
) -> bool:
    """Run the handler and record the outcome on ``conn`` (not committed); True when delivered."""
    settings = ctx.settings
    error, permanent = await _run_handler(envelope, ctx)
    if error is None:
        await conn.execute(_MARK_DELIVERED, {"id": envelope.id})
        stats.delivered += 1
        return True
    attempts = envelope.attempt
    dead = permanent or attempts >= settings.outbox_max_attempts
    delay = backoff_seconds(
        attempts, base=settings.outbox_backoff_base_seconds, cap=settings.outbox_backoff_cap_seconds
    )
    await conn.execute(
        _MARK_FAILED,
        {
            "id": envelope.id,
            "attempts": attempts,
            "error": error[:MAX_ERROR_LENGTH],
            "delay": 0.0 if dead else delay,
            "dead": dead,
        },
    )
    stats.failed += 1
    stats.dead += int(dead)
    log.warning(
        "outbox_delivery_failed",
        extra={
            "message_id": envelope.id,
            "topic": envelope.topic,
            "attempt": attempts,
            "dead": dead,
            "retry_in_seconds": None if dead else round(delay, 3),
            "error": error[:300],
        },
    )
    return False


async def _run_handler(envelope: Envelope, ctx: WorkerContext) -> tuple[str | None, bool]:
    """(None, False) on success, else the error text to record and whether retrying is pointless."""
    handler = ctx.registry.handler_for(envelope.topic)
    if handler is None:  # retried: a newer worker version may know the topic
        return f"no handler registered for topic {envelope.topic!r}", False
    timeout = ctx.settings.outbox_delivery_timeout_seconds
    try:
        await asyncio.wait_for(handler(envelope, ctx), timeout=timeout)
    except TimeoutError:
        return f"delivery timed out after {timeout:g}s", False
    except PermanentDeliveryError as exc:
        return f"{type(exc).__name__}: {exc}", True
    except Exception as exc:  # any handler failure is a failed attempt, never a crashed worker
        return f"{type(exc).__name__}: {exc}", False
    return None, False
