"""The catalog format by channel (issue 12): a procedure may give its processing time per channel;
``online_processing_time`` of ``motcua.catalog/v1`` files is the online channel's time."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.procedure import Procedure
from app.services.catalog import transfer as catalog_import
from tests.catalog.sample import sample_catalog

pytestmark = pytest.mark.usefixtures("catalog")


async def _procedure(session: AsyncSession, code: str, version: int) -> Procedure:
    found = await session.scalar(
        select(Procedure).where(Procedure.code == code, Procedure.version == version)
    )
    assert found is not None
    return found


async def test_a_v1_online_time_is_the_online_channels_time(session: AsyncSession) -> None:
    document = sample_catalog()
    row = dict(document["procedures"][0])
    row.update(version=7, online_processing_time={"amount": "0.5", "unit": "working_days"})
    report = await catalog_import.import_catalog(
        session, {"format": "motcua.catalog/v1", "procedures": [row]}
    )
    assert report.rejected == []
    stored = await _procedure(session, row["code"], 7)
    assert stored.processing_time_by_channel == {
        "online": {"amount": "0.5", "unit": "working_days"}
    }
    again = await catalog_import.import_catalog(
        session, {"format": "motcua.catalog/v1", "procedures": [row]}
    )
    assert again.changed == 0 and again.rejected == []


async def test_times_per_channel_import_and_export(session: AsyncSession) -> None:
    document = sample_catalog()
    row = dict(document["procedures"][0])
    row.update(
        version=8,
        processing_time_by_channel={
            "online": {"amount": "2", "unit": "working_hours"},
            "postal": {"amount": "4", "unit": "working_days"},
        },
    )
    report = await catalog_import.import_catalog(
        session, {"format": "motcua.catalog/v2", "procedures": [row]}
    )
    assert report.rejected == []
    stored = await _procedure(session, row["code"], 8)
    assert (stored.online_processing_time_amount, stored.online_processing_time_unit) == (
        2,
        "working_hours",
    )
    exported = await catalog_import.export_catalog(session)
    assert exported["format"] == "motcua.catalog/v2"
    out = next(p for p in exported["procedures"] if p["code"] == row["code"] and p["version"] == 8)
    assert out["processing_time_by_channel"]["postal"] == {"amount": "4", "unit": "working_days"}
    assert out["online_processing_time"] == {"amount": "2", "unit": "working_hours"}


async def test_two_different_online_times_are_refused(session: AsyncSession) -> None:
    row = dict(sample_catalog()["procedures"][0])
    row.update(
        version=9,
        online_processing_time={"amount": "1", "unit": "working_hours"},
        processing_time_by_channel={"online": {"amount": "2", "unit": "working_hours"}},
    )
    report = await catalog_import.import_catalog(
        session, {"format": "motcua.catalog/v2", "procedures": [row]}
    )
    assert len(report.rejected) == 1
    assert "online_processing_time" in report.rejected[0].reasons[0]


async def test_a_v1_document_shown_at_the_desk_is_read_as_presented_only(
    session: AsyncSession,
) -> None:
    row = dict(sample_catalog()["procedures"][0])
    shown = {
        "code": "TP09",
        "name": "Giấy tờ tùy thân",
        "originals": 1,
        "copies": 0,
        "mandatory": True,
        "form_url": None,
        "condition": "Xuất trình (không nộp); bản chính còn giá trị",
    }
    row.update(version=10, documents=[*row["documents"], shown])
    report = await catalog_import.import_catalog(
        session, {"format": "motcua.catalog/v1", "procedures": [row]}
    )
    assert report.rejected == []
    stored = await _procedure(session, row["code"], 10)
    document = stored.documents[-1]
    assert document["presented_only"] is True
    assert document["condition"] == "bản chính còn giá trị"
    assert document["channels"] is None  # every channel: v1 said nothing of channels
    again = await catalog_import.import_catalog(
        session, {"format": "motcua.catalog/v1", "procedures": [row]}
    )
    assert again.changed == 0 and again.rejected == []
