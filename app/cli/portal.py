"""``motcua portal pull-catalog``: the national procedures, fields and agencies, fetched from the
portal and upserted as national records (``services/portal/catalog_pull``), with a progress bar
and a summary."""

from __future__ import annotations

import asyncio
import getpass

import click
import httpx

from app.cli.common import load_settings
from app.config import Settings
from app.db import create_engine, create_session_factory
from app.services.portal import catalog_pull
from app.services.portal.client import PortalClient, PortalConfig, PortalError
from app.services.system.audit import AuditActor


@click.group()
def portal() -> None:
    """The National Public Service Portal (docs/portal.md)."""


async def run_pull(settings: Settings, config: PortalConfig) -> catalog_pull.PullSummary:
    assert settings.database_url is not None
    engine = create_engine(settings.database_url.get_secret_value(), settings)
    # the admin audit log names the operator's account on this machine
    actor = AuditActor(f"cli:{getpass.getuser()}"[:64], None)

    def progress(section: str, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "." * (width - filled)
        end = "\n" if done >= total else ""
        click.echo(f"\r{section:<10} [{bar}] {done}/{total}", nl=False, err=True)
        click.echo(end, nl=False, err=True)

    try:
        async with httpx.AsyncClient() as http:
            return await catalog_pull.pull(
                create_session_factory(engine), PortalClient(http, config), actor, progress
            )
    finally:
        await engine.dispose()


@portal.command("pull-catalog")
def pull_catalog() -> None:
    """Fetch the national catalog; changed procedures become draft versions to publish."""
    settings = load_settings()
    if settings.database_url is None or not settings.database_url.get_secret_value():
        raise click.ClickException("pull-catalog needs MOTCUA_DATABASE_URL")
    config = PortalConfig.from_settings(settings)
    if config is None:
        raise click.ClickException("pull-catalog needs MOTCUA_PORTAL_BASE_URL")
    try:
        summary = asyncio.run(run_pull(settings, config))
    except PortalError as exc:
        raise click.ClickException(f"the portal: {exc}") from exc
    for line in summary.lines():
        click.echo(line)
