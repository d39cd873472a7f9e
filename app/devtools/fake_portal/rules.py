"""What the fake portal requires of a dossier and of a progress row, written from the portal's side.

The vocabulary is the one provincial systems send (OpenCPS's ``DongBoHoSoMC`` and
``CapNhatTienDoHoSoMC``, Thanh Hóa's ``HoSoDongBoDVC`` and ``QuaTrinhXuLyDongBoDVC``): every field the
national index reads must be present; dates are ``yyyyMMddHHmmss`` (Asia/Ho_Chi_Minh wall-clock time);
codes are digits (a number or a string of digits). Some fields are required only in some statuses: a
received dossier has its receipt and appointment dates, an ended one its end date, a returned one its
return date, a refused one its refusal date.

Each check returns a list of problems, one Vietnamese sentence naming the field; empty means accepted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

DATE_FORMAT = "%Y%m%d%H%M%S"
MAX_PROGRESS_ROWS = 10
MAX_SUMMARY_LENGTH = 1000  # TrichYeuHoSo
MAX_HANDLER_LENGTH = 50  # NguoiXuLy

# TrangThaiHoSo: 1 submitted ... 10 returned.
STATUSES = frozenset(range(1, 11))
# A receipt and an appointment date exist (5, a supplement request, may come before receipt).
RECEIVED = frozenset({2, 4, 6, 8, 9, 10})
ENDED = frozenset({3, 8, 9, 10})  # the end of processing is recorded (7 too, once received)

_DATE = re.compile(r"^\d{14}$")
_URL = re.compile(r"^https?://[^\s]+$")

Problems = list[str]
Check = Callable[[str, Any], Problems]


def _text(max_length: int | None = None, *, required: bool = True) -> Check:
    def check(name: str, value: Any) -> Problems:
        if not isinstance(value, str):
            return [f"{name}: phải là chuỗi ký tự"]
        if required and not value.strip():
            return [f"{name}: không được để trống"]
        if max_length is not None and len(value) > max_length:
            return [f"{name}: dài quá {max_length} ký tự ({len(value)})"]
        return []

    return check


def _code(allowed: Iterable[int]) -> Check:
    permitted = frozenset(allowed)

    def check(name: str, value: Any) -> Problems:
        number = code_value(value)
        if number is None or number not in permitted:
            shown = ", ".join(str(v) for v in sorted(permitted))
            return [f"{name}: giá trị {value!r} không hợp lệ (cho phép: {shown})"]
        return []

    return check


def _date(*, required: bool) -> Check:
    def check(name: str, value: Any) -> Problems:
        if value in ("", None):
            return [f"{name}: không được để trống"] if required else []
        if parse_date(value) is None:
            return [f"{name}: ngày giờ {value!r} không đúng định dạng yyyyMMddHHmmss"]
        return []

    return check


def _url(*, required: bool) -> Check:
    def check(name: str, value: Any) -> Problems:
        if value in ("", None):
            return [f"{name}: không được để trống"] if required else []
        if not isinstance(value, str) or not _URL.match(value):
            return [f"{name}: đường dẫn {value!r} không hợp lệ"]
        return []

    return check


def _amount(name: str, value: Any) -> Problems:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return [f"{name}: phải là số tiền (đồng)"]
    text = str(value)
    if not text.isdigit():
        return [f"{name}: phải là số tiền không âm (đồng), nhận {value!r}"]
    return []


def _list(name: str, value: Any) -> Problems:
    return [] if isinstance(value, list) else [f"{name}: phải là danh sách"]


def code_value(value: Any) -> int | None:
    """A code sent as a number or a string of digits; None when it is neither."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def parse_date(value: Any) -> datetime | None:
    if not isinstance(value, str) or not _DATE.match(value):
        return None
    try:
        return datetime.strptime(value, DATE_FORMAT)
    except ValueError:
        return None


DOSSIER_FIELDS: dict[str, Check] = {
    "MaHoSo": _text(96),
    "MaTTHC": _text(64),
    "TenTTHC": _text(),
    "MaLinhVuc": _text(64),
    "KenhThucHien": _code({1, 2, 3}),
    "ChuHoSo": _text(),
    "LoaiDoiTuong": _code({1, 2, 3, 4}),
    "SoGiayToChuHoSo": _text(32),
    "TrichYeuHoSo": _text(MAX_SUMMARY_LENGTH),
    "NgayTiepNhan": _date(required=False),
    "NgayHenTra": _date(required=False),
    "TrangThaiHoSo": _code(STATUSES),
    "NgayKetThucXuLy": _date(required=False),
    "NgayTra": _date(required=False),
    "HinhThuc": _code({0, 1, 2}),
    "TaiLieuNop": _list,
    "DanhSachLePhi": _list,
    "DanhSachHoSoBoSung": _list,
    "DanhSachGiayToKetQua": _list,
    "TaiKhoanDuocXacThucVoiVNeID": _code({0, 1}),
    "DuocThanhToanTrucTuyen": _code({0, 1, 2, 3}),
    "NgayTuChoi": _date(required=False),
}

DOCUMENT_FIELDS: dict[str, Check] = {
    "TepDinhKemId": _text(),
    "TenTepDinhKem": _text(),
    "MaThanhPhanHoSo": _text(required=False),
    "DuongDanTaiTepTin": _url(required=False),
    "DuocSoHoa": _code({0, 1}),
    "DuocTaiSuDung": _code({0, 1, 2}),
}

FEE_FIELDS: dict[str, Check] = {
    "TenPhiLePhi": _text(),
    "MaPhiLePhi": _text(),
    "HinhThucThu": _code({1, 2, 3}),
    "Gia": _amount,
    "LoaiPhiLePhi": _code({1, 2}),
}

