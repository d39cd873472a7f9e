"""Readiness: the database answers and its schema is at the migrations' head."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS_DIR = Path(__file__).resolve().parents[3] / "migrations"


def alembic_heads() -> frozenset[str]:
    """Head revisions of the migration scripts shipped with this build (read once at start-up)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


@dataclass
class Readiness:
    ready: bool
    checks: dict[str, str] = field(default_factory=dict)


async def readiness(engine: AsyncEngine, heads: frozenset[str]) -> Readiness:
    try:
        async with asyncio.timeout(3), engine.connect() as conn:
            result = await conn.execute(text("SELECT version_num FROM alembic_version"))
            versions = set(result.scalars())
    except ProgrammingError:  # reachable, but never migrated
        return Readiness(False, {"database": "ok", "migrations": "missing"})
    except (SQLAlchemyError, OSError, TimeoutError):
        return Readiness(False, {"database": "unreachable", "migrations": "unknown"})
    at_head = versions == set(heads)
    return Readiness(at_head, {"database": "ok", "migrations": "ok" if at_head else "behind"})
