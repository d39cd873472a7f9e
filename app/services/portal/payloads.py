"""What the national portal receives, built from a dossier snapshot: pure functions, no I/O.

* ``dossier_payload`` — one item of ``DongBoHoSoMC``'s ``data`` (create or update): every field the
  national index reads (``reference/vn-regulations.md`` section 3.2 and 4.3);
* ``progress_rows`` — the rows of ``CapNhatTienDoHoSoMC``, one per event, and ``chunks`` of at most
  ten of them per call (as the portal takes them).

Dates are ``yyyyMMddHHmmss`` in Asia/Ho_Chi_Minh wall-clock time (an empty string when there is none);
codes are strings of digits, as provincial systems send them. The portal's limits are applied here:
``NguoiXuLy`` at most 50 characters, ``TrichYeuHoSo`` at most 1,000.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from app.config import VIETNAM_TZ_NAME
from app.models.dossier import DocumentKind
from app.services.portal import links
from app.services.portal import vocabulary as vocab
from app.services.portal.snapshot import (
    DocumentSnapshot,
    DossierSnapshot,
    FeeSnapshot,
    OnlinePayment,
    ProgressSnapshot,
    SupplementSnapshot,
)

VIETNAM = ZoneInfo(VIETNAM_TZ_NAME)
WIRE_DATE = "%Y%m%d%H%M%S"
MAX_SUMMARY = 1000  # TrichYeuHoSo
MAX_HANDLER = 50  # NguoiXuLy
PROGRESS_CHUNK = 10

T = TypeVar("T")


@dataclass(frozen=True)
class LinkPolicy:
    """How download links are made: our public base URL, the signing secret, their expiry."""

    base_url: str
    secret_key: str
    expires_at: datetime

    def link(self, document_id: int) -> str:
        return links.document_link(self.base_url, self.secret_key, document_id, self.expires_at)


def wire_date(value: datetime | None) -> str:
    """``yyyyMMddHHmmss`` in Asia/Ho_Chi_Minh; "" for no date."""
    if value is None:
        return ""
    return value.astimezone(VIETNAM).strftime(WIRE_DATE)


def truncate(text: str, limit: int) -> str:
    """At most ``limit`` characters; a cut text ends with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _code(value: int) -> str:
    return str(value)


def summary(snapshot: DossierSnapshot) -> str:
    """TrichYeuHoSo: the procedure and the applicant, at most 1,000 characters."""
    return truncate(f"{snapshot.procedure_name} - {snapshot.applicant_name}", MAX_SUMMARY)


def _document(doc: DocumentSnapshot, links_: LinkPolicy) -> dict[str, Any]:
    return {
        "TepDinhKemId": str(doc.id),
        "TenTepDinhKem": doc.file_name
        or doc.requirement_name
        or doc.requirement_code
        or "Tài liệu",
        "IsDeleted": "0",
        "MaThanhPhanHoSo": doc.requirement_code or "",
        "DuongDanTaiTepTin": links_.link(doc.id) if doc.has_file else "",
        "DuocSoHoa": _code(int(doc.has_file or doc.digitised)),
        "DuocTaiSuDung": _code(int(doc.reused)),
        "DuocLayTuKhoDMQG": "0",
    }


def _result(doc: DocumentSnapshot, links_: LinkPolicy) -> dict[str, Any]:
    return {
        "TenGiayTo": doc.requirement_name or doc.file_name or "Kết quả giải quyết",
        "MaThanhPhanHoSo": doc.requirement_code or "",
        "GiayToId": str(doc.id),
        "DuongDanTepTinKetQua": links_.link(doc.id),
        "MaGiayToKetQua": doc.requirement_code or "",
    }


def _fee(line: FeeSnapshot, online: OnlinePayment) -> dict[str, Any]:
    paid_online = line.paid and online is not OnlinePayment.none
    return {
        "TenPhiLePhi": line.name,
        "MaPhiLePhi": str(line.id),
        "HinhThucThu": _code(vocab.COLLECTED_ONLINE if paid_online else vocab.COLLECTED_AT_DESK),
        "Gia": line.amount,
        "LoaiPhiLePhi": _code(vocab.FEE_KIND_CODE.get(line.kind, 1)),
    }


def _supplement(code: str, item: SupplementSnapshot) -> dict[str, Any]:
    return {
        "HoSoBoSungId": f"{code}-BS{item.seq}",
        "NguoiYeuCauBoSung": truncate(item.requested_by or "Cán bộ", MAX_HANDLER),
        "NoiDungBoSung": item.reason or "Bổ sung, hoàn thiện hồ sơ",
        "NgayBoSung": wire_date(item.requested_at),
        "NguoiTiepNhanBoSung": truncate(item.received_by or "", MAX_HANDLER),
        "ThongTinTiepNhan": "",
        "NgayTiepNhanBoSung": wire_date(item.supplemented_at),
        "TrangThaiBoSung": _code(int(item.supplemented_at is not None)),
        "DanhSachGiayToBoSung": [],
        "DanhSachLePhiBoSung": [],
        "NgayHenTraTruoc": wire_date(item.due_before),
        "NgayHenTraMoi": wire_date(item.due_after),
    }


