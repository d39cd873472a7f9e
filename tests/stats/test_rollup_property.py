"""Property (issue 17, acceptance 2): after any sequence of actions, the rollups maintained
incrementally — the ``stats.rollup`` messages the actions queued, folded in order by the handler —
equal a rebuild from the dossier table. Seeded random walks over the lifecycle through the API, with
dossiers moved to other days between steps (then folded as the next message would); hypothesis
draws the walks."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import Dossier, DossierEvent
from app.models.outbox import OutboxMessage
from app.models.stats import StatsDaily, StatsDossierFact
from app.services.stats import indicators as stats_indicators
from app.services.stats import rollups, snapshots
from app.services.stats import summary as stats_summary
from app.services.stats import sums as stats_sums
from app.services.stats import worker as stats_worker
from app.services.stats.facts import Key, local_day
from app.services.stats.periods import parse_period
from app.services.stats.sums import CUMULATIVE
from app.services.system.registry import Envelope
from tests.dossiers.conftest import BIRTH, COMMUNE, World

NOTE = {"note": "Kiểm thử"}
SUPPLEMENT_REQUEST = {**NOTE, "items": [{"requirement_code": "TP01", "reason": "Thiếu"}]}
PAPER_TP01 = {"documents": [{"requirement_code": "TP01", "paper_original_checked": True}]}
# status -> the moves worth trying there (action, who, body); refusals are part of the walk too
MOVES: dict[str, list[tuple[str, str, dict[str, object]]]] = {
    "submitted": [
        ("receive", "tiepnhan.xa", {}),
        ("receive", "tiepnhan.xa", {}),
        ("request_supplement", "tiepnhan.xa", SUPPLEMENT_REQUEST),
        ("withdraw", "tiepnhan.xa", NOTE),
    ],
    "received": [
        ("forward", "tiepnhan.xa", {}),
        ("forward", "tiepnhan.xa", {}),
        ("request_supplement", "tiepnhan.xa", SUPPLEMENT_REQUEST),
        ("stop", "lanhdao.xa", NOTE),
        ("withdraw", "tiepnhan.xa", NOTE),
    ],
    "in_progress": [
        ("forward", "chuyenvien.xa", {}),
        ("resolve", "lanhdao.xa", {}),
        ("resolve", "lanhdao.xa", {}),
        ("stop", "lanhdao.xa", NOTE),
    ],
    "supplement_requested": [("supplement", "tiepnhan.xa", PAPER_TP01)],
    "resolved": [("return_result", "tiepnhan.xa", {})],
    "returned": [("rate", "citizen", {})],
}


async def _fold_queued(session: AsyncSession, after: int) -> int:
    """Deliver the queued ``stats.rollup`` messages after id ``after`` in id order (as the worker
    would, one ordering key at a time); returns the last id."""
    messages = list(
        await session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.topic == "stats.rollup", OutboxMessage.id > after)
            .order_by(OutboxMessage.id)
        )
    )
    for m in messages:
        envelope = Envelope(m.id, m.topic, m.ordering_key, m.payload, 1, m.created_at)
        complete = await stats_worker.fold_rollup(envelope, None)  # type: ignore[arg-type]
        await complete(session)
    return messages[-1].id if messages else after


async def _travel(session: AsyncSession, rng: random.Random, code: str) -> None:
    """Move a dossier's instants some days back (its events too), as if it had lived then."""
    shift = timedelta(days=rng.randint(1, 60), hours=rng.randint(0, 23))
    dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
    assert dossier is not None
    values = {
        name: getattr(dossier, name) - shift
        for name in ("submitted_at", "received_at", "finished_at", "paused_at", "returned_at")
        if getattr(dossier, name) is not None
    }
    if dossier.due_at is not None:  # the appointment moves by a different amount: early or late
        values["due_at"] = dossier.due_at - shift + timedelta(days=rng.randint(-5, 5))
    await session.execute(
        update(Dossier).where(Dossier.id == dossier.id).values(**values)
        .execution_options(synchronize_session=False)
    )  # fmt: skip
    await session.execute(
        update(DossierEvent)
        .where(DossierEvent.dossier_id == dossier.id)
        .values(at=DossierEvent.at - shift)
    )
    session.expunge_all()
    await rollups.refresh(session, [dossier.id])


