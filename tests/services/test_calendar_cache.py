"""The API keeps the calendar's overrides and stays exact (app/services/calendar/cache.py): the
writer's next action computes with its change at once, another process's change arrives by
PostgreSQL's notice, and nothing is kept while the listening connection is down."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from fastapi import FastAPI
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_engine, create_session_factory
from app.main import create_app
from app.models.calendar import OverrideKind
from app.services.calendar import cache as calendar_cache
from app.services.calendar import overrides
from app.services.calendar.cache import OverridesCache
from app.services.calendar.working_time import CalendarOverrides
from tests.conftest import make_settings

pytestmark = pytest.mark.committed

DAY = date(2027, 3, 15)  # a Monday, worked
OTHER = date(2027, 3, 16)


async def _until(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("not reached in time")


class Reads:
    """Counts the calendar's reads on the app's engine."""

    def __init__(self, app: FastAPI) -> None:
        self.count = 0
        event.listen(app.state.engine.sync_engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "FROM calendar_overrides" in statement:
            self.count += 1


async def _works(app: FastAPI, day: date) -> bool:
    async with app.state.session_factory() as session:
        calendar = await overrides.load_calendar(session, app.state.settings)
        return calendar.is_working_day(day)


async def test_kept_between_actions_and_exact_after_any_change(
    clone_database: Callable[[], str],
    pg_dsn_of: Callable[[str], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(calendar_cache, "RETRY_SECONDS", 0.2)
    url = clone_database()
    app = create_app(make_settings(url, data_dir=tmp_path))
    async with app.router.lifespan_context(app):
        cache: OverridesCache = app.state.calendar_cache
        await _until(lambda: cache._listening)
        reads = Reads(app)
        assert await _works(app, DAY) and await _works(app, DAY)
        assert reads.count == 1  # the second action used what the first read

        # this process changes an override: its next action computes with it, no waiting
        async with app.state.session_factory() as session:
            await overrides.set_override(
                session, app.state.settings, DAY, OverrideKind.day_off, "Nghỉ bù", None
            )
            await session.commit()
        assert not await _works(app, DAY)

        # another process changes one: its notice arrives, and the next action reads again
        heard = cache.notices
        other = await asyncpg.connect(pg_dsn_of(url))
        try:
            async with other.transaction():
                await other.execute(
                    "INSERT INTO calendar_overrides (day, kind, reason, created_at) "
                    "VALUES ($1, 'day_off', 'Nghỉ', now())",
                    OTHER,
                )
                await other.execute("SELECT pg_notify($1, '')", calendar_cache.CHANNEL)
            await _until(lambda: cache.notices > heard)
            assert not await _works(app, OTHER)

            # the listening connection drops: nothing is kept until it is back
            before = reads.count
            await other.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'motcua-calendar-listener'"
            )
            await _until(lambda: not cache._listening)
            assert not await _works(app, OTHER) and not await _works(app, OTHER)
            assert reads.count == before + 2
            await other.execute("DELETE FROM calendar_overrides WHERE day = $1", OTHER)  # unheard
            await _until(lambda: cache._listening)
            assert await _works(app, OTHER)  # read again once listening: nothing stale kept
        finally:
            await other.close()
    assert app.state.calendar_cache._listening is False  # the listener stopped with the app


def test_a_read_that_began_before_a_change_is_not_kept_and_age_bounds_the_rest() -> None:
    cache = OverridesCache(max_age_seconds=0.05)
    empty = CalendarOverrides()
    cache.put(empty, cache.generation(), read_at=time.monotonic())
    assert cache.get() is None  # not listening: nothing kept
    cache.listening(True)
    generation = cache.generation()
    cache.heard()  # a change committed while the read was under way
    cache.put(empty, generation, read_at=time.monotonic())
    assert cache.get() is None
    cache.put(empty, cache.generation(), read_at=time.monotonic())
    assert cache.get() is empty
    time.sleep(0.06)
    assert cache.get() is None  # too old: read again


async def test_off_when_asked(clone_database: Callable[[], str], tmp_path: Path) -> None:
    """``MOTCUA_CALENDAR_CACHE_SECONDS=0``: no listener, every action reads the overrides."""
    app = create_app(make_settings(clone_database(), data_dir=tmp_path, calendar_cache_seconds=0))
    async with app.router.lifespan_context(app):
        await asyncio.sleep(0.3)
        assert not app.state.calendar_cache._listening
        reads = Reads(app)
        assert await _works(app, DAY) and await _works(app, DAY)
        assert reads.count == 2


async def test_the_writer_forgets_at_its_commit_not_before(
    clone_database: Callable[[], str],
) -> None:
    """No listener here: only the writer's own commit can make the cache forget."""
    url = clone_database()
    engine = create_engine(url, make_settings(url))
    try:
        await _writer_forgets(url, engine)
    finally:
        await engine.dispose()


async def _writer_forgets(url: str, engine: AsyncEngine) -> None:
    cache = OverridesCache()
    cache.listening(True)
    factory = create_session_factory(engine, info={calendar_cache.INFO_KEY: cache})
    settings = make_settings(url)
    async with factory() as session:
        await overrides.load_calendar(session, settings)
    kept = cache.get()
    assert kept is not None and DAY not in kept.days_off
    async with factory() as session:
        await overrides.set_override(session, settings, DAY, OverrideKind.day_off, "Nghỉ", None)
        assert cache.get() is kept  # not committed yet: what others compute with is unchanged
        await session.commit()
    assert cache.get() is None
    async with factory() as session:
        assert not (await overrides.load_calendar(session, settings)).is_working_day(DAY)
    async with factory() as session:  # a rolled-back change forgets nothing
        await overrides.delete_override(session, DAY)
        await session.rollback()
    assert cache.get() is not None
