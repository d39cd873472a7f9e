"""Daily rollups maintained incrementally, their rebuild and compaction (issue 17, DESIGN.md 11).

Choice: the dossiers domain declares a ``stats`` side effect (``dossiers.side_effects``) and queues
one ``stats.rollup`` outbox message per change, ordered by the dossier's code; the handler here
(``stats.worker``) recomputes the dossier's facts and **inserts** the difference with its previous
facts as delta rows, atomically with the delivered mark. Why not an update of counters in the action's
own transaction: every dossier of a desk on one day shares one rollup key, so concurrent actions would
queue on that hot row (and the dossiers domain would import statistics). Delta rows never conflict;
reads sum them; ``compact`` merges the rows of one key now and then. Because the stats message follows
the dossier's portal message in the same ordering key, it sees the portal's acknowledgement (1.4).

``rebuild`` recomputes every fact and rollup from the dossier table with the same functions
(``facts.fact_of``, ``facts.rows_of``), so incremental and rebuilt numbers are identical.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import Dossier
from app.models.stats import COUNTERS, StatsDaily, StatsDossierFact, StatsMonthSnapshot
from app.services.stats import facts as stats_facts
from app.services.stats import sums as stats_sums
from app.services.stats.facts import Fact, Key

REBUILD_CHUNK = 2000


def _daily_rows(rows: dict[Key, dict[str, int]]) -> list[dict[str, object]]:
    return [
        {
            "day": day,
            "agency_code": agency,
            "unit_code": unit,
            "procedure_id": procedure,
            "channel": channel,
            **counters,
        }
        for (day, agency, unit, procedure, channel), counters in rows.items()
    ]


async def refresh(session: AsyncSession, dossier_ids: Iterable[int]) -> int:
    """Bring the facts and rollups of the dossiers up to date: insert ``rows_of(new) - rows_of(old)``
    as delta rows and store the new facts. Returns the number of delta rows written."""
    ids = sorted(set(dossier_ids))
    if not ids:
        return 0
    # the lock an insert takes anyway, taken first: a freeze (SHARE ROW EXCLUSIVE) either committed
    # before, and the last frozen month read below is the new one, or waits for this fold
    await session.execute(text("LOCK TABLE stats_daily IN ROW EXCLUSIVE MODE"))
    frozen = await stats_sums.last_frozen(session)
    old = {
        row.dossier_id: Fact.from_row(row)
        for row in await session.scalars(
            select(StatsDossierFact).where(StatsDossierFact.dossier_id.in_(ids)).with_for_update()
        )
    }
    new = await stats_facts.facts_of(session, ids)
    deltas: dict[Key, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))
    for dossier_id in ids:
        change = stats_facts.difference(
            stats_facts.rows_of(new.get(dossier_id)), stats_facts.rows_of(old.get(dossier_id))
        )
        for key, counters in change.items():
            for name, value in counters.items():
                deltas[key][name] += value
    rows = _daily_rows(
        stats_sums.carry({k: v for k, v in deltas.items() if any(v.values())}, frozen)
    )
    if rows:
        await session.execute(insert(StatsDaily), rows)
    changed = [fact.as_row() for i, fact in new.items() if old.get(i) != fact]
    if changed:
        statement = pg_insert(StatsDossierFact).values(changed)
        await session.execute(
            statement.on_conflict_do_update(
                index_elements=[StatsDossierFact.dossier_id],
                set_={c: statement.excluded[c] for c in changed[0] if c != "dossier_id"},
            )
        )
    gone = [i for i in old if i not in new]
    if gone:
        await session.execute(delete(StatsDossierFact).where(StatsDossierFact.dossier_id.in_(gone)))
    await session.flush()
    return len(rows)


async def rebuild(session: AsyncSession) -> int:
    """Recompute every fact and rollup from the dossier table (``motcua stats rebuild``); the month
    snapshots stay frozen. The open counters dated in frozen months are booked on the first open day
    (``sums.carry``) less the last frozen month's open counts, so that snapshot plus the rows after it
    give the true open dossiers of every later day, as the incremental rows do. Returns the number of
    dossiers read."""
    await session.execute(text("LOCK TABLE stats_daily, stats_dossier_facts IN EXCLUSIVE MODE"))
    frozen = await stats_sums.last_frozen(session)
    await session.execute(delete(StatsDaily))
    await session.execute(delete(StatsDossierFact))
    totals: dict[Key, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))
    after, count = 0, 0
    while True:
        ids = list(
            await session.scalars(
                select(Dossier.id)
                .where(Dossier.id > after)
                .order_by(Dossier.id)
                .limit(REBUILD_CHUNK)
            )
        )
        if not ids:
            break
        after = ids[-1]
        chunk = await stats_facts.facts_of(session, ids)
        session.expunge_all()
        for fact in chunk.values():
            for key, counters in stats_facts.rows_of(fact).items():
                for name, value in counters.items():
                    totals[key][name] += value
        await session.execute(insert(StatsDossierFact), [f.as_row() for f in chunk.values()])
        count += len(chunk)
    opened = stats_sums.first_open_day(frozen)
    if opened is not None:
        for snapshot in await session.execute(
            select(StatsMonthSnapshot).where(StatsMonthSnapshot.month == frozen)
        ):
            row = snapshot[0]
            key = (opened, row.agency_code, row.unit_code, row.procedure_id, row.channel)
            for name in stats_sums.CUMULATIVE:
                totals[key][name] -= getattr(row, name)
        session.expunge_all()
    rows = _daily_rows(
        stats_sums.carry({k: v for k, v in totals.items() if any(v.values())}, frozen)
    )
    for start in range(0, len(rows), REBUILD_CHUNK):
        await session.execute(insert(StatsDaily), rows[start : start + REBUILD_CHUNK])
    await session.flush()
    return count


_DIMS = "day, agency_code, unit_code, procedure_id, channel"


async def compact(session: AsyncSession) -> None:
    """Merge the delta rows of each key into one (sums unchanged; rows inserted meanwhile, invisible
    to this statement, stay as they are)."""
    sums = ", ".join(f"sum({c})" for c in COUNTERS)
    nonzero = " OR ".join(f"sum({c}) <> 0" for c in COUNTERS)
    await session.execute(
        text(
            f"WITH gone AS (DELETE FROM stats_daily RETURNING *) "  # noqa: S608 - fixed names
            f"INSERT INTO stats_daily ({_DIMS}, {', '.join(COUNTERS)}) "
            f"SELECT {_DIMS}, {sums} FROM gone GROUP BY {_DIMS} HAVING {nonzero}"
        )
    )


async def totals_by_key(session: AsyncSession) -> dict[Key, dict[str, int]]:
    """Every key's summed counters, zero sums left out (the property test compares these)."""
    result = await session.execute(
        select(
            StatsDaily.day,
            StatsDaily.agency_code,
            StatsDaily.unit_code,
            StatsDaily.procedure_id,
            StatsDaily.channel,
            *(func.sum(getattr(StatsDaily, c)).label(c) for c in COUNTERS),
        ).group_by(
            StatsDaily.day,
            StatsDaily.agency_code,
            StatsDaily.unit_code,
            StatsDaily.procedure_id,
            StatsDaily.channel,
        )
    )
    out: dict[Key, dict[str, int]] = {}
    for row in result:
        counters = {c: int(getattr(row, c)) for c in COUNTERS}
        if any(counters.values()):
            out[(row.day, row.agency_code, row.unit_code, row.procedure_id, row.channel)] = counters
    return out
