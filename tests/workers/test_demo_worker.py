"""Demo mode: with MOTCUA_WORKER_IN_PROCESS the API process delivers the outbox itself."""

from __future__ import annotations

import os

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_session_factory
from app.main import create_app
from app.services.system import outbox as outbox_service
from tests.conftest import make_settings
from tests.workers.conftest import Receiver, async_wait_until

pytestmark = pytest.mark.committed


async def test_serve_runs_the_worker_in_process(
    committed_db: tuple[str, AsyncEngine], receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, engine = committed_db
    monkeypatch.setitem(os.environ, "MOTCUA_TEST_RECEIVER_URL", receiver.url)
    settings = make_settings(
        url,
        worker_in_process=True,
        worker_poll_seconds=0.05,
        worker_plugins=["tests.workers.plugins"],
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        async with create_session_factory(engine)() as session, session.begin():
            message = await outbox_service.enqueue(session, "test.deliver", "demo", {"seq": 1})
        await async_wait_until(lambda: message.id in receiver.applied, 20, "in-process delivery")
    # the lifespan stopped the worker cleanly: nothing is left running against the database
    assert receiver.violations == []
