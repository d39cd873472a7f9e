"""Uploads: files stored first, owned by whoever uploaded them, referenced by id from dossiers.

An upload lives ``upload_ttl_hours`` (24 h by default) unless a dossier attaches it; expired, unattached
uploads are invisible at once and purged (rows and files) by ``purge_expired_uploads``.
"""

from __future__ import annotations

import hashlib
import logging
import math
import uuid
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, false, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import (
    BadRequest,
    Conflict,
    NotFound,
    PayloadTooLarge,
    ProblemCode,
    TooManyRequests,
    UnsupportedMediaType,
    ValidationFailed,
)
from app.models.upload import OwnerKind, Upload, UploadPurpose
from app.services.identity.principals import OfficerPrincipal, Principal
from app.services.uploads import content as upload_content
from app.services.uploads import file_types
from app.services.uploads.multipart import MultipartReader
from app.services.uploads.storage import Storage

log = logging.getLogger(__name__)

FILE_FIELD = "file"
PURPOSE_FIELD = "purpose"


# Namespace of the advisory lock serialising one owner's check-and-insert (two-int form; the
# outbox's is 0x4D43_0001, the login throttle's 0x4D43_0002).
PENDING_LOCK_NAMESPACE = 0x4D43_0003


@dataclass(frozen=True)
class PendingCaps:
    """The most live unattached uploads (count and total bytes) one owner may hold."""

    max_files: int
    max_bytes: int


@dataclass(frozen=True)
class UploadPolicy:
    ttl: timedelta
    content: upload_content.ContentLimits
    pending: PendingCaps


def _not_found() -> NotFound:
    return NotFound("Không tìm thấy tệp tải lên.", code=ProblemCode.upload_not_found)


def _owner(principal: Principal) -> tuple[OwnerKind, str | None, str]:
    if isinstance(principal, OfficerPrincipal):
        return OwnerKind.officer, None, str(principal.user_id)
    return OwnerKind.citizen, principal.issuer, principal.subject


def _owned_by(principal: Principal) -> ColumnElement[bool]:
    kind, issuer, subject = _owner(principal)
    return and_(
        Upload.owner_kind == kind,
        Upload.owner_issuer.is_not_distinct_from(issuer),
        Upload.owner_subject == subject,
    )


def _alive(now: datetime) -> ColumnElement[bool]:
    return or_(Upload.attached_at.is_not(None), Upload.expires_at > now)


def visible_to(
    principal: Principal, now: datetime, also: ColumnElement[bool] | None = None
) -> ColumnElement[bool]:
    """The base scope of every read: the caller's own live uploads, or those ``also`` lets them see.

    ``also`` comes from the domain that shares uploads with others: the dossiers module gives
    officers the files of the dossiers they handle (``dossiers.documents.handled_by``).
    """
    return and_(or_(_owned_by(principal), also if also is not None else false()), _alive(now))


def _purpose(fields: dict[str, str]) -> UploadPurpose | None:
    raw = fields.get(PURPOSE_FIELD, "").strip()
    if not raw:
        return None
    try:
        return UploadPurpose(raw)
    except ValueError as exc:
        raise ValidationFailed(
            "Mục đích của tệp không hợp lệ.",
            errors=[
                {
                    "field": PURPOSE_FIELD,
                    "location": "body",
                    "code": "enum",
                    "message": "Giá trị không nằm trong danh sách cho phép",
                }
            ],
        ) from exc


@dataclass(frozen=True)
class _Pending:
    files: int
    bytes: int
    next_expiry: datetime | None


async def _pending(session: AsyncSession, owner: Principal, now: datetime) -> _Pending:
    """The owner's live unattached uploads: how many, their bytes, when the first one expires."""
    row = (
        await session.execute(
            select(
                func.count(), func.coalesce(func.sum(Upload.size), 0), func.min(Upload.expires_at)
            ).where(_owned_by(owner), Upload.attached_at.is_(None), Upload.expires_at > now)
        )
    ).one()
    return _Pending(int(row[0]), int(row[1]), row[2])


def _check_count(pending: _Pending, caps: PendingCaps, now: datetime) -> None:
    """429 when the owner already holds ``max_files`` unattached uploads (one more is refused)."""
    if pending.files >= caps.max_files:
        wait = (pending.next_expiry - now).total_seconds() if pending.next_expiry else 60
        raise TooManyRequests(
            f"Bạn đã có {pending.files} tệp tải lên chưa đính kèm hồ sơ (tối đa {caps.max_files}). "
            "Hãy dùng hoặc chờ các tệp này hết hạn trước khi tải thêm.",
            code=ProblemCode.too_many_pending_uploads,
            retry_after=math.ceil(wait),
            extra={"max_pending_files": caps.max_files},
        )


