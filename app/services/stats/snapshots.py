"""Closed months frozen as snapshots (issue 17): when a month closes, its summed rollups — and its open
dossiers as they stood at its end — are copied into ``stats_month_snapshots`` and read from there ever
after, so later corrections, rebuilds or rule changes never rewrite a month already reported.

Months are frozen in order: every month up to the latest frozen one is frozen (an empty month leaves
no rows but counts as frozen). A month's snapshot is what ``sums.sums`` answers for it just before it
freezes — the previous month's snapshot plus the month's daily rows — so no number changes when a
month freezes, and freezing reads one month of rows, not the history. The worker's
``stats.freeze_months`` job freezes the closed months every night (``worker.JOBS``), so a period of the
running month reads at most the daily rows since the last frozen month.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.stats import COUNTERS, StatsDaily, StatsMonthSnapshot
from app.services.stats.facts import local_day
from app.services.stats.sums import DIMENSIONS, last_frozen, month_start, next_month, sums


async def freeze_closed(session: AsyncSession, now: datetime) -> list[date]:
    """Freeze every closed month (before the current Vietnam month) not frozen yet.

    The lock (SHARE ROW EXCLUSIVE on the daily rows) waits for the folds under way and holds new ones
    back until the snapshot commits: a fold reads the last frozen month under its own lock, so it
    never books a delta into a month frozen without it (``sums.carry``); two freezes run one after
    the other."""
    await session.execute(text("LOCK TABLE stats_daily IN SHARE ROW EXCLUSIVE MODE"))
    current = month_start(local_day(now))
    frozen = await last_frozen(session)
    first_day: date | None = await session.scalar(select(func.min(StatsDaily.day)))
    if first_day is None:
        return []
    month = next_month(frozen) if frozen else month_start(first_day)
    done: list[date] = []
    while month < current:
        end = next_month(month)
        rows = await sums(session, month, end - timedelta(days=1), None, None, DIMENSIONS)
        values = [
            {
                **{d: getattr(r, d) for d in DIMENSIONS},
                "month": month,
                "frozen_at": now.astimezone(UTC),
                **{c: int(getattr(r, c)) for c in COUNTERS},
            }
            for r in rows
            if any(getattr(r, c) for c in COUNTERS)
        ]
        if not values:  # an empty month still counts as frozen
            values = [
                {
                    "month": month,
                    "agency_code": "",
                    "unit_code": "",
                    "procedure_id": 0,
                    "channel": "",
                    "frozen_at": now.astimezone(UTC),
                    **dict.fromkeys(COUNTERS, 0),
                }
            ]
        await session.execute(insert(StatsMonthSnapshot), values)
        done.append(month)
        month = end
    return done
