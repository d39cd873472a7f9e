"""The lease (DESIGN.md section 8): no transaction stays open while a message is delivered, and a
handler's completion commits with the delivered mark, under the lease, or not at all."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_session_factory
from app.models.outbox import OutboxMessage
from app.services.system import outbox as outbox_service
from tests.workers.conftest import Receiver, WorkerFactory, async_wait_until, wait_started

pytestmark = pytest.mark.committed


def _asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _message(engine: AsyncEngine, message_id: int) -> OutboxMessage:
    async with create_session_factory(engine)() as session:
        message = await session.scalar(select(OutboxMessage).where(OutboxMessage.id == message_id))
    assert message is not None
    return message


async def _delivered(engine: AsyncEngine, message_id: int) -> bool:
    return (await _message(engine, message_id)).delivered_at is not None


async def test_no_session_is_idle_in_transaction_while_a_message_is_delivered(
    committed_db: tuple[str, AsyncEngine], receiver: Receiver, start_worker: WorkerFactory
) -> None:
    url, engine = committed_db
    receiver.delay = 3.0
    async with create_session_factory(engine)() as session, session.begin():
        slow = (await outbox_service.enqueue(session, "test.deliver", "slow", {"seq": 1})).id
    await engine.dispose()  # from here on, every `motcua` session of this database is the worker's
    probe = await asyncpg.connect(
        _asyncpg_dsn(url), server_settings={"application_name": "motcua-test-probe"}
    )
    try:
        worker = start_worker(url, slots=2)
        await wait_started([worker])
        await async_wait_until(lambda: receiver.in_flight["slow"] == 1, 30, "the slow delivery")
        polls: list[list[tuple[str, float]]] = []
        while receiver.in_flight["slow"] == 1:
            rows = await probe.fetch(
                """
                SELECT state, extract(epoch FROM clock_timestamp() - xact_start) AS xact_age
                FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'motcua'
                """
            )
            polls.append([(row["state"], float(row["xact_age"] or 0)) for row in rows])
            await asyncio.sleep(0.2)
        await async_wait_until(lambda: slow in receiver.applied, 10, "the delivery")
    finally:
        await probe.close()

    assert len(polls) >= 5, polls  # polled all along the 3-second delivery
    assert any(polls), polls  # the worker's sessions were seen (its pool keeps them open)...
    # ...and none sat idle in a transaction across the delivery. The claims of the other slot and
    # the scheduler's short transactions may be caught between two statements (milliseconds); a
    # transaction held over the delivery would be seen here for up to 3 s.
    held = [
        (state, age)
        for states in polls
        for state, age in states
        if state == "idle in transaction" and age > 1.0
    ]
    assert held == [], polls
    # the delivered mark commits just after the receiver answered: wait for it, never past 10 s
    await async_wait_until(
        lambda: _delivered(engine, slow), 10, "the delivered mark of the slow message"
    )
    assert (await _message(engine, slow)).delivered_at is not None
    assert worker.terminate() == 0


async def test_a_completion_commits_with_the_mark_and_a_lost_lease_rolls_it_back(
    committed_db: tuple[str, AsyncEngine], receiver: Receiver, start_worker: WorkerFactory
) -> None:
    url, engine = committed_db
    factory = create_session_factory(engine)
    async with engine.begin() as conn:
        await conn.execute(
            text("CREATE TABLE test_completions (message_id bigint NOT NULL, attempt int NOT NULL)")
        )
    async with factory() as session, session.begin():
        failing_once = (
            await outbox_service.enqueue(
                session, "test.complete", "complete-a", {"fail_completion_on_attempt": 1}
            )
        ).id

    async def completions(message_id: int) -> list[int]:
        async with engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT attempt FROM test_completions WHERE message_id = :id"),
                {"id": message_id},
            )
            return [row.attempt for row in rows]

    async def delivered(message_id: int) -> bool:
        return (await _message(engine, message_id)).delivered_at is not None

    worker = start_worker(url, MOTCUA_OUTBOX_BACKOFF_BASE_SECONDS="0.2")
    await wait_started([worker])

    # a completion that fails after its write: neither its write nor the mark is committed; retried
    await async_wait_until(lambda: delivered(failing_once), 30, "the retried delivery")
    assert await completions(failing_once) == [2]  # attempt 1's write rolled back with its failure
    message = await _message(engine, failing_once)
    assert message.attempts == 2
    assert "the completion failed after its write" in (message.last_error or "")
    assert len(receiver.requests_for(failing_once)) == 2

    # the lease is lost during the delivery (it expired and another claim took it)
    receiver.hold.add("complete-b")
    async with factory() as session, session.begin():
        stolen = (await outbox_service.enqueue(session, "test.complete", "complete-b", {})).id
    await async_wait_until(receiver.held.is_set, 30, "the delivery in flight")
    async with engine.begin() as conn:
        taken = await conn.execute(
            text(
                "UPDATE outbox_messages SET claim_token = gen_random_uuid(), "
                "locked_until = clock_timestamp() WHERE id = :id AND claim_token IS NOT NULL"
            ),
            {"id": stolen},
        )
    assert getattr(taken, "rowcount", 0) == 1  # the worker held it under a lease
    receiver.release.set()  # the answer arrives; the mark finds the lease gone

    await async_wait_until(lambda: delivered(stolen), 30, "the delivery again")
    assert len(receiver.requests_for(stolen)) == 2  # delivered again after the lost lease...
    assert await completions(stolen) == [1]  # ...its completion committed once, with the mark
    message = await _message(engine, stolen)
    assert message.attempts == 1  # a lost lease records nothing
    assert message.locked_until is None
    assert message.claim_token is None
    assert '"outbox_lease_lost"' in worker.log()
    assert receiver.violations == []
    assert worker.terminate() == 0
