"""``motcua catalog hand-over`` on a committed database: open dossiers of agencies replaced before
(an import, older data) go to their successors; a second run hands over nothing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import select

from app.cli.main import main as cli_main
from app.config import get_settings
from app.db import create_engine, create_session_factory
from app.models.catalog import Agency, AgencyKind
from app.models.dossier import Dossier, DossierEvent
from tests.conftest import TEST_SECRET, make_settings
from tests.dossiers.conftest import BIRTH, COMMUNE, COMMUNE_UNIT, committed_world

SUCCESSOR = "000.34.00.H99"


def _in_a_loop_of_its_own(coro: Any) -> Any:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def test_the_command_hands_over_open_dossiers(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path
) -> None:
    url = clone_demo()
    code = _in_a_loop_of_its_own(_open_dossier_of_a_replaced_agency(url, dev_key, tmp_path))
    env = {"MOTCUA_ENV": "test", "MOTCUA_DATABASE_URL": url, "MOTCUA_SECRET_KEY": TEST_SECRET}
    get_settings.cache_clear()
    try:
        first = CliRunner().invoke(cli_main, ["catalog", "hand-over"], env=env)
        second = CliRunner().invoke(cli_main, ["catalog", "hand-over"], env=env)
    finally:
        get_settings.cache_clear()
    assert first.exit_code == 0, first.output
    assert code in first.stdout.split()
    assert second.exit_code == 0, second.output
    assert code not in second.stdout.split()
    current, receiving, hand_overs = _in_a_loop_of_its_own(_state(url, code))
    assert (current, receiving) == (SUCCESSOR, SUCCESSOR)
    assert hand_overs == 1


async def _open_dossier_of_a_replaced_agency(url: str, dev_key: bytes, tmp_path: Path) -> str:
    """A received dossier at An Bình, whose agency is then replaced without the admin screen."""
    world, engine = await committed_world(url, dev_key, tmp_path)
    try:
        desk = await world.officer("tiepnhan.xa")
        created = await world.submit_at_desk(desk, BIRTH)
        assert created.status_code == 201, created.text
        code = created.json()["code"]
        async with world.factory() as session, session.begin():
            session.add(
                Agency(
                    code=SUCCESSOR,
                    name="Ủy ban nhân dân xã An Bình (sau sáp nhập)",
                    kind=AgencyKind.commune_people_committee,
                    unit_code=COMMUNE_UNIT,
                    receives_dossiers=True,
                )
            )
            await session.flush()
            old = await session.get(Agency, COMMUNE)
            assert old is not None
            old.replaced_by = SUCCESSOR
        return str(code)
    finally:
        await world.client.aclose()
        await engine.dispose()


async def _state(url: str, code: str) -> tuple[str | None, str, int]:
    engine = create_engine(url, make_settings(url))
    try:
        async with create_session_factory(engine)() as session:
            dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
            assert dossier is not None
            events = list(
                await session.scalars(
                    select(DossierEvent.action).where(DossierEvent.dossier_id == dossier.id)
                )
            )
        return dossier.current_agency_code, dossier.receiving_office_code, events.count("hand_over")
    finally:
        await engine.dispose()
