"""enqueue() serialises transactions per ordering key until commit, so id order is commit order."""

from __future__ import annotations

import asyncio

import pytest
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
