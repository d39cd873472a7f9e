"""Every field the fake portal requires is present and well-formed, for dossiers of every channel and
every status the lifecycle reaches today (built through the API, snapshotted, sent over HTTP)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from app.services.portal import links
from tests.dossiers.conftest import World
from tests.portal.conftest import PUBLIC_BASE, Portal
from tests.portal.scenarios import SCENARIOS, Builder, Scenario

# by post is 3; a dossier the portal forwarded was submitted online (on the portal)
KENH_THUC_HIEN = {"desk": "1", "online": "2", "postal": "3", "national_portal": "2"}


def _date(value: str) -> datetime:
    return datetime.strptime(value, "%Y%m%d%H%M%S")


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: f"{s.channel}-{s.name}")
async def test_every_status_and_channel_is_accepted_by_the_portal(
    world: World, portal: Portal, scenario: Scenario
) -> None:
    builder = Builder(world, scenario.channel)
    await builder.login()
    code = await builder.build(scenario.name)

    result = await portal.send(world, code)

    assert result.created and not result.updated
    stored = (await portal.dossiers())[code]
    current: dict[str, Any] = stored["current"]
    assert stored["statuses"] == [scenario.status_code]
    assert current["TrangThaiHoSo"] == str(scenario.status_code)
    assert current["KenhThucHien"] == KENH_THUC_HIEN[scenario.channel]
    assert current["LoaiDoiTuong"] == "1"
    # the progress: one row per event, every one stored, in chunks of at most ten
    calls = await portal.received("CapNhatTienDoHoSoMC")
    assert all(len(call["data"]) <= 10 for call in calls)
    assert len(stored["progress"]) == result.progress_rows == sum(len(c["data"]) for c in calls)
    _check_scenario(scenario, current, stored["progress"])


def _check_scenario(
    scenario: Scenario, current: dict[str, Any], progress: list[dict[str, Any]]
) -> None:
    name = scenario.name
    if name in ("supplement_requested", "supplement_before_receipt"):
        (request,) = current["DanhSachHoSoBoSung"]
        assert request["TrangThaiBoSung"] == "0" and request["NgayTiepNhanBoSung"] == ""
        assert request["NgayHenTraMoi"] == ""
        # before receipt there is no appointment yet
        assert (request["NgayHenTraTruoc"] == "") == (name == "supplement_before_receipt")
    if name == "supplemented":
        (request,) = current["DanhSachHoSoBoSung"]
        assert request["TrangThaiBoSung"] == "1"
        # the appointment moves by the working time paused (none outside office hours)
        assert _date(request["NgayHenTraMoi"]) >= _date(request["NgayHenTraTruoc"])
        assert request["NgayHenTraMoi"] == current["NgayHenTra"]
    if name in ("awaiting_payment", "paid"):
        fees = current["DanhSachLePhi"]
        assert fees and all(isinstance(f["Gia"], int) for f in fees)
        assert current["DuocThanhToanTrucTuyen"] == "0"  # cash at the desk is not online
    if name == "paid_online":  # through a gateway of the province
        (fee,) = current["DanhSachLePhi"]
        assert current["DuocThanhToanTrucTuyen"] == "2"
        assert fee["HinhThucThu"] == "2" and isinstance(fee["Gia"], int)
    if name.startswith("returned"):
        assert current["NgayTra"] and current["NgayKetThucXuLy"]
        delivery = {"returned_online": "2", "returned_by_post": "1"}.get(name, "0")
        assert current["HinhThuc"] == delivery
    if name == "rescheduled":
        (apology,) = [r for r in progress if r["NoiDungXuLy"].startswith("Xin lỗi")]
        assert _date(apology["NgayKetThucTheoQuyDinh"]) > _date(current["NgayHenTra"])
    if name == "rejected":
        assert current["NgayTuChoi"] and current["NgayKetThucXuLy"]
        assert current["NgayTiepNhan"] == ""
    if name in ("resolved", "returned", "returned_online", "returned_by_post"):
        (result,) = current["DanhSachGiayToKetQua"]
        _check_link(result["DuongDanTepTinKetQua"], int(result["GiayToId"]))
        assert _date(current["NgayKetThucXuLy"]) <= _date(current["NgayHenTra"])
    if scenario.channel == "online":
        for document in current["TaiLieuNop"]:
            assert document["DuocSoHoa"] == "1"
            _check_link(document["DuongDanTaiTepTin"], int(document["TepDinhKemId"]))
        assert current["HoSoCoThanhPhanSoHoa"] == "1"


def _check_link(url: str, document_id: int) -> None:
    parts = urlsplit(url)
    assert url.startswith(f"{PUBLIC_BASE}{links.FILES_PATH}/{document_id}?")
    query = parse_qs(parts.query)
    assert int(query["expires"][0]) > datetime.now().timestamp()
    assert len(query["signature"][0]) == 64


async def test_a_later_change_updates_the_portals_copy_and_adds_only_new_rows(
    world: World, portal: Portal
) -> None:
    builder = Builder(world, "online")
    await builder.login()
    code = await builder.build("received")
    first = await portal.send(world, code)
    assert first.created
    await world.act(code, "forward", builder.h("tiepnhan.xa"))

    second = await portal.send(world, code, known=True)

    assert second.updated and not second.created
    stored = (await portal.dossiers())[code]
    assert stored["statuses"] == [2, 4]
    assert (stored["creates"], stored["updates"]) == (1, 1)
    # rows sent twice are kept once: submit, receive, forward
    assert len(stored["progress"]) == 3
