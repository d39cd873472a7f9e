"""The files behind the signed download links the portal receives (``DuongDanTaiTepTin``,
``DuongDanTepTinKetQua``; docs/portal.md "Download links").

Whoever holds a valid link may download the file until the link expires: the link itself is the
authorisation (``links.verify``, constant-time). A tampered or expired link is a 403
``file_link_invalid``; a valid link to a document without a stored file a 404 (the file was never
attached, or its content is gone).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Forbidden, NotFound, ProblemCode
from app.models.dossier import DossierDocument
from app.models.upload import Upload
from app.services.portal import links
from app.services.uploads.storage import Storage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinkedFile:
    file_name: str
    content_type: str
    size: int
    sha256: str
    content: AsyncIterator[bytes]


async def open_linked(
    session: AsyncSession,
    storage: Storage,
    secret_key: str,
    document_id: int,
    expires: int,
    signature: str,
    now: datetime,
) -> LinkedFile:
    """The file of a dossier document, for the holder of a valid signed link."""
    if not links.verify(secret_key, document_id, expires, signature, now):
        raise Forbidden(
            "Đường dẫn tải tệp không hợp lệ hoặc đã hết hạn.", code=ProblemCode.file_link_invalid
        )
    upload = await session.scalar(
        select(Upload)
        .join(DossierDocument, DossierDocument.upload_id == Upload.id)
        .where(DossierDocument.id == document_id)
    )
    if upload is None or not await storage.exists(upload.storage_key):
        if upload is not None:
            log.error("portal_link_content_missing", extra={"document_id": document_id})
        raise NotFound("Không tìm thấy tệp của tài liệu.", code=ProblemCode.upload_not_found)
    return LinkedFile(
        file_name=upload.file_name,
        content_type=upload.content_type,
        size=upload.size,
        sha256=upload.sha256,
        content=storage.open(upload.storage_key),
    )
