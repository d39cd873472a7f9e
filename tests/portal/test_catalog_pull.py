"""The catalog pull (acceptance 5): the fake portal serves national fields, agencies and procedures;
``motcua portal pull-catalog`` (a subprocess, with its progress bar and summary) upserts them. A
changed procedure becomes a new draft version while the published one stays in force, the local
applications are untouched, a local agency is never overwritten, and a province administrator
publishes the draft. A second pull changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from httpx import ASGITransport, AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_engine, create_session_factory
from app.devtools.fake_portal.server import FakePortal
from app.models.audit import AdminAuditEntry
from app.models.catalog import Agency, Field
from app.models.procedure import CatalogState, Procedure, ProcedureApplication
from tests.conftest import TEST_SECRET, build_app, make_settings
from tests.dossiers.conftest import COMMUNE, World, clone_demo  # noqa: F401 - a fixture
from tests.portal.conftest import DSTCODE, PORTAL_PASSWORD, PORTAL_USER

pytestmark = pytest.mark.committed

ROOT = Path(__file__).resolve().parents[2]
BIRTH = "1.001193"
NEW_PROCEDURE = "9.000001"

DOCUMENTS = [
    {"MaThanhPhan": "TP01", "TenThanhPhan": "Tờ khai đăng ký khai sinh theo mẫu", "BatBuoc": "1"},
    {"MaThanhPhan": "TP02", "TenThanhPhan": "Mẫu hộ tịch điện tử tương tác", "BatBuoc": "1"},
    {"MaThanhPhan": "TP03", "TenThanhPhan": "Giấy chứng sinh", "BatBuoc": "1"},
]
CATALOG: dict[str, list[dict[str, Any]]] = {
    "fields": [
        {"MaLinhVuc": "HOTICH", "TenLinhVuc": "Hộ tịch"},
        {"MaLinhVuc": "QG.THUNGHIEM", "TenLinhVuc": "Lĩnh vực thử nghiệm quốc gia"},
    ],
    "agencies": [
        {"MaCoQuan": "G09", "TenCoQuan": "Bộ Tư pháp", "LoaiCoQuan": "1"},
        {
            "MaCoQuan": COMMUNE,
            "TenCoQuan": "Tên do Cổng gửi (không được ghi đè)",
            "LoaiCoQuan": "1",
        },
    ],
    "procedures": [
        {
            "MaTTHC": BIRTH,
            "TenTTHC": "Thủ tục đăng ký khai sinh (sửa đổi năm 2026)",
            "MaLinhVuc": "HOTICH",
            "ThoiHanGiaiQuyet": "1",
            "DonViThoiHan": "NgayLamViec",
            "MucDo": "4",
            "CapThucHien": ["Cấp Xã"],
            "CanCuPhapLy": ["Luật Hộ tịch 60/2014/QH13"],
            "KetQuaThucHien": "Giấy khai sinh",
            "ThanhPhanHoSo": DOCUMENTS,
            "PhiLePhi": [
                {"TenPhiLePhi": "Lệ phí đăng ký khai sinh", "LoaiPhiLePhi": "2", "MucPhi": 0}
            ],
        },
        {
            "MaTTHC": NEW_PROCEDURE,
            "TenTTHC": "Thủ tục thử nghiệm mới của bộ",
            "MaLinhVuc": "QG.THUNGHIEM",
            "ThoiHanGiaiQuyet": "5",
            "DonViThoiHan": "NgayLamViec",
            "MucDo": "3",
            "CapThucHien": ["Cấp Tỉnh"],
            "ThanhPhanHoSo": [{"MaThanhPhan": "TP01", "TenThanhPhan": "Đơn đề nghị"}],
        },
        # refused by the catalog's rules (an unknown field): counted, the others go on
        {
            "MaTTHC": "9.000002",
            "TenTTHC": "Thủ tục có lĩnh vực không tồn tại",
            "MaLinhVuc": "KHONG.CO",
            "ThoiHanGiaiQuyet": "3",
        },
    ],
}


async def _versions(engine: AsyncEngine, code: str) -> list[Procedure]:
    async with create_session_factory(engine)() as session:
        return list(
            await session.scalars(
                select(Procedure).where(Procedure.code == code).order_by(Procedure.version)
            )
        )


async def _applications(engine: AsyncEngine) -> list[tuple[Any, ...]]:
    async with create_session_factory(engine)() as session:
        rows = await session.scalars(select(ProcedureApplication).order_by(ProcedureApplication.id))
        return [(a.id, a.procedure_code, a.agency_code, a.version, a.state) for a in rows]


def _pull(url: str, portal_url: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")},
        "PYTHONPATH": str(ROOT),
        "MOTCUA_ENV": "test",
        "MOTCUA_DATABASE_URL": url,
        "MOTCUA_SECRET_KEY": TEST_SECRET,
        "MOTCUA_PORTAL_BASE_URL": portal_url,
        "MOTCUA_PORTAL_USERNAME": PORTAL_USER,
        "MOTCUA_PORTAL_PASSWORD": PORTAL_PASSWORD,
        "MOTCUA_PORTAL_DSTCODE": DSTCODE,
        "MOTCUA_LOG_LEVEL": "WARNING",
    }
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "portal", "pull-catalog"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
async def committed(
    clone_demo: Callable[[], str],  # noqa: F811
    dev_key: bytes,
    tmp_path: Path,
) -> AsyncIterator[tuple[str, AsyncEngine, World]]:
    url = clone_demo()
    settings = make_settings(url, data_dir=tmp_path, upload_dir=tmp_path / "uploads")
    engine = create_engine(url, settings)
    factory = create_session_factory(engine)
    app = build_app(settings, engine, factory)
    app.state.dev_issuer.private_key_pem = dev_key
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        yield url, engine, World(app, client, factory, settings)
    await engine.dispose()


async def test_a_changed_procedure_becomes_a_draft_and_local_records_stay(
    committed: tuple[str, AsyncEngine, World], fake_portal: tuple[FakePortal, str]
) -> None:
    url, engine, world = committed
    portal_url = fake_portal[1]
    async with httpx.AsyncClient() as http:
        await http.post(f"{portal_url}/_fake/reset")
        await http.put(f"{portal_url}/_fake/catalog", json=CATALOG)
    before = await _versions(engine, BIRTH)
    published = next(v for v in before if v.is_current)
    applications = await _applications(engine)
    async with create_session_factory(engine)() as session:
        commune = await session.get(Agency, COMMUNE)
        assert commune is not None
        commune_name = commune.name

    done = _pull(url, portal_url)

    assert done.returncode == 0, done.stderr
    assert "procedures [##############################] 3/3" in done.stderr  # the progress bar
    summary = done.stdout
    assert "fields: 2 from the portal; created 1, unchanged 1" in summary
    assert "agencies: 2 from the portal; created 1, local 1" in summary
    assert "procedures: 3 from the portal; created 1, new_draft 1, rejected 1" in summary
    assert "rejected 9.000002" in summary

    after = await _versions(engine, BIRTH)
    assert len(after) == len(before) + 1
    draft = after[-1]
    assert (draft.version, draft.state) == (before[-1].version + 1, CatalogState.draft)
    assert draft.name == "Thủ tục đăng ký khai sinh (sửa đổi năm 2026)"
    assert [d["code"] for d in draft.documents] == ["TP01", "TP02", "TP03"]
    # what the province added to a document (its channels) is kept; the national name replaces ours
    assert draft.documents[0]["channels"] == ["desk", "postal"]
    assert draft.documents[1]["name"] == "Mẫu hộ tịch điện tử tương tác"
    # the published version is untouched and still the one in force
    kept = next(v for v in after if v.version == published.version)
    assert kept.is_current and kept.state is CatalogState.published
    assert kept.content() == published.content()
    assert await _applications(engine) == applications  # local applications never overwritten
    new = await _versions(engine, NEW_PROCEDURE)
    assert [(p.version, p.state) for p in new] == [(1, CatalogState.draft)]
    async with create_session_factory(engine)() as session:
        assert (await session.get(Agency, COMMUNE)).name == commune_name  # type: ignore[union-attr]
        ministry = await session.get(Agency, "G09")
        assert ministry is not None and ministry.name == "Bộ Tư pháp"
        assert await session.get(Field, "QG.THUNGHIEM") is not None
        audited = list(
            await session.scalars(
                select(AdminAuditEntry.target_key).where(
                    AdminAuditEntry.actor_username.startswith("cli:")
                )
            )
        )
    assert BIRTH in audited and NEW_PROCEDURE in audited

    # a second pull finds nothing new
    again = _pull(url, portal_url)
    assert again.returncode == 0, again.stderr
    assert "procedures: 3 from the portal; rejected 1, unchanged 2" in again.stdout
    assert len(await _versions(engine, BIRTH)) == len(after)

    # the province administrator publishes the draft: it is the version in force
    admin = await world.officer("admin")
    response = await world.client.post(
        f"/api/v1/admin/procedures/{BIRTH}/versions/{draft.version}/publish", headers=admin
    )
    assert response.status_code == 200, response.text
    current = next(v for v in await _versions(engine, BIRTH) if v.is_current)
    assert current.version == draft.version
