"""The ``motcua`` command."""

from __future__ import annotations

import asyncio
import getpass
import json
import os
import signal
import sys
from pathlib import Path

import click

from app.cli.catalog import catalog
from app.cli.common import load_settings
from app.cli.demo_safety import demo_secret_key, is_loopback
from app.cli.portal import portal
from app.cli.stats import stats
from app.config import PLACEHOLDER_SECRET, Environment, Settings
from app.services.identity.users import NewUser

ROOT = Path(__file__).resolve().parents[2]


def _prepare_demo_database(settings: Settings) -> tuple[str, object | None]:
    """The demo's database URL: the configured one, or an embedded PostgreSQL started here."""
    if not settings.uses_embedded_database:
        assert settings.database_url is not None
        return settings.database_url.get_secret_value(), None
    from app.embedded_pg import EmbeddedPostgres

    embedded = EmbeddedPostgres(settings.data_dir / "pgdata")
    url = embedded.start()
    click.echo(f"embedded PostgreSQL ready in {embedded.data_dir}", err=True)
    return url, embedded


@click.group()
def main() -> None:
    """MotCua — backend of the one-stop administrative procedure system."""


@main.command()
@click.option("--demo", is_flag=True, help="Demo mode: embedded database, demo data and accounts.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int, help="uvicorn processes")
@click.option(
    "--allow-lan",
    is_flag=True,
    help="Let the demo listen beyond this machine (its accounts and passwords are public).",
)
def serve(demo: bool, host: str, port: int, workers: int, allow_lan: bool) -> None:
    """Serve the API with uvicorn. Production expects `motcua migrate` to have run."""
    import uvicorn

    embedded = None
    if demo:
        os.environ["MOTCUA_ENV"] = os.environ.get("MOTCUA_ENV", Environment.demo.value)
    settings = load_settings()  # fail fast on unsafe settings, before uvicorn starts
    if settings.env is Environment.demo:
        _check_demo_host(host, allow_lan)
    if demo:
        if settings.secret_key.get_secret_value() == PLACEHOLDER_SECRET:
            # the public placeholder would let anyone mint an administrator's token
            os.environ["MOTCUA_SECRET_KEY"] = demo_secret_key(settings.data_dir)
            settings = load_settings()
        if not settings.payment_merchants.get_secret_value():
            # fees paid online with no internet: the sandbox gateway, with a secret of its own
            _configure_payment_sandbox(settings, host, port)
            settings = load_settings()
        url, embedded = _prepare_demo_database(settings)
        os.environ["MOTCUA_DATABASE_URL"] = url
        # one command, a working system: outbox delivery and periodic jobs run inside the API
        os.environ.setdefault("MOTCUA_WORKER_IN_PROCESS", "true")
        from app import migrate
        from app.demo import seed as demo_service

        migrate.upgrade(url)
        asyncio.run(demo_service.seed(url))
        click.echo(f"MotCua demo: http://{host}:{port}/docs", err=True)
    if settings.dev_issuer_enabled:
        click.echo(
            "WARNING: the development issuer is on (MOTCUA_DEV_ISSUER): anyone who reaches "
            "POST /api/v1/dev/citizen-token can act as any citizen.",
            err=True,
        )
    # uvicorn shuts down gracefully on SIGTERM, then re-raises the signal: turn that into a normal exit
    # so the embedded database below is stopped and the exit status is 0.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        uvicorn.run(
            "app.main:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            proxy_headers=False,  # X-Forwarded-For is read by our own trusted-proxy logic
            log_config=None,
            access_log=False,
        )
    finally:
        if embedded is not None:
            embedded.stop()  # type: ignore[attr-defined]


def _configure_payment_sandbox(settings: Settings, host: str, port: int) -> None:
    """The demo's online payments go to its sandbox gateway (docs/payments.md): one VNPay-protocol
    terminal for every agency, signing with the data folder's own sandbox secret."""
    base = os.environ.get("MOTCUA_PUBLIC_BASE_URL") or f"http://{host}:{port}"
    terminal = {
        "hash_secret": demo_secret_key(settings.data_dir, "payment-sandbox-secret"),
        "pay_url": base.rstrip("/") + "/sandbox/vnpay/pay",
        "api_url": base.rstrip("/") + "/sandbox/vnpay/api",
    }
    os.environ["MOTCUA_PUBLIC_BASE_URL"] = base
    os.environ["MOTCUA_PAYMENT_SANDBOX"] = "true"
    os.environ["MOTCUA_PAYMENT_MERCHANTS"] = json.dumps({"vnpay": {"SANDBOX1": terminal}})
    os.environ["MOTCUA_PAYMENT_AGENCY_MERCHANTS"] = json.dumps({"*": {"vnpay": "SANDBOX1"}})


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _check_demo_host(host: str, allow_lan: bool) -> None:
    """The demo listens on this machine only, unless ``--allow-lan`` says otherwise (with a warning)."""
    if is_loopback(host):
        return
    if not allow_lan:
        raise click.ClickException(
            f"refusing to serve the demo on {host}: its accounts and passwords are public. "
            "Use --host 127.0.0.1, or --allow-lan to let other machines in."
        )
    click.echo(
        f"WARNING: the demo listens on {host} (--allow-lan): every machine that reaches it can log "
        "in with the demo accounts.",
        err=True,
    )


