"""Closed months frozen as snapshots (issue 17): when a month closes, its summed rollups — and its open
dossiers as they stood at its end — are copied into ``stats_month_snapshots`` and read from there ever
after, so later corrections, rebuilds or rule changes never rewrite a month already reported.

Months are frozen in order: every month up to the latest frozen one is frozen (an empty month leaves
no rows but counts as frozen).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.stats import COUNTERS, StatsDaily, StatsMonthSnapshot
from app.services.stats.facts import local_day

CUMULATIVE = ("open_delta", "open_late_delta")


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


async def last_frozen(session: AsyncSession) -> date | None:
    found: date | None = await session.scalar(select(func.max(StatsMonthSnapshot.month)))
    return found


async def freeze_closed(session: AsyncSession, now: datetime) -> list[date]:
    """Freeze every closed month (before the current Vietnam month) not frozen yet."""
    current = month_start(local_day(now))
    frozen = await last_frozen(session)
    first_day: date | None = await session.scalar(select(func.min(StatsDaily.day)))
    if first_day is None:
        return []
    month = next_month(frozen) if frozen else month_start(first_day)
    done: list[date] = []
    dims = (
        StatsDaily.agency_code,
        StatsDaily.unit_code,
        StatsDaily.procedure_id,
        StatsDaily.channel,
    )
    while month < current:
        end = next_month(month)
        columns = [
            func.sum(getattr(StatsDaily, c)).filter(StatsDaily.day >= month).label(c)
            if c not in CUMULATIVE
            else func.sum(getattr(StatsDaily, c)).label(c)
            for c in COUNTERS
        ]
        rows = (
            await session.execute(
                select(*dims, *columns).where(StatsDaily.day < end).group_by(*dims)
            )
        ).all()
        values = [
            {
                "month": month,
                "agency_code": r.agency_code,
                "unit_code": r.unit_code,
                "procedure_id": r.procedure_id,
                "channel": r.channel,
                "frozen_at": now.astimezone(UTC),
                **{c: int(getattr(r, c) or 0) for c in COUNTERS},
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
        session.add_all(StatsMonthSnapshot(**v) for v in values)
        await session.flush()
        done.append(month)
        month = end
    return done
