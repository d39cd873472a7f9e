"""The request sessions as the server wires them: GET and HEAD without a transaction, writes in one.

Through the app's real lifespan (its own engine, read pool and session factories) on a cloned
database. Observable difference: inside a transaction ``now()`` is the transaction's start and
repeats; outside, each statement has its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from fastapi import Depends
from httpx import ASGITransport, AsyncClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.main import create_app
from app.routing import TransactionalRoute, get_session
from tests.conftest import make_settings


async def _two_clocks(session: AsyncSession = Depends(get_session)) -> dict[str, bool]:
    first = await session.scalar(text("SELECT now()"))
    await asyncio.sleep(0.02)
    second = await session.scalar(text("SELECT now()"))
    return {"same_transaction": first == second}


async def test_reads_run_statement_by_statement_and_writes_in_a_transaction(
    clone_database: Callable[[], str], tmp_path: Path
) -> None:
    app = create_app(make_settings(clone_database(), data_dir=tmp_path))
    for method in ("GET", "POST"):
        route = TransactionalRoute(f"/probe-{method.lower()}", _two_clocks, methods=[method])
        app.router.routes.append(route)
    async with app.router.lifespan_context(app):
        transport = ASGITransport(app=app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            read = await client.get("/probe-get")
            write = await client.post("/probe-post")
    assert read.json() == {"same_transaction": False}
    assert write.json() == {"same_transaction": True}
