"""The transactional outbox (DESIGN.md section 8): enqueue inside the caller's transaction, report, replay.

``enqueue`` only adds a row to the caller's session and flushes: the message exists if and only if the
caller's transaction commits, so a rolled-back change never sends anything and a committed one is never
lost. ``motcua worker`` processes deliver the rows (app/workers/delivery.py).

Payload convention: either the content itself, or a reference ``{"ref": {"kind": "dossier", "code":
"..."}}`` that the topic's handler resolves at send time into the current state (so a retried or late
message never carries stale data). Payloads are stored as JSONB; keep personal data out of them when a
reference will do.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    Insert,
    Integer,
    String,
    Text,
    bindparam,
    cast,
    func,
    insert,
    literal,
    select,
    text,
    true,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from app.config import Settings
from app.models.audit import AdminAction, AuditTarget
from app.models.outbox import OutboxMessage, PeriodicJobState
from app.services.system import audit
from app.services.system.audit import AuditActor
from app.services.system.topics import COALESCED_TOPICS, notification_topics

# Namespace of the advisory lock taken by ``enqueue`` (two-int form, so it never meets the workers'
# one-bigint delivery locks).
ENQUEUE_LOCK_NAMESPACE = 0x4D43_0001
DEAD_LETTER_LIST_LIMIT = 100


async def enqueue(
    session: AsyncSession, topic: str, ordering_key: str, payload: dict[str, Any]
) -> OutboxMessage:
    """Queue a message in the caller's transaction (flush only; the caller commits).

    Messages of one ordering key are delivered in id order. Concurrent transactions enqueueing for the
    same key are serialised until commit by a transaction-level advisory lock, so id order is also
    commit order and a worker can never deliver a later id before an earlier one becomes visible.
    """
    await session.execute(
        select(func.pg_advisory_xact_lock(ENQUEUE_LOCK_NAMESPACE, func.hashtext(ordering_key)))
    )
    message = OutboxMessage(topic=topic, ordering_key=ordering_key, payload=payload)
    session.add(message)
    await session.flush()
    return message


async def enqueue_all(
    session: AsyncSession,
    messages: Sequence[tuple[str, str, dict[str, Any]]],
    *,
    along: tuple[Insert, dict[str, Any]] | None = None,
) -> None:
    """Queue several ``(topic, ordering_key, payload)`` messages at once (an event's topics), under
    ``enqueue``'s rule, in one statement on the session's connection (in its transaction; no ORM
    objects: nothing reads them back in the transaction that queues them): the advisory locks of
    their keys, in the order given, then the rows, in the order given. A coalesced topic
    (``topics.COALESCED_TOPICS``) is queued once per ordering key and transaction.

    ``along``: a row of the caller's, as an INSERT (built once, values bound) and its parameters,
    written by the same statement (a data-modifying CTE): the event these messages announce."""
    messages = _not_yet_queued(session, messages)
    keys = list(dict.fromkeys(key for _, key, _ in messages))
    connection = await session.connection()
    extra = along[1] if along is not None else {}
    if not keys:
        if along is not None:
            await connection.execute(along[0], extra)
        return
    await connection.execute(
        _locked_insert(along[0] if along is not None else None),
        {
            "namespace": ENQUEUE_LOCK_NAMESPACE,
            "lock_keys": keys,
            "topics": [topic for topic, _, _ in messages],
            "keys": [key for _, key, _ in messages],
            "payloads": [json.dumps(payload) for _, _, payload in messages],
            **extra,
        },
    )


# ``enqueue_all`` in one round trip: the locks' aggregate yields its one row only once every lock
# is held, so no row (and no id: the identity is drawn as each row is inserted) comes before them.
_MESSAGES = (
    func.unnest(
        bindparam("topics", type_=ARRAY(String())),
        bindparam("keys", type_=ARRAY(String())),
        bindparam("payloads", type_=ARRAY(Text())),
    )
    .table_valued("topic", "ordering_key", "payload", with_ordinality="n")
    .render_derived(name="messages")
)
_LOCK_KEYS = (
    func.unnest(bindparam("lock_keys", type_=ARRAY(String())))
    .table_valued("key", with_ordinality="n")
    .render_derived(name="lock_keys")
)
_LOCKS = (
    select(
        func.count(
            func.pg_advisory_xact_lock(
                bindparam("namespace", type_=Integer()), func.hashtext(_LOCK_KEYS.c.key)
            )
        ).label("held")
    )
    .select_from(_LOCK_KEYS)
    .subquery("locks")
)
_LOCKED_INSERT = insert(OutboxMessage).from_select(
    ["topic", "ordering_key", "payload", "attempts"],
    select(
        _MESSAGES.c.topic,
        _MESSAGES.c.ordering_key,
        cast(_MESSAGES.c.payload, JSONB),
        literal(0, Integer()),
    )
    .select_from(_MESSAGES.join(_LOCKS, true()))
    .order_by(_MESSAGES.c.n),
)


@functools.cache
def _locked_insert(along: Insert | None) -> Insert:
    """``_LOCKED_INSERT``, with ``along`` as a data-modifying CTE (built once per ``along``)."""
    return _LOCKED_INSERT if along is None else _LOCKED_INSERT.add_cte(along.cte("along"))


def _not_yet_queued(
    session: AsyncSession, messages: Sequence[tuple[str, str, dict[str, Any]]]
) -> list[tuple[str, str, dict[str, Any]]]:
    """``messages`` without the coalesced ones already queued for their key in this transaction.

    A coalesced topic's handler reads the dossier's state when it runs and nothing of the payload
    (the statistics' fold), so a second message of the same transaction would redo the same work.
    Marks are kept per innermost transaction: a savepoint rolled back takes its messages with it, and
    the enclosing transaction queues them again."""
    sync = session.sync_session
    transaction = sync.get_nested_transaction() or sync.get_transaction()
    owner, queued = session.info.get(_COALESCED, (None, set()))
    if owner is not transaction:
        queued = set()
        session.info[_COALESCED] = (transaction, queued)
    kept = []
    for topic, key, payload in messages:
        if topic in COALESCED_TOPICS:
            if (topic, key) in queued:
                continue
            queued.add((topic, key))
        kept.append((topic, key, payload))
    return kept


_COALESCED = "outbox.coalesced"


async def enqueue_notification(
    session: AsyncSession, settings: Settings, ordering_key: str, payload: dict[str, Any]
) -> list[OutboxMessage]:
    """Queue one notification: one message per channel (``topics.notification_topics``), in the
    caller's transaction, so each channel is delivered, retried and dead-lettered on its own."""
    return [
        await enqueue(session, topic, ordering_key, payload)
        for topic in notification_topics(settings)
    ]


@dataclass(frozen=True)
class TopicCounts:
    topic: str
    pending: int
    retrying: int
    delivered: int
    dead: int


@dataclass(frozen=True)
class OutboxStats:
    topics: list[TopicCounts]
    oldest_undelivered_age_seconds: float | None
    dead_letters: list[OutboxMessage]
    jobs: list[PeriodicJobState]


_UNDELIVERED = (OutboxMessage.delivered_at.is_(None)) & (OutboxMessage.dead_at.is_(None))


async def oldest_undelivered_age(session: AsyncSession) -> float | None:
    """Seconds since the oldest message still waiting was enqueued (the delivery lag), or None."""
    age = await session.scalar(
        select(func.extract("epoch", func.now() - func.min(OutboxMessage.created_at))).where(
            _UNDELIVERED
        )
    )
    return float(age) if age is not None else None


async def stats(session: AsyncSession) -> OutboxStats:
    """Counts by topic and state, delivery lag, the latest dead letters, the periodic jobs."""
    waiting = _UNDELIVERED
    rows = await session.execute(
        select(
            OutboxMessage.topic,
            func.count().filter(waiting & (OutboxMessage.attempts == 0)),
            func.count().filter(waiting & (OutboxMessage.attempts > 0)),
            func.count().filter(OutboxMessage.delivered_at.is_not(None)),
            func.count().filter(OutboxMessage.dead_at.is_not(None)),
        )
        .group_by(OutboxMessage.topic)
        .order_by(OutboxMessage.topic)
    )
    topics = [TopicCounts(t, int(p), int(r), int(d), int(x)) for t, p, r, d, x in rows]
    dead = await session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.dead_at.is_not(None))
        .order_by(OutboxMessage.dead_at.desc(), OutboxMessage.id.desc())
        .limit(DEAD_LETTER_LIST_LIMIT)
    )
    jobs = await session.scalars(select(PeriodicJobState).order_by(PeriodicJobState.name))
    return OutboxStats(
        topics=topics,
        oldest_undelivered_age_seconds=await oldest_undelivered_age(session),
        dead_letters=list(dead),
        jobs=list(jobs),
    )


