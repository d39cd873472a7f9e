"""Acceptance 3: two, then four workers, 1,000 messages over 50 keys: every message delivered, never two
deliveries of one key at the same time, order per key preserved (the receiver checks sequences)."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import SessionFactory, create_session_factory
from app.models.outbox import OutboxMessage
from app.services.system import outbox as outbox_service
from tests.workers.conftest import (
    Receiver,
    WorkerFactory,
    WorkerProcess,
    async_wait_until,
    terminate_all,
    wait_started,
)

pytestmark = pytest.mark.committed

KEYS = 50
PER_KEY = 20


async def test_two_then_four_workers_keep_order_per_key(
    committed_db: tuple[str, AsyncEngine],
    receiver: Receiver,
    start_worker: WorkerFactory,
) -> None:
    """Two workers deliver 1,000 messages; two more join and four deliver the next 1,000."""
    url, engine = committed_db
    factory = create_session_factory(engine)
    receiver.delay = 0.002  # a little time in flight, so overlapping deliveries would be seen
    processes = [start_worker(url, slots=4) for _ in range(2)]
    await wait_started(processes)
    await _round(factory, receiver, "two", processes)
    processes += [start_worker(url, slots=4) for _ in range(2)]
    await wait_started(processes)
    await _round(factory, receiver, "four", processes)

    async def all_marked() -> bool:  # the last batches commit just after their last answer
        async with factory() as session:
            undelivered = await session.scalar(
                select(func.count()).where(OutboxMessage.delivered_at.is_(None))
            )
        return undelivered == 0

    await async_wait_until(all_marked, 10, "every delivered mark")
    assert terminate_all(processes) == [0, 0, 0, 0]


async def _round(
    factory: SessionFactory, receiver: Receiver, name: str, processes: list[WorkerProcess]
) -> None:
    before = len(receiver.applied)
    receiver.max_in_flight_total = 0

    async def enqueue_keys(keys: range) -> None:
        # seq-major order interleaves keys; five transactions enqueue concurrently
        async with factory() as session, session.begin():
            for seq in range(1, PER_KEY + 1):
                for key in keys:
                    await outbox_service.enqueue(
                        session, "test.deliver", f"{name}-{key:02d}", {"seq": seq}
                    )

    started = time.monotonic()
    await asyncio.gather(*(enqueue_keys(range(i, KEYS, 5)) for i in range(5)))
    enqueued = time.monotonic() - started
    total = KEYS * PER_KEY
    await async_wait_until(lambda: len(receiver.applied) >= before + total, 60, "all deliveries")
    elapsed = time.monotonic() - started

    assert receiver.violations == []
    bodies = [body for body in receiver.applied.values() if body["key"].startswith(name)]
    assert len(bodies) == total
    assert all(receiver.last_seq[f"{name}-{key:02d}"] == PER_KEY for key in range(KEYS))
    # the work really was shared and concurrent, so the checks above had something to catch
    pids = {body["pid"] for body in bodies}
    assert len(pids) >= 2
    assert pids <= {p.process.pid for p in processes}
    assert receiver.max_in_flight_total >= 2
    print(f"{len(processes)} workers: {total} messages in {elapsed:.1f}s (enqueue {enqueued:.1f}s)")