def _bytes_over(pending: _Pending, caps: PendingCaps) -> PayloadTooLarge:
    return PayloadTooLarge(
        f"Tổng dung lượng các tệp tải lên chưa đính kèm hồ sơ vượt quá {caps.max_bytes} byte.",
        code=ProblemCode.pending_uploads_too_large,
        extra={"max_pending_bytes": caps.max_bytes, "pending_bytes": pending.bytes},
    )


async def _lock_owner(session: AsyncSession, owner: Principal) -> None:
    """Serialise the owner's check-and-insert until the transaction ends (two parallel uploads
    cannot both pass the caps); in READ COMMITTED the count that follows sees the other's row."""
    kind, issuer, subject = _owner(owner)
    await session.execute(
        select(
            func.pg_advisory_xact_lock(
                PENDING_LOCK_NAMESPACE, func.hashtext(f"{kind}\x1f{issuer or ''}\x1f{subject}")
            )
        )
    )


class _CheckedStream:
    """The file's bytes, refused at once (415) unless they start like an accepted type; hashed;
    413 as soon as they pass the owner's remaining allowance of pending bytes."""

    def __init__(
        self,
        chunks: AsyncIterator[bytes],
        declared: str | None,
        name: str | None,
        over_allowance: Callable[[int], PayloadTooLarge | None],
    ) -> None:
        self._chunks = chunks
        self._declared = declared
        self._name = name
        self._over_allowance = over_allowance
        self.hash = hashlib.sha256()
        self.size = 0
        self.file_type: file_types.FileType | None = None

    async def __aiter__(self) -> AsyncIterator[bytes]:
        head = b""
        async for chunk in self._chunks:
            self.size += len(chunk)
            if (refused := self._over_allowance(self.size)) is not None:
                raise refused
            self.hash.update(chunk)
            if self.file_type is not None:
                yield chunk
                continue
            head += chunk
            if len(head) >= file_types.MAGIC_BYTES_NEEDED:
                self._detect(head)
                yield head
        if self.file_type is None:  # shorter than any signature
            self._detect(head)
            yield head

    def _detect(self, head: bytes) -> None:
        file_type = file_types.detect(head)
        file_types.check_declared(file_type, self._declared, self._name)
        self.file_type = file_type


async def receive(
    session: AsyncSession,
    storage: Storage,
    policy: UploadPolicy,
    owner: Principal,
    reader: MultipartReader,
    now: datetime | None = None,
) -> Upload:
    """Stream the ``file`` part into storage, checking size, type and recording its SHA-256, then
    check that the stored file opens as its type (``content.check_stored``).

    The owner's pending caps (``PendingCaps``) are checked before a byte is read (count: 429), while
    the file streams in (bytes: the remaining allowance, 413), and again under the owner's advisory
    lock right before the insert, so parallel uploads cannot both slip under them.

    Nothing remains on any refusal: the storage removes a partial file, and a file already stored is
    deleted again if the rest of the request or the insert fails.
    """
    now = now or datetime.now(UTC)
    caps = policy.pending
    before = await _pending(session, owner, now)
    _check_count(before, caps, now)
    part = await reader.next_file(FILE_FIELD)
    if part is None:
        if not reader.complete:
            raise BadRequest(
                "Nội dung multipart/form-data không hợp lệ.", code=ProblemCode.malformed_multipart
            )
        raise ValidationFailed(
            "Thiếu tệp tải lên (trường `file`).",
            errors=[
                {
                    "field": FILE_FIELD,
                    "location": "body",
                    "code": "missing",
                    "message": "Thiếu trường bắt buộc",
                }
            ],
        )
    stream = _CheckedStream(
        reader.file_data(),
        part.content_type,
        part.file_name,
        lambda size: _bytes_over(before, caps) if before.bytes + size > caps.max_bytes else None,
    )
    key = await storage.put(stream)
    try:
        await reader.finish(FILE_FIELD)
        assert stream.file_type is not None
        await upload_content.check_stored(storage.open(key), stream.file_type, policy.content)
        await _lock_owner(session, owner)
        pending = await _pending(session, owner, now)
        _check_count(pending, caps, now)
        if pending.bytes + stream.size > caps.max_bytes:
            raise _bytes_over(pending, caps)
        kind, issuer, subject = _owner(owner)
        upload = Upload(
            owner_kind=kind,
            owner_issuer=issuer,
            owner_subject=subject,
            file_name=file_types.sanitise_file_name(part.file_name, stream.file_type),
            content_type=stream.file_type.content_type,
            size=stream.size,
            sha256=stream.hash.hexdigest(),
            storage_key=key,
            purpose=_purpose(reader.fields),
            created_at=now,
            expires_at=now + policy.ttl,
        )
        session.add(upload)
        await session.flush()
    except BaseException:
        await storage.delete(key)
        raise
    return upload


