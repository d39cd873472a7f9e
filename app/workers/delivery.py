"""Claiming and delivering outbox messages under a lease: one ordering key at a time, in id order, and
no database transaction open while a message is delivered (DESIGN.md section 8).

1. **Claim** — one short transaction, committed before anything is sent:
   candidate keys are the keys of the oldest due, unleased messages; for a candidate,
   ``pg_try_advisory_xact_lock`` on the key (it guards only this claim); the key is skipped while any
   of its undelivered messages holds a live lease (``locked_until > clock_timestamp()``); otherwise up
   to ``MOTCUA_OUTBOX_BATCH_PER_KEY`` head messages are taken in id order (``FOR UPDATE SKIP LOCKED``),
   stopping at the first not due (a message waiting for its retry holds back the later ones), and
   get ``locked_until`` and a fresh ``claim_token``.
2. **Deliver** each claimed message in id order with no transaction open (a handler may read in short
   sessions of its own), bounded by ``MOTCUA_OUTBOX_DELIVERY_TIMEOUT_SECONDS``.
3. **Mark** it delivered in a second short transaction, guarded by the lease (``WHERE id = :id AND
   claim_token = :token AND locked_until > clock_timestamp()``), together with the handler's completion
   (its own writes), atomically. A lost lease (0 rows) rolls the completion back and ends the batch:
   the message is delivered again by whoever holds it now. A failure records the attempt, the next
   try after exponential back-off with jitter, or the dead letter after ``MOTCUA_OUTBOX_MAX_ATTEMPTS``,
   under the same guard, and clears the lease; the rest of the batch is released and waits (order per
   key).

The lease: ``clock_timestamp() + n * (delivery timeout + LEASE_EXTRA_PER_MESSAGE_SECONDS) +
LEASE_MARGIN_SECONDS`` for ``n`` claimed messages, so that a worker delivering its whole batch at the
slowest allowed pace still holds the lease when it writes the last mark. Every time comes from the
database's clock, never the worker's. A crashed worker's lease expires and its messages are claimed and
delivered again (at least once: receivers dedupe by the message id); a SIGKILL costs at most one lease
of delay. The mark and failure transactions take the key's advisory lock too (blocking, only for
their few statements), so a claim never runs while a mark of the same key is being written: a claim
cannot skip a head row that a slow mark holds and take the next one out of order.
"""

from __future__ import annotations

import asyncio
import logging
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from app.services.system.registry import (
    Completion,
    Envelope,
    PermanentDeliveryError,
    WorkerContext,
)

log = logging.getLogger("motcua.worker")

MAX_ERROR_LENGTH = 2000
# Per claimed message, on top of the delivery timeout: its mark's short transaction.
LEASE_EXTRA_PER_MESSAGE_SECONDS = 2.0
# Once per claim: scheduling and clock slack.
LEASE_MARGIN_SECONDS = 5.0

