"""Counts by status, channel, agency and unit for a period (``GET /api/v1/stats/summary``), and the
breakdowns the report page draws — all from the daily rollups (issue 17)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.catalog import Agency
from app.models.procedure import Procedure
from app.services.stats import sums as stats_sums
from app.services.stats.periods import Period

Dimension = Literal["agency", "unit", "channel", "procedure"]
_COLUMNS = {
    "agency": "agency_code",
    "unit": "unit_code",
    "channel": "channel",
    "procedure": "procedure_id",
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
    """Per value of ``by``: the flows of the period and the dossiers late at its end (``sums``)."""
    rows = await _rows(session, period, judged_at, agencies, unit, by)
    return _buckets(rows, await _names(session, by, [r[0] for r in rows]))


async def _rows(
    session: AsyncSession,
    period: Period,
    judged_at: date,
    agencies: set[str] | None,
    unit: str | None,
    by: Dimension,
) -> list[Any]:
    return list(
        await stats_sums.sums(session, period.start, judged_at, agencies, unit, by=(_COLUMNS[by],))
    )


def _buckets(rows: list[Any], names: dict[str, str]) -> list[Bucket]:
    buckets = [
        Bucket(
            key=str(r[0]),
            name=names.get(str(r[0]), str(r[0])),
            received=int(r.received),
            received_online=int(r.received_online),
            ended=int(r.ended),
            ended_on_time=int(r.ended_on_time),
            late=int(r.ended) - int(r.ended_on_time) + int(r.open_late_delta),
        )
        for r in rows
    ]
    return sorted(
        (b for b in buckets if b.received or b.ended or b.late), key=lambda b: (-b.late, b.key)
    )


@dataclass(frozen=True)
class Summary:
    """``GET /api/v1/stats/summary``: the period's counts and its breakdowns by channel, agency and
    unit."""

    counts: dict[str, int]
    by: dict[str, list[Bucket]]


async def summarize(
    session: AsyncSession,
    period: Period,
    judged_at: date,
    agencies: set[str] | None,
    unit: str | None,
) -> Summary:
    counts = await stats_sums.totals(session, period.start, judged_at, agencies, unit)
    shown = {
        **{c: counts[c] for c in STATUS_COUNTERS},
        "received_online": counts["received_online"],
        "received_postal": counts["received_postal"],
        "open": counts["open_delta"],
        "open_late": counts["open_late_delta"],
    }
    dimensions: tuple[Dimension, ...] = ("channel", "agency", "unit")
    return Summary(
        shown,
        {
            dim: await breakdown(session, period, judged_at, agencies, unit, dim)
            for dim in dimensions
        },
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


def months_of(period: Period) -> list[Period]:
    """The calendar months of ``period`` (one for a month, three for a quarter, twelve for a year)."""
    months, first = [], period.start
    while first <= period.end:
        following = stats_sums.next_month(first)
        months.append(Period(f"{first:%Y-%m}", first, following - timedelta(days=1)))
        first = following
    return months


@dataclass(frozen=True)
class GridRow:
    """One value of the grid's dimension (an agency, a unit...) and its bucket in every month of the
    period (months with nothing are zero buckets)."""

    key: str
    name: str
    cells: list[Bucket]


async def grid(
    session: AsyncSession,
    period: Period,
    today: date,
    agencies: set[str] | None,
    unit: str | None,
    by: Dimension,
) -> tuple[list[Period], list[GridRow]]:
    """``by`` × month over ``period`` (``GET /api/v1/stats/grid``): each month's ``breakdown``, judged
    at its own end (or today for the running month), in one answer; the names read once. Rows with
    the most late dossiers over the period first; months to come are empty."""
    months = months_of(period)
    rows = [
        await _rows(session, m, m.judged_at(today), agencies, unit, by) if m.start <= today else []
        for m in months
    ]
    names = await _names(session, by, list({r[0] for found in rows for r in found}))
    per_month = [{b.key: b for b in _buckets(found, names)} for found in rows]
    keys = sorted({key for found in per_month for key in found})
    grid_rows = []
    for key in keys:
        name = names.get(key, key)
        empty = Bucket(key, name, 0, 0, 0, 0, 0)
        grid_rows.append(GridRow(key, name, [found.get(key, empty) for found in per_month]))
    grid_rows.sort(key=lambda r: (-sum(c.late for c in r.cells), r.key))
    return months, grid_rows
