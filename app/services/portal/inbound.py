"""Dossiers the national portal forwards to us (docs/portal.md "Inbound"): submitted on the portal,
they become submitted dossiers of the ``national_portal`` channel, whose changes go back to the
portal through the same sync as every other dossier.

The rules, in the order they are checked (nothing is created when one refuses):

1. **Signature.** ``X-Portal-Signature`` is the hex HMAC-SHA256, under ``MOTCUA_PORTAL_INBOUND_SECRET``,
   of ``X-Portal-Timestamp + "." + body``; compared in constant time; the timestamp (unix seconds)
   within ``MOTCUA_PORTAL_INBOUND_WINDOW_SECONDS`` (5 minutes) of our clock. No secret configured:
   every forward is refused. 401 ``portal_signature_invalid``.
2. **Body.** JSON in the portal's vocabulary (``ForwardedDossier``); anything else 422.
3. **Once.** A forward of a portal dossier we already hold (``MaHoSo`` = ``Dossier.portal_ref``)
   answers 200 with it and creates nothing; concurrent forwards of one dossier are serialised by an
   advisory lock on its code.
4. **Files.** Every link must point to a host listed in ``MOTCUA_PORTAL_FILE_HOSTS`` (checked for
   all files before any is fetched: 422 ``portal_file_host_not_allowed``); each is fetched without
   following redirects, within ``MOTCUA_PORTAL_FILE_TIMEOUT_SECONDS`` and ``MOTCUA_UPLOAD_MAX_BYTES``
   (422 ``portal_file_unavailable``), then stored with the upload checks (type by content, the
   content check: 415).
5. **Submission.** The dossier is submitted as any online dossier (``dossiers.submission``), on the
   ``national_portal`` channel, owned by the applicant as the portal names them (issuer ``dvcqg``).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.errors import ProblemCode, Unauthorized, ValidationFailed, validation_errors
from app.models.dossier import ApplicantKind, Channel, Dossier, IdentifierKind, ResultDelivery
from app.models.upload import Upload, UploadPurpose
from app.schemas.dossiers import DossierCreate
from app.services.dossiers import submission as dossier_submission
from app.services.identity.principals import CitizenPrincipal
from app.services.uploads import files as uploads_service
from app.services.uploads.content import ContentLimits
from app.services.uploads.storage import Storage

TIMESTAMP_HEADER = "X-Portal-Timestamp"
SIGNATURE_HEADER = "X-Portal-Signature"
# The issuer naming the owners of forwarded dossiers (the portal authenticated them, not us).
PORTAL_ISSUER = "dvcqg"
# Namespace of the advisory lock serialising forwards of one portal dossier (two-int form; the
# outbox's is 0x4D43_0001, the throttle's 0x4D43_0002, the uploads' 0x4D43_0003).
FORWARD_LOCK_NAMESPACE = 0x4D43_0016
_CHUNK = 64 * 1024


def _refuse_signature(detail: str) -> Unauthorized:
    return Unauthorized(detail, code=ProblemCode.portal_signature_invalid)


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """HMAC-SHA256 over ``timestamp + "." + body``, lowercase hex (the portal's signature)."""
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def verify_signature(
    settings: Settings, timestamp: str | None, signature: str | None, body: bytes, now: datetime
) -> None:
    """Rule 1: the forward is the portal's, and recent; 401 otherwise."""
    secret = settings.portal_inbound_secret.get_secret_value()
    if not secret:
        raise _refuse_signature("Chưa cấu hình khóa bí mật nhận hồ sơ từ Cổng DVCQG.")
    if not timestamp or not signature:
        raise _refuse_signature(f"Thiếu tiêu đề {TIMESTAMP_HEADER} hoặc {SIGNATURE_HEADER}.")
    if not timestamp.isdigit() or len(timestamp) > 12:
        raise _refuse_signature(f"{TIMESTAMP_HEADER} phải là số giây Unix.")
    if abs(now.timestamp() - int(timestamp)) > settings.portal_inbound_window_seconds:
        raise _refuse_signature("Dấu thời gian của yêu cầu đã quá hạn (lệch quá 5 phút).")
    if not hmac.compare_digest(sign(secret, timestamp, body), signature.strip().lower()):
        raise _refuse_signature("Chữ ký của yêu cầu không hợp lệ.")


class ForwardedDocument(BaseModel):
    model_config = ConfigDict(extra="ignore")

    MaThanhPhanHoSo: str = Field(min_length=1, max_length=64)
    TenTepDinhKem: str | None = Field(default=None, max_length=255)
    DuongDanTaiTepTin: str = Field(min_length=1, max_length=2000)


class ForwardedDossier(BaseModel):
    """A dossier as the portal forwards it (the vocabulary of its synced documents)."""

    model_config = ConfigDict(
        extra="ignore",
        json_schema_extra={
            "example": {
                "MaHoSo": "G22.99-261123-000123",
                "MaTTHC": "1.001193",
                "MaCoQuan": "000.31.00.H99",
                "MaDonViTiepNhan": "000.31.00.H99",
                "ChuHoSo": "Nguyễn Văn An",
                "LoaiDoiTuong": "1",
                "SoGiayToChuHoSo": "001099012345",
                "SoDienThoaiChuHoSo": "0912345678",
                "HinhThuc": "0",
                "TaiLieuNop": [
                    {
                        "MaThanhPhanHoSo": "TP01",
                        "TenTepDinhKem": "to-khai.pdf",
                        "DuongDanTaiTepTin": "https://dichvucong.gov.vn/files/abc123",
                    }
                ],
            }
        },
    )

    MaHoSo: str = Field(min_length=1, max_length=64, description="Mã hồ sơ trên Cổng DVCQG")
    MaTTHC: str = Field(min_length=1, max_length=64, description="Mã thủ tục hành chính")
    MaCoQuan: str | None = Field(default=None, max_length=64)
    MaDonViTiepNhan: str | None = Field(default=None, max_length=64)
    ChuHoSo: str = Field(min_length=1, max_length=500, description="Chủ hồ sơ")
    LoaiDoiTuong: Literal["1", "2", "3", "4"] = "1"
    SoGiayToChuHoSo: str = Field(
        min_length=1, max_length=32, description="Số giấy tờ tùy thân của chủ hồ sơ"
    )
    SoDienThoaiChuHoSo: str | None = Field(default=None, max_length=32)
    EmailChuHoSo: str | None = Field(default=None, max_length=254)
    DiaChiChuHoSo: str | None = Field(default=None, max_length=1000)
    MaDonViHanhChinh: str | None = Field(default=None, max_length=64)
    HinhThuc: Literal["0", "1"] = "0"
    DiaChiNhanKetQua: str | None = Field(default=None, max_length=1000)
    TaiLieuNop: list[ForwardedDocument] = Field(default_factory=list, max_length=100)


def parse(body: bytes) -> ForwardedDossier:
    """Rule 2: the body in the portal's vocabulary; 422 naming each problem."""
    try:
        raw = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationFailed("Nội dung không phải JSON hợp lệ.") from exc
    try:
        return ForwardedDossier.model_validate(raw)
    except ValidationError as exc:
        raise ValidationFailed(
            "Hồ sơ Cổng DVCQG chuyển sang không hợp lệ.",
            errors=validation_errors(exc.errors(include_url=False)),
        ) from exc


def _host_allowed(url: str, hosts: list[str]) -> bool:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host or parts.username or parts.password:
        return False
    allowed = {h.lower() for h in hosts}
    return host in allowed or (port is not None and f"{host}:{port}" in allowed)


def check_hosts(forwarded: ForwardedDossier, settings: Settings) -> None:
    """Rule 4, first half: every link is to a configured host, before anything is fetched."""
    errors = [
        {
            "field": f"TaiLieuNop.{i}.DuongDanTaiTepTin",
            "location": "body",
            "code": "host_not_allowed",
            "message": "Máy chủ của đường dẫn tệp không nằm trong danh sách được phép",
        }
        for i, doc in enumerate(forwarded.TaiLieuNop)
        if not _host_allowed(doc.DuongDanTaiTepTin, settings.portal_file_hosts)
    ]
    if errors:
        raise ValidationFailed(
            "Đường dẫn tệp trỏ tới máy chủ không được phép.",
            code=ProblemCode.portal_file_host_not_allowed,
            errors=errors,
        )


def _unavailable(index: int, message: str) -> ValidationFailed:
    return ValidationFailed(
        f"Không tải được tệp của thành phần hồ sơ thứ {index + 1}: {message}",
        code=ProblemCode.portal_file_unavailable,
        errors=[
            {
                "field": f"TaiLieuNop.{index}.DuongDanTaiTepTin",
                "location": "body",
                "code": "file_unavailable",
                "message": message,
            }
        ],
    )


async def fetch(
    http: httpx.AsyncClient, url: str, index: int, max_bytes: int, seconds: float
) -> tuple[bytes, str | None]:
    """Rule 4, second half: the file's bytes and declared type, bounded in size and time."""
    buffer = bytearray()
    try:
        async with asyncio.timeout(seconds):
            async with http.stream("GET", url, follow_redirects=False, timeout=seconds) as answer:
                if answer.status_code != 200:
                    raise _unavailable(index, f"máy chủ trả lời HTTP {answer.status_code}")
                declared = answer.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise _unavailable(index, "tệp vượt quá dung lượng cho phép")
                async for chunk in answer.aiter_bytes(_CHUNK):
                    buffer += chunk
                    if len(buffer) > max_bytes:
                        raise _unavailable(index, "tệp vượt quá dung lượng cho phép")
                content_type = answer.headers.get("content-type")
    except TimeoutError as exc:
        raise _unavailable(index, "hết thời gian chờ") from exc
    except httpx.HTTPError as exc:
        raise _unavailable(index, "không kết nối được máy chủ") from exc
    media = content_type.split(";")[0].strip() if content_type else None
    return bytes(buffer), media


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    for start in range(0, len(data), _CHUNK):
        yield data[start : start + _CHUNK]


def _principal(forwarded: ForwardedDossier) -> CitizenPrincipal:
    return CitizenPrincipal(
        issuer=PORTAL_ISSUER,
        subject=forwarded.SoGiayToChuHoSo,
        name=forwarded.ChuHoSo,
        personal_id=forwarded.SoGiayToChuHoSo if forwarded.LoaiDoiTuong == "1" else None,
    )


def _upload_policy(settings: Settings) -> uploads_service.UploadPolicy:
    return uploads_service.UploadPolicy(
        ttl=timedelta(hours=settings.upload_ttl_hours),
        content=ContentLimits(
            max_bytes=settings.upload_max_bytes,
            timeout_seconds=settings.upload_check_timeout_seconds,
            max_image_pixels=settings.upload_max_image_pixels,
            max_memory_bytes=settings.upload_check_max_memory_bytes,
        ),
        pending=uploads_service.PendingCaps(
            max_files=settings.upload_max_pending_files,
            max_bytes=settings.upload_max_pending_bytes,
        ),
    )


def _create(forwarded: ForwardedDossier, uploads: list[uuid.UUID]) -> DossierCreate:
    person = forwarded.LoaiDoiTuong == "1"
    raw: dict[str, Any] = {
        "procedure_code": forwarded.MaTTHC,
        "agency_code": forwarded.MaCoQuan,
        "receiving_office_code": forwarded.MaDonViTiepNhan,
        "applicant": {
            "kind": ApplicantKind.person if person else ApplicantKind.organisation,
            "name": forwarded.ChuHoSo,
            "id_kind": IdentifierKind.personal_id if person else IdentifierKind.tax_code,
            "id_number": forwarded.SoGiayToChuHoSo,
            "phone": forwarded.SoDienThoaiChuHoSo,
            "email": forwarded.EmailChuHoSo,
            "address": forwarded.DiaChiChuHoSo,
            "unit_code": forwarded.MaDonViHanhChinh,
        },
        "documents": [
            {"requirement_code": doc.MaThanhPhanHoSo, "upload_id": upload}
            for doc, upload in zip(forwarded.TaiLieuNop, uploads, strict=True)
        ],
        "result_delivery": ResultDelivery.postal
        if forwarded.HinhThuc == "1"
        else ResultDelivery.desk,
        "result_address": forwarded.DiaChiNhanKetQua,
    }
    try:
        return DossierCreate.model_validate(raw)
    except ValidationError as exc:
        raise ValidationFailed(
            "Hồ sơ Cổng DVCQG chuyển sang không hợp lệ.",
            errors=validation_errors(exc.errors(include_url=False)),
        ) from exc


@dataclass(frozen=True)
class Forwarded:
    dossier: Dossier
    created: bool


async def existing(session: AsyncSession, portal_ref: str) -> Dossier | None:
    dossier: Dossier | None = await session.scalar(
        select(Dossier).where(Dossier.portal_ref == portal_ref)
    )
    return dossier


async def receive(
    session: AsyncSession,
    settings: Settings,
    storage: Storage,
    http: httpx.AsyncClient,
    forwarded: ForwardedDossier,
    now: datetime,
) -> Forwarded:
    """Rules 3 to 5 for a verified, parsed forward (flush only; the route commits)."""
    await session.execute(
        select(func.pg_advisory_xact_lock(FORWARD_LOCK_NAMESPACE, func.hashtext(forwarded.MaHoSo)))
    )
    found = await existing(session, forwarded.MaHoSo)
    if found is not None:
        return Forwarded(found, created=False)
    check_hosts(forwarded, settings)
    principal = _principal(forwarded)
    stored: list[Upload] = []
    try:
        for index, doc in enumerate(forwarded.TaiLieuNop):
            data, declared = await fetch(
                http,
                doc.DuongDanTaiTepTin,
                index,
                settings.upload_max_bytes,
                settings.portal_file_timeout_seconds,
            )
            stored.append(
                await uploads_service.store_stream(
                    session,
                    storage,
                    _upload_policy(settings),
                    principal,
                    _chunks(data),
                    declared_type=declared,
                    file_name=doc.TenTepDinhKem,
                    purpose=UploadPurpose.submitted,
                    now=now,
                )
            )
        submitted = await dossier_submission.submit(
            session,
            settings,
            principal,
            _create(forwarded, [upload.id for upload in stored]),
            now=now,
            channel=Channel.national_portal,
        )
        submitted.dossier.portal_ref = forwarded.MaHoSo
        await session.flush()
    except BaseException:
        # the rows roll back with the request; the stored files go with them
        for upload in stored:
            await storage.delete(upload.storage_key)
        raise
    return Forwarded(submitted.dossier, created=True)