async def store_stream(
    session: AsyncSession,
    storage: Storage,
    policy: UploadPolicy,
    owner: Principal,
    chunks: AsyncIterator[bytes],
    *,
    declared_type: str | None,
    file_name: str | None,
    purpose: UploadPurpose | None,
    now: datetime,
) -> Upload:
    """Store a file that did not come as a multipart upload (one the national portal links to) with
    the same checks as ``receive``: the type by its first bytes and the declared type (415), the
    owner's pending caps (429/413), the content check (``content.check_stored``). The caller bounds
    the stream's size and time. Nothing remains on a refusal."""
    caps = policy.pending
    before = await _pending(session, owner, now)
    _check_count(before, caps, now)
    stream = _CheckedStream(
        chunks,
        declared_type,
        file_name,
        lambda size: _bytes_over(before, caps) if before.bytes + size > caps.max_bytes else None,
    )
    key = await storage.put(stream)
    try:
        if stream.file_type is None:  # an empty file
            raise UnsupportedMediaType(
                "Tệp rỗng hoặc không đúng định dạng.", code=ProblemCode.unsupported_media_type
            )
        await upload_content.check_stored(storage.open(key), stream.file_type, policy.content)
        await _lock_owner(session, owner)
        kind, issuer, subject = _owner(owner)
        upload = Upload(
            owner_kind=kind,
            owner_issuer=issuer,
            owner_subject=subject,
            file_name=file_types.sanitise_file_name(file_name, stream.file_type),
            content_type=stream.file_type.content_type,
            size=stream.size,
            sha256=stream.hash.hexdigest(),
            storage_key=key,
            purpose=purpose,
            created_at=now,
            expires_at=now + policy.ttl,
        )
        session.add(upload)
        await session.flush()
    except BaseException:
        await storage.delete(key)
        raise
    return upload


async def get_upload(
    session: AsyncSession,
    principal: Principal,
    upload_id: uuid.UUID,
    now: datetime | None = None,
    *,
    also: ColumnElement[bool] | None = None,
) -> Upload:
    """The upload if the caller may see it (``visible_to``); 404 otherwise (existence is not revealed)."""
    upload = await session.scalar(
        select(Upload).where(
            Upload.id == upload_id, visible_to(principal, now or datetime.now(UTC), also)
        )
    )
    if upload is None:
        raise _not_found()
    return upload


async def open_content(
    session: AsyncSession,
    storage: Storage,
    principal: Principal,
    upload_id: uuid.UUID,
    *,
    also: ColumnElement[bool] | None = None,
) -> tuple[Upload, AsyncIterator[bytes]]:
    """The upload and its bytes, for a download by someone allowed to see it."""
    upload = await get_upload(session, principal, upload_id, also=also)
    if not await storage.exists(upload.storage_key):
        log.error("upload_content_missing", extra={"upload_id": str(upload.id)})
        raise _not_found()
    return upload, storage.open(upload.storage_key)


async def attach(
    session: AsyncSession,
    principal: Principal,
    upload_ids: Iterable[uuid.UUID],
    purpose: UploadPurpose,
    now: datetime | None = None,
) -> list[Upload]:
    """For the dossier module: mark the caller's live uploads as attached (they no longer expire).

    Rows are locked, so a purge running at the same time cannot delete a file being attached.
    """
    now = now or datetime.now(UTC)
    ids = list(dict.fromkeys(upload_ids))
    rows = await session.scalars(
        select(Upload)
        .where(Upload.id.in_(ids), _owned_by(principal), _alive(now))
        .order_by(Upload.id)
        .with_for_update()
    )
    found = {upload.id: upload for upload in rows}
    if len(found) != len(ids):
        raise _not_found()
    if any(upload.attached_at is not None for upload in found.values()):
        raise Conflict(
            "Tệp đã được đính kèm vào hồ sơ khác.", code=ProblemCode.upload_already_attached
        )
    for upload in found.values():
        upload.attached_at = now
        upload.purpose = purpose
    await session.flush()
    return [found[upload_id] for upload_id in ids]


async def purge_expired_uploads(
    session: AsyncSession, storage: Storage, now: datetime | None = None, limit: int = 500
) -> int:
    """Delete up to ``limit`` unattached uploads past their expiry, rows and files; returns the count.

    Rows being attached are locked and skipped. Files are deleted before the caller commits: should
    the transaction roll back, the rows left behind are expired (so invisible) and the next purge
    deletes them, a missing file being no error.
    """
    now = now or datetime.now(UTC)
    expired = (
        select(Upload.id)
        .where(Upload.attached_at.is_(None), Upload.expires_at <= now)
        .order_by(Upload.expires_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    keys = list(
        await session.scalars(
            delete(Upload)
            .where(Upload.id.in_(expired.scalar_subquery()))
            .returning(Upload.storage_key)
            .execution_options(synchronize_session=False)
        )
    )
    for key in keys:
        await storage.delete(key)
    return len(keys)
