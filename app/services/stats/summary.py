"""Counts by status, channel, agency and unit for a period (``GET /api/v1/stats/summary``), and the
breakdowns the report page draws — all from the daily rollups (issue 17)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.catalog import Agency
from app.models.procedure import Procedure
from app.models.stats import StatsDaily
from app.services.stats.indicators import _filters
from app.services.stats.periods import Period

Dimension = Literal["agency", "unit", "channel", "procedure"]
_COLUMNS = {
    "agency": StatsDaily.agency_code,
    "unit": StatsDaily.unit_code,
    "channel": StatsDaily.channel,
    "procedure": StatsDaily.procedure_id,
}
STATUS_COUNTERS = (
    "submitted",
    "rejected",
    "received",
    "ended",
    "ended_on_time",
    "ended_early",
    "ended_resolved",
    "ended_stopped",
    "ended_refused",
    "ended_withdrawn",
    "ended_paused",
)


@dataclass(frozen=True)
class Bucket:
    key: str
    name: str
    received: int
    received_online: int
    ended: int
    ended_on_time: int
    late: int  # ended late in the period + open past due at its end


async def breakdown(
    session: AsyncSession,
    period: Period,
    judged_at: date,
    agencies: set[str] | None,
    unit: str | None,
    by: Dimension,
) -> list[Bucket]:
    """Per value of ``by``: the flows of the period and the dossiers late at its end."""
    column = _COLUMNS[by]
    in_period = StatsDaily.day >= period.start
    rows = (
        await session.execute(
            select(
                column,
                func.sum(StatsDaily.received).filter(in_period),
                func.sum(StatsDaily.received_online).filter(in_period),
                func.sum(StatsDaily.ended).filter(in_period),
                func.sum(StatsDaily.ended_on_time).filter(in_period),
                func.sum(StatsDaily.open_late_delta),
            )
            .where(StatsDaily.day <= judged_at, *_filters(StatsDaily, agencies, unit))
            .group_by(column)
        )
    ).all()
    names = await _names(session, by, [r[0] for r in rows])
    buckets = [
        Bucket(
            key=str(r[0]),
            name=names.get(str(r[0]), str(r[0])),
            received=int(r[1] or 0),
            received_online=int(r[2] or 0),
            ended=int(r[3] or 0),
            ended_on_time=int(r[4] or 0),
            late=int(r[3] or 0) - int(r[4] or 0) + int(r[5] or 0),
        )
        for r in rows
    ]
    return sorted(
        (b for b in buckets if b.received or b.ended or b.late), key=lambda b: (-b.late, b.key)
    )


async def _names(session: AsyncSession, by: Dimension, keys: list[object]) -> dict[str, str]:
    if by == "agency":
        rows = await session.execute(
            select(Agency.code, Agency.name).where(Agency.code.in_([str(k) for k in keys]))
        )
        return {code: name for code, name in rows}
    if by == "procedure":
        rows2 = await session.execute(
            select(Procedure.id, Procedure.code, Procedure.name).where(
                Procedure.id.in_([int(str(k)) for k in keys])
            )
        )
        return {str(i): f"{code} — {name}" for i, code, name in rows2}
    return {}
