"""The demo start loads the whole demo catalog: no row of app/demo/catalog.json is rejected."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.demo.seed import DEMO_CATALOG
from app.models.procedure import Procedure, ProcedureApplication, ProcessTemplate
from app.services.identity import scopes
from tests.dossiers.conftest import World


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


async def test_the_demo_admin_is_the_province_administrator(
    session: AsyncSession, world: World
) -> None:
    """Without a configured root the demo's is found in its catalog; `admin` holds admin there,
    `quantri.xa` administers one commune only."""
    assert await scopes.province_root(session, None) == "000.00.00.H99"
    day = {"kind": "day_off", "reason": "Nghỉ theo quyết định của tỉnh (demo)"}
    commune_admin = await world.officer("quantri.xa")
    refused = await world.client.put(
        "/api/v1/admin/calendar/2026-12-31", json=day, headers=commune_admin
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == "province_admin_required"
    users = await world.client.get(
        "/api/v1/admin/agencies/000.31.00.H99/users", headers=commune_admin
    )
    assert users.status_code == 200
    province_admin = await world.officer("admin")
    allowed = await world.client.put(
        "/api/v1/admin/calendar/2026-12-31", json=day, headers=province_admin
    )
    assert allowed.status_code == 201, allowed.text