@main.command()
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Shortcut for `serve --demo` on 127.0.0.1:8000."""
    ctx.invoke(serve, demo=True, host="127.0.0.1", port=8000, workers=1, allow_lan=False)


@main.command()
@click.option("--revision", default="head", show_default=True)
def migrate(revision: str) -> None:
    """Upgrade the database schema (a separate step before serving in production)."""
    from app import migrate as migrate_module

    settings = load_settings()
    assert settings.database_url is not None
    migrate_module.upgrade(settings.database_url.get_secret_value(), revision)
    click.echo(f"database at {revision}", err=True)


@main.command("create-user")
@click.option("--username", required=True)
@click.option("--full-name", required=True)
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    help="AGENCY_CODE:ROLE, e.g. 000.00.01.H99:admin (repeatable)",
)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_user(
    username: str, full_name: str, roles: tuple[str, ...], password_stdin: bool
) -> None:
    """Create an officer account (the first administrator, typically)."""
    from app.models.user import Role
    from app.services.identity import users as users_service

    parsed: set[tuple[str, Role]] = set()
    for item in roles:
        agency, _, role = item.rpartition(":")
        if not agency or role not in Role.__members__:
            raise click.BadParameter(f"{item!r}: expected AGENCY_CODE:ROLE", param_hint="--role")
        parsed.add((agency, Role(role)))
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Repeat: ") != password:
            raise click.ClickException("passwords differ")
    settings = load_settings()
    assert settings.database_url is not None
    new = users_service.NewUser(username, full_name, password, frozenset(parsed))
    asyncio.run(_create_user(settings.database_url.get_secret_value(), new))
    click.echo(f"created {users_service.normalise_username(username)}", err=True)


async def _create_user(url: str, new: NewUser) -> None:
    from app.db import create_engine, create_session_factory
    from app.errors import DomainError
    from app.services.identity import users as users_service
    from app.services.system.audit import AuditActor

    # the admin audit log names the operator's account on this machine (no agency: not an officer)
    actor = AuditActor(f"cli:{getpass.getuser()}"[:64], None)
    engine = create_engine(url, load_settings())
    try:
        async with create_session_factory(engine)() as session, session.begin():
            await users_service.create_user(session, new, actor=actor)
    except DomainError as exc:
        raise click.ClickException(exc.detail) from exc
    finally:
        await engine.dispose()


@main.command("purge-uploads")
def purge_uploads() -> None:
    """Delete unattached uploads past their expiry, rows and files (until the worker runs it)."""
    settings = load_settings()
    assert settings.database_url is not None
    purged = asyncio.run(_purge_uploads(settings))
    click.echo(f"purged {purged} expired uploads", err=True)


async def _purge_uploads(settings: Settings) -> int:
    from app.db import create_engine, create_session_factory
    from app.services.uploads import files as uploads_service
    from app.services.uploads.storage import LocalStorage

    assert settings.database_url is not None
    engine = create_engine(settings.database_url.get_secret_value(), settings)
    storage = LocalStorage(settings.upload_root)
    total = 0
    try:
        while True:  # batches, each in its own transaction
            async with create_session_factory(engine)() as session, session.begin():
                purged = await uploads_service.purge_expired_uploads(session, storage)
            total += purged
            if purged == 0:
                return total
    finally:
        await engine.dispose()


@main.command()
@click.option("--slots", type=click.IntRange(1, 64), default=None, help="concurrent deliveries")
def worker(slots: int | None) -> None:
    """Deliver outbox messages and run periodic jobs until SIGTERM (run as many as needed)."""
    from app.observability import configure_logging
    from app.workers.runner import run_until_signalled

    settings = load_settings()
    if settings.database_url is None or not settings.database_url.get_secret_value():
        raise click.ClickException("the worker needs MOTCUA_DATABASE_URL")
    configure_logging(settings.log_level, json_logs=settings.log_json)
    asyncio.run(run_until_signalled(settings, slots=slots))


@main.command()
@click.option(
    "--output", type=click.Path(path_type=Path), default=ROOT / "openapi" / "openapi.json"
)
def openapi(output: Path) -> None:
    """Write the OpenAPI document (committed; a test fails when it is stale)."""
    from app.openapi_export import render

    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render(), encoding="utf-8")
    click.echo(f"wrote {output}", err=True)


@main.command("fake-portal")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8900, show_default=True, type=int)
@click.option("--username", default="motcua", show_default=True)
@click.option("--password", default="mat-khau-cong-dvc", show_default=True)
@click.option("--dstcode", default="H99", show_default=True, help="the province's connection code")
@click.option("--latency-ms", default=0, show_default=True, type=click.IntRange(0, 60_000))
def fake_portal(
    host: str, port: int, username: str, password: str, dstcode: str, latency_ms: int
) -> None:
    """A fake National Public Service Portal for the demo and tests (docs/portal.md)."""
    from app.devtools.fake_portal.runner import serve
    from app.devtools.fake_portal.server import FakePortal, FakePortalConfig

    config = FakePortalConfig(
        username=username,
        password=password,
        dstcode=dstcode,
        latency_seconds=latency_ms / 1000,
    )
    click.echo(f"fake national portal on http://{host}:{port} (control: /_fake/...)", err=True)
    serve(FakePortal(config), host, port)


main.add_command(catalog)
main.add_command(portal)
main.add_command(stats)


if __name__ == "__main__":  # pragma: no cover
    main()
