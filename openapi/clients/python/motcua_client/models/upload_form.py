from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.upload_purpose import UploadPurpose
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="UploadForm")


@_attrs_define
class UploadForm:
    """Tải một tệp lên (``multipart/form-data``): the file and, optionally, what it is for.

    Example:
        {'file': '(nội dung tệp giay-khai-sinh.pdf)', 'purpose': 'submitted'}

    Attributes:
        file (File): Tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung)
        purpose (None | Unset | UploadPurpose): Mục đích sử dụng (không bắt buộc)
    """

    file: File
    purpose: None | Unset | UploadPurpose = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        elif isinstance(self.purpose, UploadPurpose):
            purpose = self.purpose.value
        else:
            purpose = self.purpose

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )
        if purpose is not UNSET:
            field_dict["purpose"] = purpose

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.purpose, Unset):
            if isinstance(self.purpose, UploadPurpose):
                files.append(("purpose", (None, str(self.purpose.value).encode(), "text/plain")))
            else:
                files.append(("purpose", (None, str(self.purpose).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

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

        upload_form = cls(
            file=file,
            purpose=purpose,
        )

        upload_form.additional_properties = d
        return upload_form

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
