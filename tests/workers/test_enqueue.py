"""enqueue() serialises transactions per ordering key until commit, so id order is commit order."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_session_factory
from app.services.system import outbox as outbox_service

pytestmark = pytest.mark.committed


async def test_second_transaction_on_a_key_waits_for_the_first_to_commit(
    committed_db: tuple[str, AsyncEngine],
) -> None:
    _, engine = committed_db
    factory = create_session_factory(engine)
    async with factory() as first:
        earlier = await outbox_service.enqueue(first, "t", "dossier-1", {"n": 1})

        async def second_enqueue(key: str) -> int:
            async with factory() as second, second.begin():
                return (await outbox_service.enqueue(second, "t", key, {"n": 2})).id

        same_key = asyncio.create_task(second_enqueue("dossier-1"))
        other_key = await asyncio.wait_for(second_enqueue("dossier-2"), 10)  # not held back
        await asyncio.sleep(0.3)
        assert not same_key.done()  # waits for the first transaction on its key
        await first.commit()
        later = await asyncio.wait_for(same_key, 10)
    assert earlier.id < other_key < later


async def test_enqueue_all_takes_every_lock_before_its_rows_and_keeps_their_order(
    committed_db: tuple[str, AsyncEngine],
) -> None:
    """``enqueue_all`` is one statement: its rows (and their ids) come only once every key's lock is
    held, in the order given, with their payloads as sent."""
    _, engine = committed_db
    factory = create_session_factory(engine)
    payload = {"ref": {"kind": "dossier", "code": "HS-Ư-1"}, "n": [1, 2], "note": None}
    async with factory() as first:
        earlier = await outbox_service.enqueue(first, "t", "dossier-9", {"n": 1})

        async def enqueue_all() -> None:
            async with factory() as second, second.begin():
                await outbox_service.enqueue_all(
                    second,
                    [
                        ("a", "dossier-8", payload),  # free: its lock is taken at once
                        ("b", "dossier-9", {"n": 2}),  # held by the first transaction
                        ("c", "dossier-9", {"n": 3}),
                    ],
                )

        waiting = asyncio.create_task(enqueue_all())
        await asyncio.sleep(0.3)
        assert not waiting.done()
        async with factory() as observer:  # nothing of the waiting statement exists yet
            rows = await observer.execute(text("SELECT count(*) FROM outbox_messages"))
            assert rows.scalar_one() == 0
        # the first transaction draws an id after the waiting one began: had the waiting statement
        # drawn its ids before its locks, a later commit would hold an earlier id
        again = await outbox_service.enqueue(first, "t", "dossier-9", {"n": 1.5})
        await first.commit()
        await asyncio.wait_for(waiting, 10)
    async with factory() as observer:
        rows = (
            await observer.execute(
                text(
                    "SELECT id, topic, ordering_key, payload, attempts FROM outbox_messages ORDER BY id"
                )
            )
        ).all()
    assert [(r.topic, r.ordering_key) for r in rows] == [
        ("t", "dossier-9"),
        ("t", "dossier-9"),
        ("a", "dossier-8"),
        ("b", "dossier-9"),
        ("c", "dossier-9"),
    ]
    assert (rows[0].id, rows[1].id) == (earlier.id, again.id)
    assert rows[2].payload == payload and rows[3].payload == {"n": 2}
    assert {r.attempts for r in rows} == {0}
