"""Import: idempotent, bad rows rejected whole with reasons, export reads back unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import BadRequest
from app.models.catalog import AdministrativeUnit, Agency
from app.models.procedure import Procedure, ProcedureApplication, ProcessStep, ProcessTemplate
from app.services.catalog import transfer as catalog_import
from tests.catalog.sample import COMMUNE_AGENCY, sample_catalog

pytestmark = pytest.mark.usefixtures("catalog")


async def _last_change(session: AsyncSession) -> Any:
    stamps = [
        await session.scalar(select(func.max(model.updated_at)))
        for model in (AdministrativeUnit, Agency, Procedure, ProcessTemplate, ProcedureApplication)
    ]
    return stamps, await session.scalar(select(func.count()).select_from(Procedure))


async def test_second_import_of_the_same_file_is_a_no_op(session: AsyncSession) -> None:
    before = await catalog_import.export_catalog(session)
    stamps = await _last_change(session)
    report = await catalog_import.import_catalog(session, sample_catalog())
    assert report.changed == 0
    assert report.rejected == []
    assert report.counts["procedures"] == {"unchanged": 12}
    assert await catalog_import.export_catalog(session) == before
    assert await _last_change(session) == stamps


async def test_export_reads_back_unchanged(session: AsyncSession) -> None:
    exported = await catalog_import.export_catalog(session)
    assert exported["procedures"][0]["processing_time"]["amount"] in {
        "1",
        "20",
        "30",
        "5",
        "7",
        "3",
    }
    report = await catalog_import.import_catalog(session, exported)
    assert (report.changed, report.rejected) == (0, [])


def _bad_document() -> dict[str, Any]:
    doc = sample_catalog()
    birth = next(p for p in doc["procedures"] if p["code"] == "1.001193")
    doc["units"] = [
        {"code": "99", "name": "Xã Lạc", "kind": "commune", "parent": "H00"},  # unknown parent
        {"code": "98", "name": "Xã Tốt", "kind": "commune", "parent": "H99"},
    ]
    doc["agencies"] = [{"code": "000.98.00.H99", "name": " ", "kind": "other"}]  # empty name
    doc["fields"] = []
    doc["procedures"] = [
        birth
        | {
            "code": "1.000001",
            "field": "KHONGCO",
            "fees": [{"name": "Phí", "kind": "charge", "amount": -1}],
        },
        birth | {"name": "Thủ tục đăng ký khai sinh (đổi tên, cùng phiên bản)"},
        birth | {"version": 2, "name": "Thủ tục đăng ký khai sinh (phiên bản 2)"},
        birth | {"code": "1.000002", "name": "Thủ tục mới hợp lệ"},
    ]
    bad_steps = doc["templates"][0] | {"code": "QT-LOI"}
    bad_steps["steps"] = [
        *bad_steps["steps"][:2],
        bad_steps["steps"][2] | {"runs_at": {"kind": "fixed", "agency": "000.00.77.H99"}},
    ]
    short = doc["templates"][0] | {"code": "QT-NGAN"}
    short["steps"] = short["steps"][:2]  # 0.625 of a day, not 1
    doc["templates"] = [bad_steps, short]
    doc["applications"] = [
        doc["applications"][0] | {"procedure": "1.000002", "template": "QT-LOI"},
        doc["applications"][0] | {"procedure": "1.000002", "template": "QT-NGAN"},
        doc["applications"][0]
        | {
            "procedure": "1.000002",
            "agency": "000.32.00.H99",
            "receiving_offices": ["000.32.00.H99"],
        },
    ]
    return doc


async def test_bad_rows_are_rejected_whole_with_reasons(session: AsyncSession) -> None:
    report = await catalog_import.import_catalog(session, _bad_document())
    rejected = {(r.section, r.key): r.reasons for r in report.rejected}
    assert set(rejected) == {
        ("units", "99"),
        ("agencies", "000.98.00.H99"),
        ("procedures", "1.000001 v1"),
        ("procedures", "1.001193 v1"),
        ("templates", "QT-LOI v1"),
        ("applications", f"1.000002@{COMMUNE_AGENCY} v1"),
    }
    assert any(r.startswith("parent:") for r in rejected[("units", "99")])
    assert any(r.startswith("name:") for r in rejected[("agencies", "000.98.00.H99")])
    assert {r.split(":")[0] for r in rejected[("procedures", "1.000001 v1")]} == {"fees.0.amount"}
    assert "phiên bản mới" in rejected[("procedures", "1.001193 v1")][0]
    assert rejected[("templates", "QT-LOI v1")][0].startswith("steps.2.runs_at.agency:")
    # the first application names a rejected template, the second's steps do not add up: the
    # second row (index 1) is the one in the report for that key; the first fails for its template
    reasons = rejected[("applications", f"1.000002@{COMMUNE_AGENCY} v1")]
    assert any(r.startswith("template_version:") for r in reasons)
    assert report.counts["applications"] == {"rejected": 2, "created": 1}

    # nothing of a rejected row is stored; the good rows are
    assert await session.get(AdministrativeUnit, "99") is None
    assert await session.get(AdministrativeUnit, "98") is not None
    assert await session.get(Agency, "000.98.00.H99") is None
    codes = set(await session.scalars(select(Procedure.code)))
    assert "1.000001" not in codes
    assert "1.000002" in codes
    templates = set(await session.scalars(select(ProcessTemplate.code)))
    assert "QT-LOI" not in templates
    steps = await session.scalar(select(func.count()).select_from(ProcessStep))
    assert steps == 3 + 3 + 2  # the two sample templates and QT-NGAN
    birth = await session.scalar(
        select(Procedure).where(Procedure.code == "1.001193", Procedure.is_current)
    )
    assert birth is not None
    assert (birth.version, birth.name) == (2, "Thủ tục đăng ký khai sinh (phiên bản 2)")


async def test_a_document_that_is_not_a_catalog_is_refused(session: AsyncSession) -> None:
    with pytest.raises(BadRequest):
        await catalog_import.import_catalog(session, {"format": "other", "units": []})
    with pytest.raises(BadRequest):
        await catalog_import.import_catalog(session, [1, 2])
    report = await catalog_import.import_catalog(
        session, {"format": catalog_import.FORMAT, "units": [42, "x"]}
    )
    assert [r.key for r in report.rejected] == ["?", "?"]
