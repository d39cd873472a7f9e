"""Search on a database created explicitly with the C locale, where lower() cannot fold Vietnamese."""

from __future__ import annotations

import asyncio

from sqlalchemy import text

from app import migrate
from app.db import create_engine, create_session_factory
from app.services.catalog import reads as catalog_service
from app.services.catalog import search as catalog_search
from app.services.catalog import transfer as catalog_import
from tests.catalog.sample import sample_catalog
from tests.conftest import PgServer, make_settings

DB = "motcua_catalog_c_locale"


def test_search_on_a_c_locale_database(pg_server: PgServer) -> None:
    pg_server.admin(
        f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)',
        f"CREATE DATABASE \"{DB}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'",
    )
    url = pg_server.url(DB)
    try:
        migrate.upgrade(url)
        asyncio.run(_import_and_search(url))
    finally:
        pg_server.drop(DB)


async def _import_and_search(url: str) -> None:
    engine = create_engine(url, make_settings(url))
    try:
        async with create_session_factory(engine)() as session:
            locale = await session.scalar(
                text("SELECT datctype FROM pg_database WHERE datname = current_database()")
            )
            assert locale == "C"
            # why we fold in Python: here lower() folds ASCII only and leaves Vietnamese capitals
            assert await session.scalar(text("SELECT lower('ĐĂNG KÝ')")) == "ĐĂng kÝ"
            report = await catalog_import.import_catalog(session, sample_catalog())
            assert report.rejected == []
            await session.commit()

            page = catalog_service.PageRequest(page=1, page_size=10)
            driver = (await (await session.connection()).get_raw_connection()).driver_connection
            for q, expected in (
                ("DANG KY KHAI SINH", 3),
                ("đăng ký khai sinh", 3),
                ("ĐĂNG KÝ KHAI SINH", 3),
                ("Đăng Ký Kh", 4),  # khai sinh x3, khai tử
            ):
                found, total = await catalog_search.search_rows(
                    driver, catalog_search.ProcedureFilter(q=q), page
                )
                assert total == expected, q
                assert found[0]["name"] == "Đăng ký khai sinh", q
    finally:
        await engine.dispose()
