"""Demo start: accounts, then the demo catalog (``app/demo/catalog.json``). Idempotent."""

from __future__ import annotations

import json
import logging
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings, get_settings
from app.db import create_engine, create_session_factory
from app.models.user import Role
from app.services.catalog import transfer as catalog_import
from app.services.identity import users as users_service

log = logging.getLogger(__name__)

DEMO_CATALOG = Path(__file__).with_name("catalog.json")


def demo_accounts() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("app.demo").joinpath("accounts.json").read_text(encoding="utf-8")
    )
    return data


async def seed(
    database_url: str,
    catalog_file: Path | None = DEMO_CATALOG,
    settings: Settings | None = None,
) -> None:
    """Create the demo accounts that do not exist yet, then import the demo catalog if present.

    A second start changes nothing: the catalog import is idempotent.
    """
    engine = create_engine(database_url, settings or get_settings())
    data = demo_accounts()
    catalog = read_catalog(catalog_file)
    created = 0
    try:
        async with create_session_factory(engine)() as session, session.begin():
            for account in data["accounts"]:
                if await users_service.get_by_username(session, account["username"]) is not None:
                    continue
                await users_service.create_user(
                    session,
                    users_service.NewUser(
                        username=account["username"],
                        full_name=account["full_name"],
                        password=data["password"],
                        roles=frozenset((r["agency"], Role(r["role"])) for r in account["roles"]),
                    ),
                )
                created += 1
        if catalog is not None:
            await _load_catalog(create_session_factory(engine), catalog)
    finally:
        await engine.dispose()
    log.info("demo_seeded", extra={"accounts_created": created})


def read_catalog(path: Path | None) -> Any | None:
    """The demo catalog document, or None while there is no such file."""
    if path is None or not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


async def _load_catalog(factory: async_sessionmaker[AsyncSession], document: Any) -> None:
    async with factory() as session, session.begin():
        report = await catalog_import.import_catalog(session, document)
    for rejection in report.rejected:
        log.warning(
            "demo_catalog_row_rejected",
            extra={
                "section": rejection.section,
                "key": rejection.key,
                "reasons": rejection.reasons,
            },
        )
    log.info(
        "demo_catalog_loaded", extra={"changed": report.changed, "rejected": len(report.rejected)}
    )
