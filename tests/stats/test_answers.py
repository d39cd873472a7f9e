"""Statistics answers remembered while the rollups have not moved (``stats.answers``): served again
for the same question and version, computed again when a rollup row arrives, a snapshot is frozen,
the time bound passes or the memory is off; identical questions asked at once are computed once."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.models.stats import StatsDaily, StatsMonthSnapshot
from app.services.stats.answers import Answers
from tests.dossiers.conftest import COMMUNE


class Counted:
    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self) -> int:
        self.calls += 1
        return self.calls


def _daily(day: date) -> StatsDaily:
    return StatsDaily(day=day, agency_code=COMMUNE, unit_code="", procedure_id=1, channel="desk")


async def test_an_answer_is_served_again_until_the_rollups_move(session: AsyncSession) -> None:
    answers, compute = Answers(60), Counted()
    assert await answers.get(session, "q", compute) == 1
    assert await answers.get(session, "q", compute) == 1  # same question, same version
    assert await answers.get(session, "other", compute) == 2  # another question
    session.add(_daily(date(2026, 11, 3)))  # a fold: a new daily row
    await session.flush()
    assert await answers.get(session, "q", compute) == 3
    assert await answers.get(session, "q", compute) == 3
    session.add(StatsMonthSnapshot(month=date(2026, 10, 1), agency_code=COMMUNE, procedure_id=1,
                                   channel="desk", unit_code="", frozen_at=datetime.now(UTC)))  # fmt: skip
    await session.flush()  # a freeze: a new snapshot
    assert await answers.get(session, "q", compute) == 4


async def test_the_time_bound_and_the_switch(session: AsyncSession) -> None:
    off, compute = Answers(0), Counted()
    assert [await off.get(session, "q", compute) for _ in range(3)] == [1, 2, 3]
    brief, compute = Answers(0.05), Counted()
    assert await brief.get(session, "q", compute) == 1
    await asyncio.sleep(0.1)
    assert await brief.get(session, "q", compute) == 2


async def test_the_oldest_answers_make_room(session: AsyncSession) -> None:
    answers, compute = Answers(60, entries=2), Counted()
    for question in ("a", "b", "c"):
        await answers.get(session, question, compute)
    assert await answers.get(session, "c", compute) == 3
    assert await answers.get(session, "a", compute) == 4  # made room for "c"


async def test_identical_questions_at_once_are_computed_once(engine: AsyncEngine) -> None:
    factory = async_sessionmaker(engine, expire_on_commit=False)
    answers, started, release = Answers(60), asyncio.Event(), asyncio.Event()
    calls = 0

    async def slow() -> str:
        nonlocal calls
        calls += 1
        started.set()
        await release.wait()
        return "answer"

    async def ask() -> str:
        async with factory() as session:
            return await answers.get(session, "year", slow)

    first = asyncio.create_task(ask())
    await started.wait()
    others = [asyncio.create_task(ask()) for _ in range(5)]
    await asyncio.sleep(0.05)  # they wait for the first
    release.set()
    assert await asyncio.gather(first, *others) == ["answer"] * 6
    assert calls == 1


async def test_a_failure_is_not_remembered_and_waiters_ask_again(engine: AsyncEngine) -> None:
    factory = async_sessionmaker(engine, expire_on_commit=False)
    answers, started, release = Answers(60), asyncio.Event(), asyncio.Event()
    calls = 0

    async def failing_once() -> str:
        nonlocal calls
        calls += 1
        if calls == 1:
            started.set()
            await release.wait()
            raise RuntimeError("database went away")
        return "answer"

    async def ask() -> str:
        async with factory() as session:
            return await answers.get(session, "year", failing_once)

    first = asyncio.create_task(ask())
    await started.wait()
    waiter = asyncio.create_task(ask())
    await asyncio.sleep(0.05)
    release.set()
    results = await asyncio.gather(first, waiter, return_exceptions=True)
    assert isinstance(results[0], RuntimeError) and results[1] == "answer"
    async with factory() as session:
        assert await answers.get(session, "year", failing_once) == "answer"
    assert calls == 2
