"""Acceptance 5: a periodic job every second, three workers, ten seconds: about ten runs, never two in
one period; last run and outcome recorded."""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_session_factory
from app.models.outbox import PeriodicJobState
from tests.workers.conftest import Receiver, WorkerFactory, terminate_all, wait_started

pytestmark = pytest.mark.committed

WINDOW = 10.0


async def test_one_second_job_runs_once_per_period_across_three_workers(
    committed_db: tuple[str, AsyncEngine], receiver: Receiver, start_worker: WorkerFactory
) -> None:
    url, engine = committed_db
    workers = [start_worker(url, slots=1, MOTCUA_TEST_TICK="1") for _ in range(3)]
    await wait_started(workers)
    window_start = time.time()
    await asyncio.sleep(WINDOW)
    window_end = time.time()
    assert terminate_all(workers) == [0, 0, 0]

    periods = [tick["period"] for tick in receiver.ticks]
    duplicates = [period for period, n in Counter(periods).items() if n > 1]
    assert duplicates == []  # never twice in one period
    inside = [p for p in periods if window_start <= p + 1 and p < window_end]
    # about ten in ten seconds (a period may be skipped, never repeated, if every worker is starved)
    assert 8 <= len(inside) <= 11, sorted(periods)
    assert all(p == int(p) for p in periods)  # periods are whole seconds (epoch-aligned)

    async with create_session_factory(engine)() as session:
        state = await session.scalar(
            select(PeriodicJobState).where(PeriodicJobState.name == "test.tick")
        )
        throttle = await session.scalar(
            select(PeriodicJobState).where(PeriodicJobState.name == "throttle.purge_expired")
        )
    assert state is not None
    assert state.run_count == len(periods)
    assert state.last_outcome == "ok"
    assert state.last_started_at is not None
    assert state.last_finished_at is not None
    assert throttle is not None  # the built-in job is registered with its schedule
    assert throttle.schedule == "every 3600s"
