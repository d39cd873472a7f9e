"""Uploaded files as the API shows them."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

from app.models.upload import UploadPurpose
from app.schemas.common import LocalDateTime


class UploadRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "example": {
                "id": "0b9d6f5e-5f7a-4f43-9a57-2f1d1c7a9e11",
                "file_name": "giay-chung-nhan.pdf",
                "content_type": "application/pdf",
                "size": 48213,
                "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "purpose": None,
                "created_at": "2026-11-23T09:15:00+07:00",
                "expires_at": "2026-11-24T09:15:00+07:00",
                "attached_at": None,
            }
        },
    )

    id: uuid.UUID = Field(description="Mã tệp")
    file_name: str = Field(description="Tên tệp (đã làm sạch)")
    content_type: str = Field(description="Định dạng xác định theo nội dung tệp")
    size: int = Field(description="Kích thước, tính bằng byte")
    sha256: str = Field(description="Mã băm SHA-256 (hex) của nội dung")
    purpose: UploadPurpose | None = Field(default=None, description="Mục đích sử dụng, nếu đã biết")
    created_at: LocalDateTime = Field(description="Thời điểm tải lên")
    expires_at: LocalDateTime = Field(
        description="Thời điểm tệp bị xóa nếu chưa được đính kèm hồ sơ"
    )
    attached_at: LocalDateTime | None = Field(
        default=None, description="Thời điểm đính kèm vào hồ sơ"
    )


class UploadForm(BaseModel):
    """Tải một tệp lên (``multipart/form-data``): the file and, optionally, what it is for."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {"file": "(nội dung tệp giay-khai-sinh.pdf)", "purpose": "submitted"}
        }
    )

    file: bytes = Field(description="Tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung)")
    purpose: UploadPurpose | None = Field(
        default=None, description="Mục đích sử dụng (không bắt buộc)"
    )
