"""Acceptance 3: two and four workers, 1,000 messages over 50 keys: every message delivered, never two
deliveries of one key at the same time, order per key preserved (the receiver checks sequences)."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_session_factory
from app.models.outbox import OutboxMessage
from app.services import outbox as outbox_service
from tests.workers.conftest import Receiver, WorkerFactory, async_wait_until, wait_started

pytestmark = pytest.mark.committed

KEYS = 50
PER_KEY = 20


@pytest.mark.parametrize("workers", [2, 4])
async def test_many_workers_keep_order_per_key(
    workers: int,
    committed_db: tuple[str, AsyncEngine],
    receiver: Receiver,
    start_worker: WorkerFactory,
) -> None:
    url, engine = committed_db
    receiver.delay = 0.002  # a little time in flight, so overlapping deliveries would be seen
    processes = [start_worker(url, slots=4) for _ in range(workers)]
    await wait_started(processes)

    factory = create_session_factory(engine)

    async def enqueue_key_range(keys: range) -> None:
        # seq-major order interleaves keys; several concurrent transactions enqueue at once
        async with factory() as session, session.begin():
            for seq in range(1, PER_KEY + 1):
                for key in keys:
                    await outbox_service.enqueue(
                        session, "test.deliver", f"key-{key:02d}", {"seq": seq}
                    )

    started = time.monotonic()
    await asyncio.gather(*(enqueue_key_range(range(i, KEYS, 5)) for i in range(5)))
    total = KEYS * PER_KEY
    await async_wait_until(lambda: len(receiver.applied) >= total, 60, "all deliveries")
    elapsed = time.monotonic() - started

    assert receiver.violations == []
    assert len(receiver.applied) == total
    assert all(receiver.last_seq[f"key-{key:02d}"] == PER_KEY for key in range(KEYS))
    # the work really was shared and concurrent, so the checks above had something to catch
    assert len({body["pid"] for body in receiver.applied.values()}) >= 2
    assert receiver.max_in_flight_total >= 2
    async with factory() as session:
        undelivered = await session.scalar(
            select(func.count()).where(OutboxMessage.delivered_at.is_(None))
        )
    assert undelivered == 0
    for process in processes:
        assert process.terminate() == 0
    print(f"{workers} workers: {total} messages in {elapsed:.1f}s")
