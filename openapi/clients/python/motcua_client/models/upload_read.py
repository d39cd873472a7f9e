from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upload_purpose import UploadPurpose
from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadRead")


@_attrs_define
class UploadRead:
    """
    Example:
        {'id': '0b9d6f5e-5f7a-4f43-9a57-2f1d1c7a9e11', 'file_name': 'giay-chung-nhan.pdf', 'content_type':
            'application/pdf', 'size': 48213, 'sha256': '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
            'created_at': '2026-11-23T09:15:00+07:00', 'expires_at': '2026-11-24T09:15:00+07:00'}

    Attributes:
        id (UUID): Mã tệp
        file_name (str): Tên tệp (đã làm sạch)
        content_type (str): Định dạng xác định theo nội dung tệp
        size (int): Kích thước, tính bằng byte
        sha256 (str): Mã băm SHA-256 (hex) của nội dung
        created_at (datetime.datetime): Thời điểm tải lên
        expires_at (datetime.datetime): Thời điểm tệp bị xóa nếu chưa được đính kèm hồ sơ
        purpose (None | Unset | UploadPurpose): Mục đích sử dụng, nếu đã biết
        attached_at (datetime.datetime | None | Unset): Thời điểm đính kèm vào hồ sơ
    """

    id: UUID
    file_name: str
    content_type: str
    size: int
    sha256: str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    purpose: None | Unset | UploadPurpose = UNSET
    attached_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        file_name = self.file_name

        content_type = self.content_type

        size = self.size

        sha256 = self.sha256

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        elif isinstance(self.purpose, UploadPurpose):
            purpose = self.purpose.value
        else:
            purpose = self.purpose

        attached_at: None | str | Unset
        if isinstance(self.attached_at, Unset):
            attached_at = UNSET
        elif isinstance(self.attached_at, datetime.datetime):
            attached_at = self.attached_at.isoformat()
        else:
            attached_at = self.attached_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "file_name": file_name,
                "content_type": content_type,
                "size": size,
                "sha256": sha256,
                "created_at": created_at,
                "expires_at": expires_at,
            }
        )
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if attached_at is not UNSET:
            field_dict["attached_at"] = attached_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        file_name = d.pop("file_name")

        content_type = d.pop("content_type")

        size = d.pop("size")

        sha256 = d.pop("sha256")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_purpose(data: object) -> None | Unset | UploadPurpose:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                purpose_type_0 = UploadPurpose(data)

                return purpose_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UploadPurpose, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        def _parse_attached_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                attached_at_type_0 = datetime.datetime.fromisoformat(data)

                return attached_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        attached_at = _parse_attached_at(d.pop("attached_at", UNSET))

        upload_read = cls(
            id=id,
            file_name=file_name,
            content_type=content_type,
            size=size,
            sha256=sha256,
            created_at=created_at,
            expires_at=expires_at,
            purpose=purpose,
            attached_at=attached_at,
        )

        upload_read.additional_properties = d
        return upload_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
