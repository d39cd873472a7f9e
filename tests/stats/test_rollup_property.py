"""Property (issue 17, acceptance 2): after any sequence of actions, the rollups maintained
incrementally — the ``stats.rollup`` messages the actions queued, folded in order by the handler —
equal a rebuild from the dossier table. Seeded random walks over the lifecycle through the API, with
dossiers moved to other days between steps (then folded as the next message would); hypothesis
draws the walks."""

from __future__ import annotations

import random
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import Dossier, DossierEvent
from app.models.outbox import OutboxMessage
from app.services.stats import rollups
from app.services.stats import worker as stats_worker
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
    seed = rng.randint(0, 10**9)
    desk = await world.officer("tiepnhan.xa")
    headers = {
        who: await world.officer(who) for who in ("tiepnhan.xa", "chuyenvien.xa", "lanhdao.xa")
    }
    citizens: dict[str, dict[str, str]] = {}
    codes: list[str] = []
    last = await _fold_queued(session, 0)
    await rollups.rebuild(session)  # start from a consistent state
    for step in range(40):
        roll = rng.random()
        if roll < 0.2 or not codes:
            if rng.random() < 0.5:
                response = await world.submit_at_desk(
                    desk, BIRTH, COMMUNE, outcome=rng.choice(["receive", "receive", "refuse"])
                )
            else:
                citizen = await world.citizen(f"walker-{seed}-{step}")
                response = await world.submit_online(citizen)
                if response.status_code == 201:
                    citizens[response.json()["code"]] = citizen
            if response.status_code == 201:
                codes.append(response.json()["code"])
        elif roll < 0.3:
            last = await _fold_queued(session, last)
            await _travel(session, rng, rng.choice(codes))
        else:
            code = rng.choice(codes)
            status = (await world.get(code, desk)).json()["status"]
            if status not in MOVES:
                continue
            action, who, body = rng.choice(MOVES[status])
            if who == "citizen":
                if code not in citizens:
                    continue
                caller, body = citizens[code], {"rating": rng.randint(1, 5)}
            else:
                caller = headers[who]
            moved = await world.act(code, action, caller, **body)
            assert moved.status_code < 500, moved.text
        last = await _fold_queued(session, last)
        if step % 10 == 9:
            incremental = await rollups.totals_by_key(session)
            await rollups.rebuild(session)
            assert await rollups.totals_by_key(session) == incremental, f"seed {seed} step {step}"
    await rollups.compact(session)  # compaction changes no sum
    compacted = await rollups.totals_by_key(session)
    await rollups.rebuild(session)
    assert await rollups.totals_by_key(session) == compacted
