"""The demo start loads the whole demo catalog: no row of app/demo/catalog.json is rejected."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.demo.seed import DEMO_CATALOG
from app.models.procedure import Procedure, ProcedureApplication, ProcessTemplate


async def test_every_demo_catalog_row_is_loaded(session: AsyncSession) -> None:
    document = json.loads(DEMO_CATALOG.read_text(encoding="utf-8"))
    counts = {
        "procedures": await session.scalar(select(func.count()).select_from(Procedure)),
        "applications": await session.scalar(
            select(func.count()).select_from(ProcedureApplication)
        ),
        "templates": await session.scalar(select(func.count()).select_from(ProcessTemplate)),
    }
    assert counts == {
        "procedures": len(document["procedures"]),
        "applications": len(document["applications"]),
        "templates": len(document["templates"]),
    }
