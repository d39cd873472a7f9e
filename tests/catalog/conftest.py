"""Catalog fixtures: the sample catalog imported into the test's rolled-back transaction."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.services.catalog import transfer as catalog_import
from tests.catalog.sample import sample_catalog


@pytest.fixture
async def catalog(session_factory: async_sessionmaker[AsyncSession]) -> None:
    async with session_factory() as session:
        report = await catalog_import.import_catalog(session, sample_catalog())
        assert report.rejected == [], report.rejected
        await session.commit()
