"""Uploaded files: stored first, owned by the uploader, referenced by id from dossiers."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, CheckConstraint, Enum, Index, String, func, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class OwnerKind(StrEnum):
    officer = "officer"
    citizen = "citizen"


class UploadPurpose(StrEnum):
    """What the file is for, once known (the kinds of a dossier document)."""

    submitted = "submitted"  # thành phần hồ sơ nộp
    supplement = "supplement"  # hồ sơ bổ sung
    result = "result"  # kết quả giải quyết


class Upload(Base):
    __tablename__ = "uploads"
    __mapper_args__ = {"eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("size >= 0", name="size_not_negative"),
        # the purge looks only at unattached uploads past their expiry
        Index(
            "ix_uploads_expires_at_unattached",
            "expires_at",
            postgresql_where=text("attached_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    owner_kind: Mapped[OwnerKind] = mapped_column(
        Enum(OwnerKind, native_enum=False, create_constraint=True, length=16, name="owner_kind")
    )
    # officers: NULL; citizens: their token's issuer (a subject is unique only within its issuer)
    owner_issuer: Mapped[str | None] = mapped_column(String(255))
    # officers: the user id; citizens: the token's subject
    owner_subject: Mapped[str] = mapped_column(String(255))
    file_name: Mapped[str] = mapped_column(String(255))  # sanitised, for Content-Disposition only
    content_type: Mapped[str] = mapped_column(String(100))  # detected from the content
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(255), unique=True)
    purpose: Mapped[UploadPurpose | None] = mapped_column(
        Enum(
            UploadPurpose,
            native_enum=False,
            create_constraint=True,
            length=16,
            name="upload_purpose",
        )
    )
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    expires_at: Mapped[datetime]
    attached_at: Mapped[datetime | None]
