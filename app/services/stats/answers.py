"""Statistics answers remembered per process while the numbers behind them have not moved (issue 17:
fast at province scale).

A leaders' dashboard, the report page and an agency's screen ask the same few questions again and
again (the year's indicators, the months of the year by agency); between two lifecycle actions the
rollups do not change, so neither does the answer. An answer is kept under its question (what,
period, judged day, the caller's resolved scope, unit) *and* the rollups' version:

* the newest ``stats_daily`` row id — every fold, compaction and rebuild inserts rows with new ids;
* the number of frozen month rows and the last frozen month — a freeze adds snapshots.

A new version is a new key, so an answer is never served after the rollups it was computed from
changed and became visible. Two bounds cover what the version cannot see: a fold that commits after a
later one (its lower ids arrive under an unchanged newest id) and the catalog (indicator 3.1 reads
which procedures are offered online). An answer is kept at most ``MOTCUA_STATS_ANSWER_SECONDS``
(default 10 s; 0 turns the memory off) — no longer than the outbox worker already takes to fold an
action into the rollups. Identical questions asked at once are computed once (single flight).
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.stats import StatsDaily, StatsMonthSnapshot

T = TypeVar("T")

_VERSION = select(
    select(func.max(StatsDaily.id)).scalar_subquery(),
    select(func.count(StatsMonthSnapshot.id)).scalar_subquery(),
    select(func.max(StatsMonthSnapshot.month)).scalar_subquery(),
)


async def version(session: AsyncSession) -> tuple[Any, ...]:
    """The rollups' version: newest daily row, frozen rows, last frozen month (one round trip)."""
    row = (await session.execute(_VERSION)).one()
    return tuple(row)


class Answers:
    """Answers by question and version, at most ``seconds`` old, the ``entries`` most recent kept."""

    def __init__(self, seconds: float, entries: int = 256) -> None:
        self.seconds = seconds
        self.entries = entries
        self._kept: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._pending: dict[Hashable, asyncio.Future[Any]] = {}

    async def get(
        self, session: AsyncSession, question: Hashable, compute: Callable[[], Awaitable[T]]
    ) -> T:
        if self.seconds <= 0:
            return await compute()
        key = (question, await version(session))
        now = time.monotonic()
        kept = self._kept.get(key)
        if kept is not None and kept[0] > now:
            self._kept.move_to_end(key)
            answer: T = kept[1]
            return answer
        pending = self._pending.get(key)
        if pending is not None:
            await asyncio.wait([pending])
            if not pending.cancelled() and pending.exception() is None:
                shared: T = pending.result()
                return shared
            # the one computing it failed or went away: compute it (and remember it) ourselves
            return await self.get(session, question, compute)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        try:
            computed = await compute()
        except BaseException as exc:
            if isinstance(exc, Exception):
                future.set_exception(exc)
                future.exception()  # retrieved: a failure nobody waited for is not logged
            else:
                future.cancel()
            raise
        finally:
            self._pending.pop(key, None)
        future.set_result(computed)
        self._kept[key] = (time.monotonic() + self.seconds, computed)
        self._kept.move_to_end(key)
        while len(self._kept) > self.entries:
            self._kept.popitem(last=False)
        return computed
