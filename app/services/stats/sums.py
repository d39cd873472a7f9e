"""The summed counters of a period, at a cost bounded by the period whatever the history (issue 17).

Two kinds of counters (``models.stats.COUNTERS``): *flows* (received, ended, …) count what happened
on a day; the *open* counters (``open_delta``, ``open_late_delta``) are cumulative: the dossiers open
at the end of a day are the sum of every delta up to that day. Summing every daily row since the first
day would make a period of the running month read all history, so closed months are frozen
(``snapshots``) and a period ``[start, judged_at]`` is read from a *base* month ``B`` — the last frozen
month that ends by ``judged_at``:

* flows: the snapshots of the period's months up to ``B``, plus the daily rows after ``B`` up to
  ``judged_at``;
* open counters at ``judged_at``: ``B``'s snapshot (its open dossiers at its end) plus the daily rows
  after ``B`` up to ``judged_at``.

So a period reads its frozen months' snapshot rows and at most the daily rows since the last frozen
month (about one month once ``stats.freeze_months`` has run). Without a frozen month, everything comes
from the daily rows.

The booking rule that keeps this exact (``carry``): a change of an open counter dated in a frozen month
(a dossier judged at its supplement request in October is supplemented in December, so it is open
again since October) is booked on the *first open day* — the day after the last frozen month — as an
accountant books a correction of a closed period in the open one. Every day after the frozen months
then still reads the true number of open dossiers, and the frozen months stay as reported. Flows keep
their own day: a frozen month's flows are read from its snapshot, never from those rows again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, case, func, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.stats import COUNTERS, StatsDaily, StatsMonthSnapshot
from app.services.stats.facts import Key

CUMULATIVE = ("open_delta", "open_late_delta")
# the dimensions of a rollup row, after its day or month
DIMENSIONS = ("agency_code", "unit_code", "procedure_id", "channel")


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


async def last_frozen(session: AsyncSession) -> date | None:
    """The latest frozen month (every month before it is frozen too)."""
    found: date | None = await session.scalar(select(func.max(StatsMonthSnapshot.month)))
    return found


def first_open_day(frozen: date | None) -> date | None:
    """The first day not in a frozen month (None: nothing is frozen)."""
    return None if frozen is None else next_month(frozen)


def carry(rows: dict[Key, dict[str, int]], frozen: date | None) -> dict[Key, dict[str, int]]:
    """The rows with their open counters dated in a frozen month booked on the first open day
    (module docstring); keys left all zero are dropped."""
    opened = first_open_day(frozen)
    if opened is None:
        return rows
    out: dict[Key, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))
    for key, counters in rows.items():
        for name, value in counters.items():
            moved = name in CUMULATIVE and key[0] < opened
            out[(opened, *key[1:]) if moved else key][name] += value
    return {key: counters for key, counters in out.items() if any(counters.values())}


def _filters(
    table: type[StatsDaily] | type[StatsMonthSnapshot], agencies: set[str] | None, unit: str | None
) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if agencies is not None:
        out.append(table.agency_code.in_(sorted(agencies)))
    if unit is not None:
        out.append(table.unit_code == unit)
    return out


def base_month(frozen: date | None, judged_at: date) -> date | None:
    """The last frozen month that ends by ``judged_at`` (module docstring)."""
    if frozen is None:
        return None
    ended = month_start(judged_at)
    if judged_at + timedelta(days=1) != next_month(ended):  # judged within its month
        ended = month_start(ended - timedelta(days=1))
    return min(frozen, ended)


async def sums(
    session: AsyncSession,
    start: date,
    judged_at: date,
    agencies: set[str] | None,
    unit: str | None,
    by: Sequence[str] = (),
) -> list[Row[Any]]:
    """Per value of the ``by`` dimensions (columns of the rollups): every counter summed over the
    flows of ``[start, judged_at]`` and the open counters at the end of ``judged_at``
    (module docstring). ``start`` is a month's first day."""
    base = base_month(await last_frozen(session), judged_at)
    parts = []
    if base is not None:
        s = StatsMonthSnapshot
        parts.append(
            select(
                *(getattr(s, d).label(d) for d in by),
                *(
                    case((s.month == base, getattr(s, c)), else_=0).label(c)
                    if c in CUMULATIVE
                    else case((s.month >= start, getattr(s, c)), else_=0).label(c)
                    for c in COUNTERS
                ),
            ).where(
                or_(s.month == base, s.month.between(start, base)),
                *_filters(s, agencies, unit),
            )
        )
    after = first_open_day(base)
    if after is None or after <= judged_at:
        d = StatsDaily
        window = [d.day <= judged_at] if after is None else [d.day.between(after, judged_at)]
        all_flows = after is not None and after >= start
        parts.append(
            select(
                *(getattr(d, name).label(name) for name in by),
                *(
                    getattr(d, c).label(c)
                    if c in CUMULATIVE or all_flows
                    else case((d.day >= start, getattr(d, c)), else_=0).label(c)
                    for c in COUNTERS
                ),
            ).where(*window, *_filters(d, agencies, unit))
        )
    rows = union_all(*parts).subquery()
    query = select(
        *(rows.c[name] for name in by),
        *(func.coalesce(func.sum(rows.c[c]), 0).label(c) for c in COUNTERS),
    )
    if by:
        query = query.group_by(*(rows.c[name] for name in by))
    return list((await session.execute(query)).all())


async def totals(
    session: AsyncSession,
    start: date,
    judged_at: date,
    agencies: set[str] | None,
    unit: str | None,
) -> dict[str, int]:
    """Every counter of ``[start, judged_at]`` for the scope (``sums`` without a dimension)."""
    (row,) = await sums(session, start, judged_at, agencies, unit)
    return {c: int(getattr(row, c)) for c in COUNTERS}
