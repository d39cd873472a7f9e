"""The fake portal on its own, over HTTP: it refuses what the real portal would refuse, answers as
the portal answers, fails on demand and forwards signed dossiers. Written without the adapter, so a
bug shared by both cannot hide."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from app.devtools.fake_portal.runner import serving_app
from tests.portal.conftest import DSTCODE, PORTAL_PASSWORD, PORTAL_USER
from tests.test_cli import free_port

HEADERS = {"dstcode": DSTCODE}


def valid_dossier(code: str = "000.31.00.H99-261130-0001", **changes: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "MaHoSo": code,
        "MaTTHC": "1.001612",
        "TenTTHC": "Đăng ký thành lập hộ kinh doanh",
        "MaLinhVuc": "G09-KH",
        "KenhThucHien": "2",
        "ChuHoSo": "Công dân mẫu",
        "LoaiDoiTuong": "1",
        "SoGiayToChuHoSo": "001234567890",
        "TrichYeuHoSo": "Đăng ký thành lập hộ kinh doanh",
        "NgayTiepNhan": "20261130083000",
        "NgayHenTra": "20261203083000",
        "TrangThaiHoSo": "4",
        "NgayKetThucXuLy": "",
        "NgayTra": "",
        "HinhThuc": "0",
        "TaiLieuNop": [
            {
                "TepDinhKemId": "1",
                "TenTepDinhKem": "to-khai.pdf",
                "MaThanhPhanHoSo": "TP01",
                "DuongDanTaiTepTin": "https://motcua.example.vn/f/1?s=abc",
                "DuocSoHoa": "1",
                "DuocTaiSuDung": "0",
            }
        ],
        "DanhSachLePhi": [
            {
                "TenPhiLePhi": "Lệ phí",
                "MaPhiLePhi": "1",
                "HinhThucThu": "1",
                "Gia": 100000,
                "LoaiPhiLePhi": "2",
            }
        ],
        "DanhSachHoSoBoSung": [],
        "DanhSachGiayToKetQua": [],
        "TaiKhoanDuocXacThucVoiVNeID": "0",
        "DuocThanhToanTrucTuyen": "0",
        "NgayTuChoi": "",
    }
    item.update(changes)
    return item


def progress(code: str = "000.31.00.H99-261130-0001", **changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "MaHoSo": code,
        "NguoiXuLy": "Cán bộ tiếp nhận",
        "ChucDanh": "",
        "ThoiDiemXuLy": "20261130083000",
        "PhongBanXuLy": "",
        "NoiDungXuLy": "Tiếp nhận hồ sơ",
        "TrangThai": "2",
        "NgayBatDau": "",
        "NgayKetThucTheoQuyDinh": "",
    }
    row.update(changes)
    return row


class Fake:
    def __init__(self, http: httpx.AsyncClient, url: str) -> None:
        self.http, self.url = http, url

    async def login(self) -> str:
        response = await self.http.post(
            f"{self.url}/adapter/login",
            json={"username": PORTAL_USER, "password": PORTAL_PASSWORD},
            headers=HEADERS,
        )
        assert response.status_code == 200, response.text
        token: str = response.json()["session"]
        return token

    async def call(self, service: str, data: Any, **extra: Any) -> dict[str, Any]:
        body = {"session": await self.login(), "madonvi": "000.31.00.H99", "service": service}
        response = await self.http.post(
            f"{self.url}/adapter/service", json={**body, **extra, "data": data}, headers=HEADERS
        )
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer

    async def create(self, *items: dict[str, Any]) -> dict[str, Any]:
        return await self.call("DongBoHoSoMC", list(items), isUpdating="False")


@pytest.fixture
async def fake(fake_portal: tuple[Any, str]) -> AsyncIterator[Fake]:
    async with httpx.AsyncClient() as http:
        await http.post(f"{fake_portal[1]}/_fake/reset")
        yield Fake(http, fake_portal[1])


async def test_a_well_formed_dossier_and_its_progress_are_accepted(fake: Fake) -> None:
    assert (await fake.create(valid_dossier()))["error_code"] == "0"
    answer = await fake.call("CapNhatTienDoHoSoMC", [progress()])
    assert answer == {"error_code": "0", "message": "Cập nhật tiến độ thành công"}
    again = await fake.create(valid_dossier())
    assert again["error_code"] == "3" and "đã tồn tại" in again["message"]
    resolved = valid_dossier(TrangThaiHoSo=9, NgayKetThucXuLy="20261202100000")
    update = await fake.call("DongBoHoSoMC", [resolved], isUpdating="True")
    assert update["error_code"] == "0"


MALFORMED = [
    ("missing", {"MaTTHC": None}, "MaTTHC: thiếu trường bắt buộc"),
    ("date", {"NgayHenTra": "2026-12-03 08:30"}, "NgayHenTra: ngày giờ"),
    ("impossible date", {"NgayTiepNhan": "20261332083000"}, "NgayTiepNhan: ngày giờ"),
    ("channel", {"KenhThucHien": "4"}, "KenhThucHien: giá trị '4'"),
    ("status", {"TrangThaiHoSo": 11}, "TrangThaiHoSo: giá trị 11"),
    ("status zero", {"TrangThaiHoSo": "0"}, "TrangThaiHoSo: giá trị '0'"),
    ("subject", {"LoaiDoiTuong": "5"}, "LoaiDoiTuong: giá trị '5'"),
    ("summary", {"TrichYeuHoSo": "x" * 1001}, "TrichYeuHoSo: dài quá 1000 ký tự"),
    ("received without date", {"NgayTiepNhan": ""}, "NgayTiepNhan: bắt buộc"),
    ("received without due", {"NgayHenTra": ""}, "NgayHenTra: bắt buộc"),
    ("due before receipt", {"NgayHenTra": "20261129083000"}, "NgayHenTra: trước NgayTiepNhan"),
    ("returned without date", {"TrangThaiHoSo": "10"}, "NgayTra: bắt buộc"),
    ("refused without date", {"TrangThaiHoSo": "3"}, "NgayTuChoi: bắt buộc"),
    ("ended without date", {"TrangThaiHoSo": "9"}, "NgayKetThucXuLy: bắt buộc"),
    ("paused without request", {"TrangThaiHoSo": "5"}, "DanhSachHoSoBoSung: bắt buộc"),
    ("fee amount", {"DanhSachLePhi": [{"TenPhiLePhi": "a", "MaPhiLePhi": "1",
                                       "HinhThucThu": "1", "Gia": "-5", "LoaiPhiLePhi": "1"}]},
     "DanhSachLePhi[0].Gia"),
    ("digitised without link", {"TaiLieuNop": [{"TepDinhKemId": "1", "TenTepDinhKem": "a",
                                                "MaThanhPhanHoSo": "", "DuongDanTaiTepTin": "",
                                                "DuocSoHoa": "1", "DuocTaiSuDung": "0"}]},
     "TaiLieuNop[0].DuongDanTaiTepTin: bắt buộc"),
    ("result without link", {"DanhSachGiayToKetQua": [{"TenGiayTo": "KQ", "MaThanhPhanHoSo": "",
                                                       "GiayToId": "9", "MaGiayToKetQua": "",
                                                       "DuongDanTepTinKetQua": ""}]},
     "DanhSachGiayToKetQua[0].DuongDanTepTinKetQua: không được để trống"),
    ("supplement dates", {"DanhSachHoSoBoSung": [{"HoSoBoSungId": "1", "NguoiYeuCauBoSung": "A",
                                                  "NoiDungBoSung": "B", "NgayBoSung": "hôm qua",
                                                  "NgayTiepNhanBoSung": "", "TrangThaiBoSung": "0",
                                                  "NgayHenTraTruoc": "", "NgayHenTraMoi": ""}]},
     "DanhSachHoSoBoSung[0].NgayBoSung: ngày giờ"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "changes", "problem"), MALFORMED, ids=[m[0] for m in MALFORMED])
async def test_malformed_dossiers_are_refused_and_nothing_is_stored(
    fake: Fake, case: str, changes: dict[str, Any], problem: str
) -> None:
    item = valid_dossier()
    for name, value in changes.items():
        if value is None:
            del item[name]
        else:
            item[name] = value
    answer = await fake.create(item)
    assert answer["error_code"] == "-1", case
    problems = answer["errors"][0]["problems"]
    assert any(p.startswith(problem) for p in problems), problems
    stored = (await fake.http.get(f"{fake.url}/_fake/dossiers")).json()["dossiers"]
    assert stored == {}


async def test_malformed_progress_is_refused(fake: Fake) -> None:
    await fake.create(valid_dossier())
    too_long = await fake.call("CapNhatTienDoHoSoMC", [progress(NguoiXuLy="x" * 51)])
    assert too_long["error_code"] == "-1"
    assert too_long["errors"][0]["problems"] == ["NguoiXuLy: dài quá 50 ký tự (51)"]
    rows = [progress(ThoiDiemXuLy=f"202611300830{i:02d}") for i in range(11)]
    eleven = await fake.call("CapNhatTienDoHoSoMC", rows)
    assert eleven["error_code"] == "-1" and "tối đa 10" in eleven["message"]
    unknown = await fake.call("CapNhatTienDoHoSoMC", [progress(code="KHONG-CO")])
    assert unknown["error_code"] == "4"
    bad = await fake.call("CapNhatTienDoHoSoMC", [progress(TrangThai="12", ThoiDiemXuLy="")])
    assert sorted(bad["errors"][0]["problems"])[0].startswith("ThoiDiemXuLy: không được")


async def test_login_and_envelope_errors(fake: Fake) -> None:
    wrong = await fake.http.post(
        f"{fake.url}/adapter/login",
        json={"username": PORTAL_USER, "password": "sai"},
        headers=HEADERS,
    )
    assert wrong.status_code == 401 and wrong.json()["error_code"] == "-1"
    no_code = await fake.http.post(
        f"{fake.url}/adapter/login", json={"username": PORTAL_USER, "password": PORTAL_PASSWORD}
    )
    assert no_code.status_code == 403
    stale = await fake.http.post(
        f"{fake.url}/adapter/service",
        json={"session": "het-han", "madonvi": "X", "service": "DongBoHoSoMC", "data": [{}]},
        headers=HEADERS,
    )
    assert stale.json()["error_code"] == "-2"
    garbage = await fake.http.post(
        f"{fake.url}/adapter/service", content=b"{not json", headers=HEADERS
    )
    assert garbage.status_code == 400
    unknown = await fake.call("XoaHoSo", [{}])
    assert unknown["error_code"] == "-1"
    received = (await fake.http.get(f"{fake.url}/_fake/received")).json()["calls"]
    assert all("password" not in json.dumps(call) for call in received)


async def test_faults_on_demand(fake: Fake) -> None:
    await fake.http.post(f"{fake.url}/_fake/faults", json={"mode": "status", "status": 502})
    token = await fake.login()
    failed = await fake.http.post(
        f"{fake.url}/adapter/service",
        json={"session": token, "madonvi": "X", "service": "DongBoHoSoMC", "data": [{}]},
        headers=HEADERS,
    )
    assert failed.status_code == 502
    await fake.http.post(f"{fake.url}/_fake/faults", json={"mode": "exists"})
    exists = await fake.create(valid_dossier())
    assert exists["error_code"] == "3"
    refused = await fake.http.post(f"{fake.url}/_fake/faults", json={"mode": "explode"})
    assert refused.status_code == 400


async def test_a_forwarded_dossier_is_signed_over_timestamp_and_body(fake: Fake) -> None:
    seen: list[tuple[dict[str, str], bytes]] = []

    async def receive(request: Request) -> JSONResponse:
        seen.append((dict(request.headers), await request.body()))
        return JSONResponse({"code": "000.31.00.H99-261130-0009"}, status_code=201)

    receiver = Starlette(routes=[Route("/in", receive, methods=["POST"])])
    with serving_app(receiver) as url:
        answer = await fake.http.post(
            f"{fake.url}/_fake/forward",
            json={"url": f"{url}/in", "secret": "bi-mat-chung", "dossier": {"MaHoSo": "G-1"}},
        )
    assert answer.json()["status"] == 201
    ((headers, body),) = seen
    timestamp = headers["x-portal-timestamp"]
    assert abs(int(timestamp) - time.time()) < 60
    expected = hmac.new(b"bi-mat-chung", timestamp.encode() + b"." + body, hashlib.sha256)
    assert headers["x-portal-signature"] == expected.hexdigest()
    assert json.loads(body) == {"MaHoSo": "G-1"}


def test_motcua_fake_portal_serves_on_the_given_port() -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "fake-portal", "--port", str(port), "--dstcode", "H01"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                response = httpx.post(
                    f"http://127.0.0.1:{port}/adapter/login",
                    json={"username": "motcua", "password": "mat-khau-cong-dvc"},
                    headers={"dstcode": "H01"},
                )
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["session"]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
