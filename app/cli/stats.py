"""``motcua stats rebuild`` (the rollups recomputed from the dossier table, identical to the incremental
ones) and ``motcua stats freeze`` (freeze the closed months now rather than at the monthly job)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import click

from app.cli.common import load_settings
from app.db import create_engine, create_session_factory
from app.services.stats import rollups, snapshots


@click.group()
def stats() -> None:
    """Statistics: rebuild the rollups, freeze closed months."""


def _url() -> str:
    settings = load_settings()
    if settings.database_url is None:
        raise click.ClickException("MOTCUA_DATABASE_URL is not set")
    return settings.database_url.get_secret_value()


async def _rebuild(url: str) -> int:
    engine = create_engine(url, load_settings())
    try:
        async with create_session_factory(engine)() as session, session.begin():
            return await rollups.rebuild(session)
    finally:
        await engine.dispose()


async def _freeze(url: str) -> list[str]:
    engine = create_engine(url, load_settings())
    try:
        async with create_session_factory(engine)() as session, session.begin():
            months = await snapshots.freeze_closed(session, datetime.now(UTC))
            return [f"{m:%Y-%m}" for m in months]
    finally:
        await engine.dispose()


@stats.command()
def rebuild() -> None:
    """Recompute every dossier's facts and the daily rollups (closed months stay frozen)."""
    count = asyncio.run(_rebuild(_url()))
    click.echo(f"rebuilt the statistics of {count} dossiers", err=True)


@stats.command()
def freeze() -> None:
    """Freeze every closed month not frozen yet."""
    months = asyncio.run(_freeze(_url()))
    click.echo(f"froze {', '.join(months) or 'nothing'}", err=True)
