"""``MOTCUA_STATS_ROLLUPS=false`` (the bench's baseline without statistics): the actions queue no
``stats.rollup`` message, every other effect unchanged; ``motcua stats rebuild`` brings them back."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.models.outbox import OutboxMessage
from app.services.dossiers.side_effects import SIDE_EFFECTS, topics_of
from app.services.stats import rollups
from app.services.system.topics import STATS_ROLLUP
from tests.dossiers.conftest import BIRTH, COMMUNE, World
from tests.stats.helpers import dossier_id


def test_switched_off_no_action_queues_the_rollup_and_nothing_else_changes(
    settings: Settings,
) -> None:
    off = settings.model_copy(update={"stats_rollups": False})
    for action in SIDE_EFFECTS:
        shipped = topics_of(action, settings)
        assert topics_of(action, off) == tuple(t for t in shipped if t != STATS_ROLLUP)


async def test_a_measurement_run_is_folded_back_by_the_rebuild(
    world: World, session: AsyncSession
) -> None:
    world.app.state.settings = world.settings.model_copy(update={"stats_rollups": False})
    try:
        created = await world.submit_at_desk(await world.officer("tiepnhan.xa"), BIRTH, COMMUNE)
    finally:
        world.app.state.settings = world.settings
    assert created.status_code == 201, created.text
    code = created.json()["code"]
    queued = await session.scalars(
        select(OutboxMessage.topic).where(OutboxMessage.ordering_key == code)
    )
    assert STATS_ROLLUP not in set(queued)
    before = await rollups.totals_by_key(session)
    await rollups.rebuild(session)
    after = await rollups.totals_by_key(session)
    assert sum(c["received"] for c in after.values()) == 1 + sum(
        c["received"] for c in before.values()
    )
    assert await dossier_id(session, code)


async def test_one_fold_per_dossier_and_transaction(world: World, session: AsyncSession) -> None:
    """Submission and receipt at the desk are two events of one transaction; the fold reads the
    dossier's state when it runs, so one ``stats.rollup`` message is queued, not two; a later
    action (its own transaction) queues its own."""
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(desk, BIRTH, COMMUNE)
    assert created.status_code == 201, created.text
    code = created.json()["code"]

    async def rollups_queued() -> int:
        topics = await session.scalars(
            select(OutboxMessage.topic).where(OutboxMessage.ordering_key == code)
        )
        return sum(1 for t in topics if t == STATS_ROLLUP)

    assert await rollups_queued() == 1
    forwarded = await world.act(code, "forward", desk)
    assert forwarded.status_code == 200, forwarded.text
    assert await rollups_queued() == 2