# Keys of the oldest due, unleased waiting messages, oldest first. Reading a bounded window by id (an
# index range, whatever the backlog) rather than every key's head keeps a claim cheap when a receiver
# was down for a day; a key whose head is not due or leased may appear and is skipped by the claim.
_CANDIDATES = text(
    """
    SELECT ordering_key FROM (
        SELECT ordering_key, id FROM outbox_messages
        WHERE delivered_at IS NULL AND dead_at IS NULL AND next_attempt_at <= now()
          AND (locked_until IS NULL OR locked_until <= now())
        ORDER BY id
        LIMIT :window
    ) AS oldest
    GROUP BY ordering_key
    ORDER BY min(id)
    LIMIT :limit
    """
)
CANDIDATE_WINDOW_PER_KEY = 25
_TRY_LOCK_KEY = text("SELECT pg_try_advisory_xact_lock(hashtextextended('outbox:' || :key, 0))")
_LOCK_KEY = text("SELECT pg_advisory_xact_lock(hashtextextended('outbox:' || :key, 0))")
# One statement: no live lease on the key, the head messages in id order up to the first not due,
# leased together. RETURNING has no order: the caller sorts by id.
_CLAIM = text(
    """
    WITH head AS (
        SELECT id, next_attempt_at <= clock_timestamp() AS due
        FROM outbox_messages
        WHERE ordering_key = :key AND delivered_at IS NULL AND dead_at IS NULL
          AND NOT EXISTS (
              SELECT 1 FROM outbox_messages AS leased
              WHERE leased.ordering_key = :key
                AND leased.delivered_at IS NULL AND leased.dead_at IS NULL
                AND leased.locked_until > clock_timestamp()
          )
        ORDER BY id
        LIMIT :batch
        FOR UPDATE SKIP LOCKED
    ),
    claimable AS (
        SELECT id FROM head
        WHERE id < coalesce((SELECT min(id) FROM head WHERE NOT due), 9223372036854775807)
    )
    UPDATE outbox_messages AS message
    SET claim_token = :token,
        locked_until = clock_timestamp() + make_interval(
            secs => (SELECT count(*) FROM claimable) * CAST(:per_message AS double precision)
                     + CAST(:margin AS double precision)
        )
    FROM claimable
    WHERE message.id = claimable.id
    RETURNING message.id, message.topic, message.ordering_key, message.payload,
              message.attempts, message.created_at
    """
)
# Both marks hold only under our lease: ours (the token) and not run out (the database's clock).
_MARK_DELIVERED = text(
    """
    UPDATE outbox_messages
    SET delivered_at = clock_timestamp(), last_attempt_at = clock_timestamp(),
        attempts = attempts + 1, locked_until = NULL, claim_token = NULL
    WHERE id = :id AND claim_token = :token AND locked_until > clock_timestamp()
    """
)
_MARK_FAILED = text(
    """
    UPDATE outbox_messages
    SET attempts = :attempts, last_attempt_at = clock_timestamp(), last_error = :error,
        next_attempt_at = clock_timestamp() + make_interval(secs => :delay),
        dead_at = CASE WHEN :dead THEN clock_timestamp() END,
        locked_until = NULL, claim_token = NULL
    WHERE id = :id AND claim_token = :token AND locked_until > clock_timestamp()
    """
)
# The claimed messages not delivered (after a failure, a lost lease, a shutdown): free at once.
_RELEASE = text(
    """
    UPDATE outbox_messages SET locked_until = NULL, claim_token = NULL
    WHERE ordering_key = :key AND claim_token = :token AND delivered_at IS NULL
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
    lost_leases: int = 0


class _LeaseLost(Exception):
    """Our lease ran out or was taken before the delivered mark: roll the mark's transaction back."""


@dataclass(frozen=True)
class Claim:
    """Messages of one key leased to this worker under ``token``, in id order."""

    key: str
    token: uuid.UUID
    messages: list[Envelope]


async def claim(
    engine: AsyncEngine, *, candidates: int, batch: int, delivery_timeout: float
) -> Claim | None:
    """Lease the due head messages of one ordering key, in one short committed transaction."""
    token = uuid.uuid4()
    async with engine.begin() as conn:
        window = candidates * CANDIDATE_WINDOW_PER_KEY
        keys = list(
            (await conn.execute(_CANDIDATES, {"limit": candidates, "window": window})).scalars()
        )
        random.shuffle(keys)  # spread concurrent slots over keys; order within a key is kept below
        for key in keys:
            if not (await conn.execute(_TRY_LOCK_KEY, {"key": key})).scalar():
                continue
            rows = (
                await conn.execute(
                    _CLAIM,
                    {
                        "key": key,
                        "batch": batch,
                        "token": token,
                        "per_message": delivery_timeout + LEASE_EXTRA_PER_MESSAGE_SECONDS,
                        "margin": LEASE_MARGIN_SECONDS,
                    },
                )
            ).all()
            if rows:
                messages = [
                    Envelope(
                        id=row.id,
                        topic=row.topic,
                        ordering_key=row.ordering_key,
                        payload=row.payload,
                        attempt=row.attempts + 1,
                        created_at=row.created_at,
                    )
                    for row in sorted(rows, key=lambda row: int(row.id))
                ]
                return Claim(key=key, token=token, messages=messages)
    return None


async def claim_and_deliver(
    ctx: WorkerContext,
    stats: DeliveryStats,
    *,
    candidates: int,
    batch: int = 1,
    keep_going: Callable[[], bool] = lambda: True,
) -> int:
    """Claim one ordering key and deliver its leased messages in id order; returns how many were
    handled (delivered or failed).

    The batch stops at the first failure or lost lease (later messages wait) and when ``keep_going``
    turns false (shutdown: the message in hand is finished and marked, no new one is started); what
    was claimed and not handled is released at once.
    """
    claimed = await claim(
        ctx.engine,
        candidates=candidates,
        batch=batch,
        delivery_timeout=ctx.settings.outbox_delivery_timeout_seconds,
    )
    if claimed is None:
        return 0
    handled = delivered = 0
    for envelope in claimed.messages:
        if handled and not keep_going():
            break
        handled += 1
        if not await _deliver_one(ctx, claimed, envelope, stats):
            break
        delivered += 1
    if delivered < len(claimed.messages):
        async with ctx.engine.begin() as conn:
            await conn.execute(_RELEASE, {"key": claimed.key, "token": claimed.token})
    return handled


async def _deliver_one(
    ctx: WorkerContext, claimed: Claim, envelope: Envelope, stats: DeliveryStats
) -> bool:
    """Run the handler (no transaction open), then record the outcome under the lease; True when
    the message was marked delivered."""
    error, permanent, completion = await _run_handler(envelope, ctx)
    if error is None:
        try:
            marked = await _mark_delivered(ctx, claimed, envelope, completion)
        except Exception as exc:  # the completion failed: nothing of it, nor the mark, committed
            error, permanent = _describe(exc), isinstance(exc, PermanentDeliveryError)
        else:
            if marked:
                stats.delivered += 1
            else:
                _lease_lost(envelope, stats)
            return marked
    return await _mark_failed(ctx, claimed, envelope, error, permanent, stats)


async def _mark_delivered(
    ctx: WorkerContext, claimed: Claim, envelope: Envelope, completion: Completion | None
) -> bool:
    """The delivered mark and the handler's completion, in one transaction, only under our lease."""
    try:
        async with ctx.session_factory() as session, session.begin():
            await session.execute(_LOCK_KEY, {"key": claimed.key})
            result = await session.execute(
                _MARK_DELIVERED, {"id": envelope.id, "token": claimed.token}
            )
            if getattr(result, "rowcount", 0) != 1:
                raise _LeaseLost
            if completion is not None:
                await completion(session)
    except _LeaseLost:  # rolled back: the completion never ran
        return False
    return True


async def _mark_failed(
    ctx: WorkerContext,
    claimed: Claim,
    envelope: Envelope,
    error: str,
    permanent: bool,
    stats: DeliveryStats,
) -> bool:
    """Record the failed attempt (back-off or dead letter) under our lease; always False."""
    settings = ctx.settings
    attempts = envelope.attempt
    dead = permanent or attempts >= settings.outbox_max_attempts
    delay = backoff_seconds(
        attempts, base=settings.outbox_backoff_base_seconds, cap=settings.outbox_backoff_cap_seconds
    )
    async with ctx.engine.begin() as conn:
        await conn.execute(_LOCK_KEY, {"key": claimed.key})
        result = await conn.execute(
            _MARK_FAILED,
            {
                "id": envelope.id,
                "token": claimed.token,
                "attempts": attempts,
                "error": error[:MAX_ERROR_LENGTH],
                "delay": 0.0 if dead else delay,
                "dead": dead,
            },
        )
    if getattr(result, "rowcount", 0) != 1:
        _lease_lost(envelope, stats)
        return False
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


def _lease_lost(envelope: Envelope, stats: DeliveryStats) -> None:
    """Our lease ran out (or was taken): nothing was recorded; whoever holds the message now
    delivers it again."""
    stats.lost_leases += 1
    log.warning(
        "outbox_lease_lost",
        extra={"message_id": envelope.id, "topic": envelope.topic, "attempt": envelope.attempt},
    )


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


async def _run_handler(
    envelope: Envelope, ctx: WorkerContext
) -> tuple[str | None, bool, Completion | None]:
    """(None, False, completion) on success, else the error text to record, whether retrying is
    pointless, and None."""
    handler = ctx.registry.handler_for(envelope.topic)
    if handler is None:  # retried: a newer worker version may know the topic
        return f"no handler registered for topic {envelope.topic!r}", False, None
    timeout = ctx.settings.outbox_delivery_timeout_seconds
    try:
        completion = await asyncio.wait_for(handler(envelope, ctx), timeout=timeout)
    except TimeoutError:
        return f"delivery timed out after {timeout:g}s", False, None
    except PermanentDeliveryError as exc:
        return _describe(exc), True, None
    except Exception as exc:  # any handler failure is a failed attempt, never a crashed worker
        return _describe(exc), False, None
    return None, False, completion
