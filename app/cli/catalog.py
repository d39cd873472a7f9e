"""``motcua catalog import FILE`` and ``motcua catalog export``: the catalog file format of
docs/catalog-format.md (JSON, or flat CSV for units, agencies and fields)."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import click

from app.cli.common import load_settings
from app.services.catalog import transfer as catalog_import

CSV_CHOICES = click.Choice(list(catalog_import.CSV_SECTIONS))


def _database_url() -> str:
    settings = load_settings()
    if settings.database_url is None:
        raise click.ClickException("MOTCUA_DATABASE_URL is not set")
    return settings.database_url.get_secret_value()


def load_document(path: Path, section: str | None) -> Any:
    """A catalog document from a JSON file, or from a CSV file of one section."""
    text = path.read_text(encoding="utf-8-sig")
    if section is not None or path.suffix.lower() == ".csv":
        if section is None:
            raise click.UsageError("a CSV file needs --section (units, agencies or fields)")
        return {
            "format": catalog_import.FORMAT,
            section: catalog_import.rows_from_csv(section, text),
        }
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise click.ClickException(
            f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})"
        ) from exc


async def run_import(url: str, document: Any, *, dry_run: bool) -> catalog_import.ImportReport:
    from tqdm import tqdm

    from app.db import create_engine, create_session_factory
    from app.errors import DomainError

    engine = create_engine(url, load_settings())
    total = catalog_import.count_rows(document) if isinstance(document, dict) else 0
    bar = tqdm(total=total, file=sys.stderr, unit="row", disable=not sys.stderr.isatty())
    try:
        async with create_session_factory(engine)() as session:
            try:
                report = await catalog_import.import_catalog(session, document, bar.update)
            except DomainError as exc:
                raise click.ClickException(exc.detail) from exc
            if dry_run:
                await session.rollback()
            else:
                await session.commit()
            return report
    finally:
        bar.close()
        await engine.dispose()


async def run_export(url: str) -> dict[str, Any]:
    from app.db import create_engine, create_session_factory

    engine = create_engine(url, load_settings())
    try:
        async with create_session_factory(engine)() as session:
            return await catalog_import.export_catalog(session)
    finally:
        await engine.dispose()


@click.group()
def catalog() -> None:
    """Import and export the procedure catalog (docs/catalog-format.md)."""


@catalog.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--section", type=CSV_CHOICES, help="The section a CSV file holds.")
@click.option(
    "--report", type=click.Path(dir_okay=False, path_type=Path), help="Write the JSON report here."
)
@click.option("--dry-run", is_flag=True, help="Check every row, then roll everything back.")
def import_command(file: Path, section: str | None, report: Path | None, dry_run: bool) -> None:
    """Import FILE. Idempotent; bad rows are rejected whole with reasons (exit status 1)."""
    document = load_document(file, section)
    result = asyncio.run(run_import(_database_url(), document, dry_run=dry_run))
    for name, counts in result.counts.items():
        if counts:
            parts = ", ".join(f"{outcome} {n}" for outcome, n in sorted(counts.items()))
            click.echo(f"{name}: {parts}", err=True)
    for rejection in result.rejected:
        click.echo(
            f"rejected {rejection.section}[{rejection.index}] {rejection.key}: "
            + "; ".join(rejection.reasons),
            err=True,
        )
    click.echo(
        f"{'dry run, nothing saved: ' if dry_run else ''}{result.changed} rows changed, "
        f"{len(result.rejected)} rejected",
        err=True,
    )
    if report is not None:
        report.write_text(json.dumps(result.as_dict(), ensure_ascii=False, indent=2), "utf-8")
    if result.rejected:
        sys.exit(1)


@catalog.command("export")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Default: stdout."
)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True
)
@click.option("--section", type=CSV_CHOICES, help="With --format csv: the section to write.")
def export_command(output: Path | None, fmt: str, section: str | None) -> None:
    """Export the whole catalog, every version, in the import format."""
    if fmt == "csv" and section is None:
        raise click.UsageError("--format csv needs --section (units, agencies or fields)")
    document = asyncio.run(run_export(_database_url()))
    if fmt == "csv":
        assert section is not None
        text = catalog_import.section_csv(section, document[section])
    else:
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


async def run_hand_over(url: str) -> list[str]:
    """Hand the open dossiers of replaced agencies over to their successors (one transaction)."""
    from datetime import UTC, datetime

    from app.db import create_engine, create_session_factory
    from app.services.dossiers import handover

    settings = load_settings()
    engine = create_engine(url, settings)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            return await handover.hand_over_replaced(session, settings, now=datetime.now(UTC))
    finally:
        await engine.dispose()


@catalog.command("hand-over")
def hand_over_command() -> None:
    """Hand the open dossiers of replaced agencies over to their successors (Decree 118/2025).

    Current agency, remaining steps and receiving office follow ``replaced_by``; one event per
    dossier records it. Idempotent: a second run hands over nothing.
    """
    codes = asyncio.run(run_hand_over(_database_url()))
    for code in codes:
        click.echo(code)
    click.echo(f"{len(codes)} dossiers handed over", err=True)
