"""Demo start: accounts (and, as later modules arrive, the demo catalog). Idempotent."""

from __future__ import annotations

import json
import logging
from importlib import resources
from typing import Any

from app.config import get_settings
from app.db import create_engine, create_session_factory
from app.models.user import Role
from app.services import users as users_service

log = logging.getLogger(__name__)


def demo_accounts() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("app.demo").joinpath("accounts.json").read_text(encoding="utf-8")
    )
    return data


async def seed(database_url: str) -> None:
    """Create the demo accounts that do not exist yet; a second start changes nothing."""
    engine = create_engine(database_url, get_settings())
    data = demo_accounts()
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
    finally:
        await engine.dispose()
    log.info("demo_seeded", extra={"accounts_created": created})