def dossier_payload(snapshot: DossierSnapshot, links_: LinkPolicy) -> dict[str, Any]:
    """One dossier of ``DongBoHoSoMC`` (the same document creates and updates)."""
    submitted = [d for d in snapshot.documents if d.kind is not DocumentKind.result]
    results = [d for d in snapshot.documents if d.kind is DocumentKind.result and d.has_file]
    return {
        "MaHoSo": snapshot.code,
        "MaTTHC": snapshot.procedure_code,
        "TenTTHC": snapshot.procedure_name,
        "MaLinhVuc": snapshot.field_code,
        "TenLinhVuc": snapshot.field_name,
        "KenhThucHien": _code(vocab.CHANNEL_CODE[snapshot.channel]),
        "ChuHoSo": snapshot.applicant_name,
        "LoaiDoiTuong": _code(
            vocab.subject_kind(snapshot.applicant_kind, snapshot.applicant_id_kind)
        ),
        "SoGiayToChuHoSo": snapshot.applicant_id_number,
        "Email": snapshot.applicant_email or "",
        "SoDienThoai": snapshot.applicant_phone or "",
        "TrichYeuHoSo": summary(snapshot),
        "NgayNopHoSo": wire_date(snapshot.submitted_at),
        "NgayTiepNhan": wire_date(snapshot.received_at),
        "NgayHenTra": wire_date(snapshot.due_at),
        "TrangThaiHoSo": _code(vocab.status_code(snapshot.status, snapshot.rule_set)),
        "NgayKetThucXuLy": wire_date(snapshot.ended_at),
        "NgayTra": wire_date(snapshot.returned_at),
        "HinhThuc": _code(vocab.DELIVERY_CODE[snapshot.result_delivery]),
        "DonViXuLy": snapshot.competent_agency_name,
        "TaiLieuNop": [_document(d, links_) for d in submitted],
        "DanhSachLePhi": [_fee(f, snapshot.online_payment) for f in snapshot.fees],
        "DanhSachHoSoBoSung": [_supplement(snapshot.code, s) for s in snapshot.supplements],
        "DanhSachGiayToKetQua": [_result(d, links_) for d in results],
        "HoSoCoThanhPhanSoHoa": _code(int(any(d.has_file or d.digitised for d in submitted))),
        "TaiKhoanDuocXacThucVoiVNeID": _code(int(snapshot.owner_verified_vneid)),
        "DuocThanhToanTrucTuyen": _code(vocab.ONLINE_PAYMENT_CODE[snapshot.online_payment]),
        "NgayTuChoi": wire_date(snapshot.refused_at),
    }


def _handler(snapshot: DossierSnapshot, row: ProgressSnapshot) -> str:
    name = row.actor_name
    if name is None and row.actor_kind.value == "citizen":
        name = snapshot.applicant_name
    return truncate(name or vocab.ACTOR_FALLBACK[row.actor_kind], MAX_HANDLER)


def progress_row(snapshot: DossierSnapshot, row: ProgressSnapshot) -> dict[str, Any]:
    content = vocab.ACTION_CONTENT.get(row.action, row.action)
    if row.note and row.note.strip():
        content = f"{content}: {' '.join(row.note.split())}"
    return {
        "MaHoSo": snapshot.code,
        "NguoiXuLy": _handler(snapshot, row),
        "ChucDanh": vocab.ROLE_TITLE.get(row.role or "", ""),
        "ThoiDiemXuLy": wire_date(row.at),
        "PhongBanXuLy": row.agency_name or "",
        "NoiDungXuLy": content,
        "TrangThai": _code(vocab.status_code(row.to_status, snapshot.rule_set)),
        "NgayBatDau": wire_date(row.step_started_at),
        # an apology's row carries the new appointment it promises
        "NgayKetThucTheoQuyDinh": wire_date(row.promised_due_at or row.step_due_at),
    }


def progress_rows(snapshot: DossierSnapshot, *, after_seq: int = 0) -> list[dict[str, Any]]:
    """The progress rows of the events after ``after_seq`` (all of them by default), in order."""
    return [progress_row(snapshot, row) for row in snapshot.progress if row.seq > after_seq]


def chunks(items: Sequence[T], size: int = PROGRESS_CHUNK) -> list[list[T]]:
    """``items`` in consecutive groups of at most ``size``."""
    return [list(items[start : start + size]) for start in range(0, len(items), size)]
