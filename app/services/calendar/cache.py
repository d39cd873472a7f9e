"""The calendar's overrides kept per process, told of every change by PostgreSQL (LISTEN/NOTIFY).

Every lifecycle action computes with the working calendar, so reading its overrides is one round
trip on every write path (a payment callback's included). The API process keeps them instead, and
stays exact: a transaction that changes an override also sends ``NOTIFY`` on :data:`CHANNEL`
(delivered when it commits, ``overrides.notify_changed``), and a connection of the process's own
listens to it and forgets what it kept. A request in the instant between that commit and the
notice computes as it would had it read just before the commit. While the listening connection is
down nothing is kept (every action reads, as before), and what is kept is read again after
``max_age_seconds`` whatever happens (a change made by hand in SQL, a notice lost with its
connection).

Only the sessions of the process's write factory carry a cache (``Session.info[INFO_KEY]``); a
session without one (the workers, scripts, tests that build their own) reads every time.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
from dataclasses import dataclass, field

import asyncpg

from app.services.calendar.working_time import CalendarOverrides

log = logging.getLogger(__name__)

CHANNEL = "motcua_calendar"
INFO_KEY = "calendar.overrides_cache"
RETRY_SECONDS = 5.0


@dataclass
class OverridesCache:
    """What one process keeps of the overrides (see the module)."""

    max_age_seconds: float = 60.0
    _value: CalendarOverrides | None = None
    _read_at: float = 0.0
    _generation: int = 0
    _listening: bool = False
    notices: int = field(default=0, compare=False)  # how many changes were heard (for tests, logs)

    def get(self) -> CalendarOverrides | None:
        """The overrides kept, if they may be used now."""
        if not self._listening or self._value is None:
            return None
        if time.monotonic() - self._read_at > self.max_age_seconds:
            return None
        return self._value

    def generation(self) -> int:
        """Taken before a read and handed to :meth:`put`: a change heard in between voids it."""
        return self._generation

    def put(self, overrides: CalendarOverrides, generation: int, read_at: float) -> None:
        """Keep ``overrides`` read since ``generation`` began, unless a change was heard meanwhile
        (the read may have seen the state before it)."""
        if self._listening and generation == self._generation:
            self._value, self._read_at = overrides, read_at

    def forget(self) -> None:
        self._generation += 1
        self._value = None

    def forget_after_commit(self, *_: object) -> None:
        """A session's ``after_commit`` hook in the process that changed an override."""
        self.forget()

    def heard(self, *_: object) -> None:
        """asyncpg's listener callback: an override changed (committed)."""
        self.notices += 1
        self.forget()

    def listening(self, on: bool) -> None:
        """Whether changes can be heard now; either way what was kept is forgotten (a change may
        have gone unheard while the connection was down)."""
        self._listening = on
        self.forget()


def _set(event: asyncio.Event, *_: object) -> None:
    event.set()


async def listen(cache: OverridesCache, dsn: str, stop: asyncio.Event) -> None:
    """Hold a connection that LISTENs on :data:`CHANNEL` until ``stop``; reconnect when it drops."""
    while not stop.is_set():
        lost = asyncio.Event()
        connection: asyncpg.Connection | None = None
        try:
            connection = await asyncpg.connect(
                dsn, server_settings={"application_name": "motcua-calendar-listener"}
            )
            connection.add_termination_listener(functools.partial(_set, lost))
            await connection.add_listener(CHANNEL, cache.heard)
            cache.listening(True)
            waits = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(lost.wait())]
            try:
                await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for wait in waits:
                    wait.cancel()
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            log.warning("calendar_listener_down", extra={"error": type(exc).__name__})
        finally:
            cache.listening(False)
            if connection is not None:
                with contextlib.suppress(Exception):
                    await connection.close(timeout=5)
        if not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), RETRY_SECONDS)
