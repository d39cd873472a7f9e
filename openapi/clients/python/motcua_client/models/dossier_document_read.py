from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DossierDocumentRead")


@_attrs_define
class DossierDocumentRead:
    """Một tệp của hồ sơ: thành phần đã nộp, bổ sung, hoặc kết quả.

    Example:
        {'requirement_code': 'TP01', 'kind': 'submitted', 'upload_id': '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
            'paper_original_checked': False, 'file_name': 'to-khai-dang-ky-khai-sinh.pdf', 'content_type':
            'application/pdf', 'size': 182044, 'sha256': '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
            'added_at': '2026-11-23T08:41:05+07:00'}

    Attributes:
        requirement_code (None | str): Mã thành phần hồ sơ của thủ tục
        kind (str): submitted, supplement hoặc result
        upload_id (None | str): Mã tệp đã tải lên
        paper_original_checked (bool): Bản giấy đã được đối chiếu tại quầy
        file_name (None | str): Tên tệp
        content_type (None | str): Kiểu tệp
        size (int | None): Kích thước (byte)
        sha256 (None | str): Mã băm SHA-256 của tệp
        added_at (datetime.datetime): Thời điểm đính kèm
    """

    requirement_code: None | str
    kind: str
    upload_id: None | str
    paper_original_checked: bool
    file_name: None | str
    content_type: None | str
    size: int | None
    sha256: None | str
    added_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        requirement_code: None | str
        requirement_code = self.requirement_code

        kind = self.kind

        upload_id: None | str
        upload_id = self.upload_id

        paper_original_checked = self.paper_original_checked

        file_name: None | str
        file_name = self.file_name

        content_type: None | str
        content_type = self.content_type

        size: int | None
        size = self.size

        sha256: None | str
        sha256 = self.sha256

        added_at = self.added_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requirement_code": requirement_code,
                "kind": kind,
                "upload_id": upload_id,
                "paper_original_checked": paper_original_checked,
                "file_name": file_name,
                "content_type": content_type,
                "size": size,
                "sha256": sha256,
                "added_at": added_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_requirement_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        requirement_code = _parse_requirement_code(d.pop("requirement_code"))

        kind = d.pop("kind")

        def _parse_upload_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        upload_id = _parse_upload_id(d.pop("upload_id"))

        paper_original_checked = d.pop("paper_original_checked")

        def _parse_file_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        file_name = _parse_file_name(d.pop("file_name"))

        def _parse_content_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        content_type = _parse_content_type(d.pop("content_type"))

        def _parse_size(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        size = _parse_size(d.pop("size"))

        def _parse_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sha256 = _parse_sha256(d.pop("sha256"))

        added_at = datetime.datetime.fromisoformat(d.pop("added_at"))

        dossier_document_read = cls(
            requirement_code=requirement_code,
            kind=kind,
            upload_id=upload_id,
            paper_original_checked=paper_original_checked,
            file_name=file_name,
            content_type=content_type,
            size=size,
            sha256=sha256,
            added_at=added_at,
        )

        dossier_document_read.additional_properties = d
        return dossier_document_read

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
