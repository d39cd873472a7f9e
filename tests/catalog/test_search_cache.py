"""The search cache: repeated searches are served from it, a committed catalog change never is stale."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.models.procedure import CatalogGeneration, CatalogState, Procedure, ProcedureApplication
from app.services.catalog.search_cache import SearchCache, catalog_generation
from app.services.catalog.text import fold

pytestmark = pytest.mark.usefixtures("catalog")


async def search(client: AsyncClient, **params: Any) -> dict[str, Any]:
    response = await client.get("/api/v1/procedures", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def codes(body: dict[str, Any]) -> list[str]:
    return [item["code"] for item in body["items"]]


async def test_repeated_search_is_served_from_the_cache(client: AsyncClient, app: FastAPI) -> None:
    first = await search(client, q="dang ky", page_size=3)
    cache: SearchCache = app.state.search_cache
    assert (cache.hits, cache.misses) == (0, 1)
    assert await search(client, q="dang ky", page_size=3) == first
    assert cache.hits == 1
    # another page, size or filter is another entry, never the cached one
    assert codes(await search(client, q="dang ky", page=2, page_size=3)) != codes(first)
    assert (await search(client, q="dang ky", page_size=3, field="CUTRU"))["total"] == 2
    assert cache.hits == 1


async def test_a_committed_procedure_change_is_seen_at_once(
    client: AsyncClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    # cached: nothing is called "sổ hồng" yet, and 1.000894 is named "Đăng ký kết hôn"
    assert (await search(client, q="so hong"))["total"] == 0
    assert codes(await search(client, q="ket hon")) == ["1.000894"]
    assert codes(await search(client, q="ket hon")) == ["1.000894"]  # a hit
    async with session_factory() as session:
        await session.execute(
            update(Procedure)
            .where(Procedure.code == "1.000894", Procedure.is_current)
            .values(name="Cấp sổ hồng", name_folded=fold("Cấp sổ hồng"))
        )
        await session.commit()
    assert codes(await search(client, q="so hong")) == ["1.000894"]
    assert (await search(client, q="ket hon"))["total"] == 0


async def test_a_committed_application_change_is_seen_at_once(
    client: AsyncClient, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    agency = "000.32.00.H99"
    assert codes(await search(client, q="khai sinh", agency=agency)) == ["1.001193"]
    async with session_factory() as session:
        await session.execute(
            update(ProcedureApplication)
            .where(ProcedureApplication.agency_code == agency)
            .values(state=CatalogState.retired)
        )
        await session.commit()
    assert (await search(client, q="khai sinh", agency=agency))["total"] == 0


async def test_every_catalog_write_bumps_the_generation_in_its_transaction(
    session: AsyncSession,
) -> None:
    before = await catalog_generation(session)
    async with session.begin_nested() as savepoint:
        await session.execute(
            update(Procedure).where(Procedure.code == "1.000894").values(verified=True)
        )
        assert await catalog_generation(session) == before + 1
        await savepoint.rollback()  # rolled back with the write
    assert await catalog_generation(session) == before
    await session.execute(update(ProcedureApplication).values(fees=None))
    await session.execute(update(ProcedureApplication).where(ProcedureApplication.id < 0))
    assert await catalog_generation(session) == before + 2
    assert await session.scalar(select(CatalogGeneration.id)) == 1  # exactly one row


def test_the_cache_is_bounded() -> None:
    cache = SearchCache(max_entries=2)
    cache.put(1, "a", b"A")
    cache.put(1, "b", b"B")
    assert cache.get(1, "a") == b"A"  # "a" is now the most recent
    cache.put(1, "c", b"C")
    assert cache.get(1, "b") is None
    assert len(cache) == 2
    assert cache.get(2, "a") is None  # another generation is another key
    off = SearchCache(max_entries=0)  # MOTCUA_SEARCH_CACHE_ENTRIES=0: every search runs
    off.put(1, "a", b"A")
    assert off.get(1, "a") is None
    assert len(off) == 0