async def replay(
    session: AsyncSession,
    *,
    ids: Sequence[int] | None = None,
    topic: str | None = None,
    actor: AuditActor | None = None,
) -> list[int]:
    """Re-queue dead letters (by id or by topic) for immediate delivery; returns the ids re-queued.

    Ids that are not dead letters (unknown, delivered or still retrying) are left alone. A replayed
    message keeps its id, so it is again the oldest of its key and goes before later messages; any
    lease it still carried is cleared, so it is claimable at once.
    """
    condition: ColumnElement[bool] = OutboxMessage.dead_at.is_not(None)
    if ids is not None:
        condition &= OutboxMessage.id.in_(list(ids))
    if topic is not None:
        condition &= OutboxMessage.topic == topic
    result = await session.execute(
        update(OutboxMessage)
        .where(condition)
        .values(
            dead_at=None,
            attempts=0,
            next_attempt_at=func.now(),
            locked_until=None,
            claim_token=None,
        )
        .returning(OutboxMessage.id)
    )
    replayed = sorted(result.scalars())
    await session.flush()
    # the ids only: a message's payload may carry an applicant's name or phone number
    await audit.record(
        session,
        actor,
        AdminAction.outbox_replay,
        AuditTarget.outbox,
        topic or "ids",
        {
            "topic": topic,
            "asked_ids": list(ids)[:100] if ids is not None else None,
            "replayed": len(replayed),
            "replayed_ids": replayed[:100],
        },
    )
    return replayed


async def purge_delivered(session: AsyncSession, older_than_days: int) -> int:
    """Delete messages delivered more than ``older_than_days`` ago (the table must not grow forever)."""
    result = await session.execute(
        text(
            "DELETE FROM outbox_messages WHERE delivered_at < now() - make_interval(days => :days)"
        ),
        {"days": older_than_days},
    )
    return int(getattr(result, "rowcount", 0) or 0)
