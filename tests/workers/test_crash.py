"""Acceptance 2: a worker SIGKILLed mid-delivery; after restart the message is delivered again and the
idempotent receiver applies it once. And SIGTERM: the delivery in hand finishes, then the worker exits."""

from __future__ import annotations

import asyncio
import signal

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_session_factory
from app.models.outbox import OutboxMessage
from app.services.system import outbox as outbox_service
from tests.workers.conftest import Receiver, WorkerFactory, async_wait_until, wait_started

pytestmark = pytest.mark.committed

# A SIGKILLed worker's messages wait for its lease: n x (timeout + 2 s) + 5 s, here 2 x 5 + 5 = 15 s.
SHORT_TIMEOUT = {"MOTCUA_OUTBOX_DELIVERY_TIMEOUT_SECONDS": "3"}


async def _enqueue(engine: AsyncEngine, key: str, count: int) -> list[int]:
    async with create_session_factory(engine)() as session, session.begin():
        return [
            (await outbox_service.enqueue(session, "test.deliver", key, {"seq": seq})).id
            for seq in range(1, count + 1)
        ]


async def _message(engine: AsyncEngine, message_id: int) -> OutboxMessage:
    async with create_session_factory(engine)() as session:
        message = await session.scalar(select(OutboxMessage).where(OutboxMessage.id == message_id))
    assert message is not None
    return message


async def test_sigkill_mid_delivery_then_sigterm_with_a_delivery_in_hand(
    committed_db: tuple[str, AsyncEngine], receiver: Receiver, start_worker: WorkerFactory
) -> None:
    url, engine = committed_db
    receiver.hold.add("crash")  # applied, then the answer never comes: the worker dies waiting
    first, second = await _enqueue(engine, "crash", 2)

    worker = start_worker(url, **SHORT_TIMEOUT)
    await wait_started([worker])
    await async_wait_until(receiver.held.is_set, 30, "the delivery in flight")
    worker.kill()  # SIGKILL: no cleanup, the transaction dies with the connection
    assert worker.process.returncode == -signal.SIGKILL
    killed = await _message(engine, first)
    assert killed.delivered_at is None
    assert killed.attempts == 0  # the attempt was never recorded: its transaction aborted
    assert second not in receiver.applied  # order per key: the second waits for the first
    receiver.release.set()  # let the orphaned request's thread finish (its client is gone)
    await async_wait_until(lambda: receiver.in_flight["crash"] == 0, 10, "the orphan to end")

    restarted = start_worker(url, **SHORT_TIMEOUT)
    await wait_started([restarted])
    await async_wait_until(lambda: second in receiver.applied, 30, "redelivery")

    async def marked() -> bool:  # the batch commits just after the receiver's last answer
        return (await _message(engine, second)).delivered_at is not None

    await async_wait_until(marked, 10, "the delivered marks")
    assert len(receiver.requests_for(first)) == 2  # delivered again after the crash...
    assert list(receiver.applied) == [first, second]  # ...applied once, in order
    assert receiver.violations == []
    delivered = await _message(engine, first)
    assert delivered.delivered_at is not None
    assert delivered.attempts == 1

    # SIGTERM while a delivery is in flight: it finishes and is recorded, then the worker exits
    receiver.delay = 1.5
    [slow] = await _enqueue(engine, "graceful", 1)
    await async_wait_until(lambda: receiver.requests_for(slow), 30, "the delivery to start")
    restarted.process.send_signal(signal.SIGTERM)
    returncode = await asyncio.to_thread(restarted.process.wait, 20)
    assert returncode == 0
    assert len(receiver.requests_for(slow)) == 1
    assert slow in receiver.applied
    assert (await _message(engine, slow)).delivered_at is not None
    assert '"worker_stopped"' in restarted.log()
