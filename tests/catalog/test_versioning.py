"""Versions: a published change is a new version; dossiers use the version in force at submission."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict
from app.models.procedure import CatalogState
from app.schemas.catalog import ApplicationData, ProcedureData
from app.services.catalog import admin as admin_service
from app.services.catalog import process_templates as process_service
from app.services.catalog import reads as catalog_service
from tests.catalog.sample import COMMUNE_AGENCY, sample_catalog

pytestmark = pytest.mark.usefixtures("catalog")
VN = ZoneInfo("Asia/Ho_Chi_Minh")
BIRTH = "1.001193"


async def _publish_v2_effective(session: AsyncSession, effective: str) -> None:
    v1 = (await process_service.list_application_versions(session, BIRTH, COMMUNE_AGENCY))[0]
    data = ApplicationData.model_validate(
        {
            **{k: v for k, v in v1.content().items() if k in ApplicationData.model_fields},
            "processing_time": {"amount": "1", "unit": "working_days"},
            "fees": [{"name": "Lệ phí đăng ký khai sinh", "kind": "levy", "amount": 0}],
            "effective_from": effective,
        }
    )
    v2, outcome = await process_service.change_application(session, BIRTH, COMMUNE_AGENCY, data)
    assert (v2.version, outcome, v2.state) == (2, admin_service.Outcome.created, "draft")
    await process_service.set_application_state(
        session, BIRTH, COMMUNE_AGENCY, 2, CatalogState.published
    )


async def test_dossier_before_new_effective_date_keeps_previous_version(
    session: AsyncSession,
) -> None:
    await _publish_v2_effective(session, "2026-01-01")

    async def version_at(at: datetime) -> int:
        found = await catalog_service.application_in_force(session, BIRTH, COMMUNE_AGENCY, at)
        assert found is not None
        return found.application.version

    assert await version_at(datetime(2025, 12, 31, 16, 59, tzinfo=VN)) == 1
    assert await version_at(datetime(2026, 1, 1, 7, 30, tzinfo=VN)) == 2
    # 2025-12-31 17:30 UTC is already 2026-01-01 in Vietnam: the local date decides
    assert await version_at(datetime(2025, 12, 31, 17, 30, tzinfo=UTC)) == 2
    assert await version_at(datetime(2025, 12, 31, 16, 59, tzinfo=UTC)) == 1
    # before the first effective date nothing applies
    before = datetime(2025, 6, 30, 12, 0, tzinfo=VN)
    assert (
        await catalog_service.application_in_force(session, BIRTH, COMMUNE_AGENCY, before) is None
    )

    in_force = await catalog_service.application_in_force(
        session, BIRTH, COMMUNE_AGENCY, datetime(2026, 2, 1, tzinfo=VN)
    )
    assert in_force is not None
    assert in_force.processing_time == (Decimal("1"), "working_days")
    assert [s.code for s in in_force.template.steps] == ["S1", "S2", "S3"]
    assert in_force.procedure.code == BIRTH
    # the older version is still stored and readable, still published
    versions = await process_service.list_application_versions(session, BIRTH, COMMUNE_AGENCY)
    assert [(v.version, v.state) for v in versions] == [(1, "published"), (2, "published")]


async def test_retired_version_still_applies_to_earlier_instants(session: AsyncSession) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    await process_service.set_application_state(
        session, BIRTH, COMMUNE_AGENCY, 1, CatalogState.retired
    )
    after = datetime.now(UTC) + timedelta(seconds=1)
    assert await catalog_service.application_in_force(session, BIRTH, COMMUNE_AGENCY, before)
    assert await catalog_service.application_in_force(session, BIRTH, COMMUNE_AGENCY, after) is None


async def test_changing_a_published_procedure_opens_a_new_version(session: AsyncSession) -> None:
    row = next(p for p in sample_catalog()["procedures"] if p["code"] == BIRTH)
    data = ProcedureData.model_validate(
        {k: v for k, v in row.items() if k in ProcedureData.model_fields}
        | {"name": "Thủ tục đăng ký khai sinh (sửa đổi)"}
    )
    v2, outcome = await admin_service.change_procedure(session, BIRTH, data)
    assert (v2.version, v2.state, outcome) == (2, "draft", admin_service.Outcome.created)
    assert (await catalog_service.get_procedure(session, BIRTH)).version == 1  # v1 still current
    # a second change edits the draft in place
    again, outcome = await admin_service.change_procedure(session, BIRTH, data)
    assert (again.version, outcome) == (2, admin_service.Outcome.updated)

    await admin_service.set_procedure_state(session, BIRTH, 2, CatalogState.published)
    current = await catalog_service.get_procedure(session, BIRTH)
    assert (current.version, current.name) == (2, "Thủ tục đăng ký khai sinh (sửa đổi)")
    old = await catalog_service.get_procedure(session, BIRTH, version=1)
    assert (old.name, old.state, old.is_current) == (
        "Thủ tục đăng ký khai sinh",
        "published",
        False,
    )

    # retiring the current version makes the previous published one current again
    await admin_service.set_procedure_state(session, BIRTH, 2, CatalogState.retired)
    assert (await catalog_service.get_procedure(session, BIRTH)).version == 1
    with pytest.raises(Conflict):
        await admin_service.set_procedure_state(session, BIRTH, 2, CatalogState.published)


async def test_current_successor_follows_replacements(session: AsyncSession) -> None:
    from app.schemas.catalog import AgencyData

    base = {"kind": "commune_people_committee", "unit": "31", "receives_dossiers": True}
    await admin_service.put_agency(
        session, "000.40.00.H99", AgencyData.model_validate({**base, "name": "UBND xã Mới"})
    )
    await admin_service.put_agency(
        session,
        "000.39.00.H99",
        AgencyData.model_validate(
            {
                **base,
                "name": "UBND xã Giữa",
                "valid_to": "2026-01-01",
                "replaced_by": "000.40.00.H99",
            }
        ),
    )
    await admin_service.put_agency(
        session,
        COMMUNE_AGENCY,
        AgencyData.model_validate(
            {
                **base,
                "name": "UBND xã Một",
                "valid_to": "2025-12-01",
                "replaced_by": "000.39.00.H99",
            }
        ),
    )
    successor = await catalog_service.current_successor(session, COMMUNE_AGENCY)
    assert successor is not None
    assert successor.code == "000.40.00.H99"
    assert (await catalog_service.current_successor(session, "000.40.00.H99")).code == (  # type: ignore[union-attr]
        "000.40.00.H99"
    )
    assert await catalog_service.current_successor(session, "nope") is None