SUPPLEMENT_FIELDS: dict[str, Check] = {
    "HoSoBoSungId": _text(),
    "NguoiYeuCauBoSung": _text(),
    "NoiDungBoSung": _text(),
    "NgayBoSung": _date(required=True),
    "NgayTiepNhanBoSung": _date(required=False),
    "TrangThaiBoSung": _code({0, 1}),
    "NgayHenTraTruoc": _date(required=False),
    "NgayHenTraMoi": _date(required=False),
}

RESULT_FIELDS: dict[str, Check] = {
    "TenGiayTo": _text(),
    "MaThanhPhanHoSo": _text(required=False),
    "GiayToId": _text(),
    "DuongDanTepTinKetQua": _url(required=True),
    "MaGiayToKetQua": _text(required=False),
}

PROGRESS_FIELDS: dict[str, Check] = {
    "MaHoSo": _text(96),
    "NguoiXuLy": _text(MAX_HANDLER_LENGTH),
    "ChucDanh": _text(required=False),
    "ThoiDiemXuLy": _date(required=True),
    "PhongBanXuLy": _text(required=False),
    "NoiDungXuLy": _text(),
    "TrangThai": _code(STATUSES),
    "NgayBatDau": _date(required=False),
    "NgayKetThucTheoQuyDinh": _date(required=False),
}


def _fields(prefix: str, item: Any, spec: Mapping[str, Check]) -> Problems:
    if not isinstance(item, dict):
        return [f"{prefix or 'data'}: phải là một đối tượng JSON"]
    problems: Problems = []
    for name, check in spec.items():
        label = f"{prefix}{name}"
        if name not in item:
            problems.append(f"{label}: thiếu trường bắt buộc")
            continue
        problems.extend(check(label, item[name]))
    return problems


def _nested(item: dict[str, Any], name: str, spec: Mapping[str, Check]) -> Problems:
    value = item.get(name)
    if not isinstance(value, list):
        return []  # reported by the list check
    problems: Problems = []
    for index, entry in enumerate(value):
        problems.extend(_fields(f"{name}[{index}].", entry, spec))
    return problems


def _filled(item: dict[str, Any], name: str) -> bool:
    return item.get(name) not in ("", None)


def _by_status(item: dict[str, Any]) -> Problems:
    """Dates that a status implies, and their order."""
    status = code_value(item.get("TrangThaiHoSo"))
    if status is None:
        return []
    problems: Problems = []
    received = _filled(item, "NgayTiepNhan")
    if status in RECEIVED and not received:
        problems.append(f"NgayTiepNhan: bắt buộc với TrangThaiHoSo {status}")
    if received and not _filled(item, "NgayHenTra"):
        problems.append("NgayHenTra: bắt buộc khi hồ sơ đã được tiếp nhận")
    if (status in ENDED or (status == 7 and received)) and not _filled(item, "NgayKetThucXuLy"):
        problems.append(f"NgayKetThucXuLy: bắt buộc với TrangThaiHoSo {status}")
    if status == 10 and not _filled(item, "NgayTra"):
        problems.append("NgayTra: bắt buộc với hồ sơ đã trả kết quả (TrangThaiHoSo 10)")
    if status == 3 and not _filled(item, "NgayTuChoi"):
        problems.append("NgayTuChoi: bắt buộc với hồ sơ không được tiếp nhận (TrangThaiHoSo 3)")
    if status == 5 and not item.get("DanhSachHoSoBoSung"):
        problems.append("DanhSachHoSoBoSung: bắt buộc với hồ sơ đang yêu cầu bổ sung")
    start, due = parse_date(item.get("NgayTiepNhan")), parse_date(item.get("NgayHenTra"))
    if start is not None and due is not None and due < start:
        problems.append("NgayHenTra: trước NgayTiepNhan")
    end = parse_date(item.get("NgayKetThucXuLy"))
    if start is not None and end is not None and end < start:
        problems.append("NgayKetThucXuLy: trước NgayTiepNhan")
    return problems


def _digitised_have_links(item: dict[str, Any]) -> Problems:
    documents = item.get("TaiLieuNop")
    if not isinstance(documents, list):
        return []
    return [
        f"TaiLieuNop[{index}].DuongDanTaiTepTin: bắt buộc với thành phần đã số hóa"
        for index, entry in enumerate(documents)
        if isinstance(entry, dict)
        and code_value(entry.get("DuocSoHoa")) == 1
        and not _filled(entry, "DuongDanTaiTepTin")
    ]


def check_dossier(item: Any) -> Problems:
    """Every problem of one dossier of ``DongBoHoSoMC``'s ``data``."""
    problems = _fields("", item, DOSSIER_FIELDS)
    if not isinstance(item, dict):
        return problems
    problems.extend(_nested(item, "TaiLieuNop", DOCUMENT_FIELDS))
    problems.extend(_nested(item, "DanhSachLePhi", FEE_FIELDS))
    problems.extend(_nested(item, "DanhSachHoSoBoSung", SUPPLEMENT_FIELDS))
    problems.extend(_nested(item, "DanhSachGiayToKetQua", RESULT_FIELDS))
    problems.extend(_by_status(item))
    problems.extend(_digitised_have_links(item))
    return problems


def check_progress(item: Any) -> Problems:
    """Every problem of one row of ``CapNhatTienDoHoSoMC``'s ``data``."""
    return _fields("", item, PROGRESS_FIELDS)


def progress_key(row: dict[str, Any]) -> tuple[str, str, str, str]:
    """Rows carry no id: the portal keeps one row per (dossier, time, status, content), so a row
    sent twice is stored once."""
    return (
        str(row.get("MaHoSo")),
        str(row.get("ThoiDiemXuLy")),
        str(row.get("TrangThai")),
        str(row.get("NoiDungXuLy")),
    )