class _Walk:
    """A random walk over the lifecycle through the API (one step at a time), folding the queued
    messages after each step as the worker would."""

    def __init__(self, world: World, session: AsyncSession, rng: random.Random) -> None:
        self.world, self.session, self.rng = world, session, rng
        self.seed = rng.randint(0, 10**9)
        self.citizens: dict[str, dict[str, str]] = {}
        self.codes: list[str] = []
        self.last = 0
        self.steps = 0

    async def start(self) -> None:
        self.desk = await self.world.officer("tiepnhan.xa")
        self.headers = {
            who: await self.world.officer(who)
            for who in ("tiepnhan.xa", "chuyenvien.xa", "lanhdao.xa")
        }
        self.last = await _fold_queued(self.session, 0)

    async def step(self) -> None:
        world, rng, session = self.world, self.rng, self.session
        self.steps += 1
        roll = rng.random()
        if roll < 0.2 or not self.codes:
            if rng.random() < 0.5:
                response = await world.submit_at_desk(
                    self.desk, BIRTH, COMMUNE, outcome=rng.choice(["receive", "receive", "refuse"])
                )
            else:
                citizen = await world.citizen(f"walker-{self.seed}-{self.steps}")
                response = await world.submit_online(citizen)
                if response.status_code == 201:
                    self.citizens[response.json()["code"]] = citizen
            if response.status_code == 201:
                self.codes.append(response.json()["code"])
        elif roll < 0.3:
            self.last = await _fold_queued(session, self.last)
            await _travel(session, rng, rng.choice(self.codes))
        else:
            code = rng.choice(self.codes)
            status = (await world.get(code, self.desk)).json()["status"]
            if status not in MOVES:
                return
            action, who, body = rng.choice(MOVES[status])
            if who == "citizen":
                if code not in self.citizens:
                    return
                caller, body = self.citizens[code], {"rating": rng.randint(1, 5)}
            else:
                caller = self.headers[who]
            moved = await world.act(code, action, caller, **body)
            assert moved.status_code < 500, moved.text
        self.last = await _fold_queued(session, self.last)


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rng=st.randoms(use_true_random=False))
async def test_incremental_rollups_equal_a_rebuild_after_any_sequence(
    world: World, session: AsyncSession, rng: random.Random
) -> None:
    """Each example continues in the same rolled-back database (a rebuild first makes it
    consistent), so the walks also meet the dossiers of the examples before them."""
    walk = _Walk(world, session, rng)
    await walk.start()
    await rollups.rebuild(session)  # start from a consistent state
    for step in range(40):
        await walk.step()
        if step % 10 == 9:
            incremental = await rollups.totals_by_key(session)
            await rollups.rebuild(session)
            assert await rollups.totals_by_key(session) == incremental, (
                f"seed {walk.seed} step {step}"
            )
    await rollups.compact(session)  # compaction changes no sum
    compacted = await rollups.totals_by_key(session)
    await rollups.rebuild(session)
    assert await rollups.totals_by_key(session) == compacted


PERIODS = ("2026-09", "2026-10", "2026-11", "2026-12", "2026-Q3", "2026-Q4", "2026")


async def _numbers(session: AsyncSession, today: date) -> dict[str, object]:
    """Every period's indicators (numerators, denominators, scores, counters) and breakdowns."""
    out: dict[str, object] = {}
    for label in PERIODS:
        period = parse_period(label)
        judged = period.judged_at(today)
        out[label] = (
            await stats_indicators.report(
                session, period, today, None, None, portal_configured=True
            ),
            [
                await stats_summary.breakdown(session, period, judged, None, None, by)
                for by in ("agency", "channel", "procedure")
            ],
        )
    return out


def _comparable(
    totals: dict[Key, dict[str, int]], opened: date | None
) -> dict[Key, dict[str, int]]:
    """The rows the reads use: open counters dated before the first open day are never read (the
    last frozen month's snapshot stands for them), so they are left out of the comparison."""
    out = {}
    for key, counters in totals.items():
        kept = {
            name: 0 if opened and key[0] < opened and name in CUMULATIVE else value
            for name, value in counters.items()
        }
        if any(kept.values()):
            out[key] = kept
    return out


@pytest.mark.parametrize("seed", [17, 2026])
async def test_freezing_changes_no_number_and_later_reads_start_from_the_last_snapshot(
    world: World, session: AsyncSession, seed: int
) -> None:
    """Freezing the closed months changes no number of any period; after more actions (travels and
    supplements that change open counters in frozen months, booked on the first open day), the
    incremental rows still equal a rebuild wherever they are read, the running month's open
    dossiers are the facts' open dossiers, and deleting every daily row before the first open day
    changes no number: the reads start from the last frozen month's snapshot."""
    today = local_day(datetime.now(UTC))
    rng = random.Random(seed)
    walk = _Walk(world, session, rng)
    await walk.start()
    await rollups.rebuild(session)
    for _ in range(25):
        await walk.step()
    for code in walk.codes:  # every dossier lived in the closed months before today
        await _travel(session, rng, code)
    before = await _numbers(session, today)
    await snapshots.freeze_closed(session, datetime.now(UTC))
    frozen = await stats_sums.last_frozen(session)
    assert frozen is not None and frozen < stats_sums.month_start(today)
    assert await _numbers(session, today) == before, f"seed {walk.seed}"

    for _ in range(25):
        await walk.step()
    for code in walk.codes[-6:]:  # the newest back into frozen months: their open counters move
        await _travel(session, rng, code)
    opened = stats_sums.first_open_day(frozen)
    incremental = await rollups.totals_by_key(session)
    running = await _numbers(session, today)
    await rollups.rebuild(session)
    rebuilt = await rollups.totals_by_key(session)
    assert _comparable(rebuilt, opened) == _comparable(incremental, opened), f"seed {walk.seed}"
    assert await _numbers(session, today) == running, f"seed {walk.seed}"
    open_now = await session.scalar(
        select(func.count())
        .select_from(StatsDossierFact)
        .where(
            StatsDossierFact.received_day <= today,
            or_(StatsDossierFact.end_day.is_(None), StatsDossierFact.end_day > today),
        )
    )
    december = running["2026-12"]
    assert isinstance(december, tuple) and december[0].counters["open_delta"] == open_now

    await session.execute(delete(StatsDaily).where(StatsDaily.day < opened))
    assert await _numbers(session, today) == running, f"seed {walk.seed}"
