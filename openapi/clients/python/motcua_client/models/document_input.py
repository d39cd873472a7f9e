from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentInput")


@_attrs_define
class DocumentInput:
    """
    Attributes:
        requirement_code (str): Mã thành phần hồ sơ của thủ tục
        upload_id (None | Unset | UUID): Mã tệp đã tải lên (POST /api/v1/uploads)
        paper_original_checked (bool | Unset): Tại quầy: cán bộ đã kiểm tra bản giấy (không cần tải tệp) Default: False.
    """

    requirement_code: str
    upload_id: None | Unset | UUID = UNSET
    paper_original_checked: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        requirement_code = self.requirement_code

        upload_id: None | str | Unset
        if isinstance(self.upload_id, Unset):
            upload_id = UNSET
        elif isinstance(self.upload_id, UUID):
            upload_id = str(self.upload_id)
        else:
            upload_id = self.upload_id

        paper_original_checked = self.paper_original_checked

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "requirement_code": requirement_code,
            }
        )
        if upload_id is not UNSET:
            field_dict["upload_id"] = upload_id
        if paper_original_checked is not UNSET:
            field_dict["paper_original_checked"] = paper_original_checked

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requirement_code = d.pop("requirement_code")

        def _parse_upload_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                upload_id_type_0 = UUID(data)

                return upload_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        upload_id = _parse_upload_id(d.pop("upload_id", UNSET))

        paper_original_checked = d.pop("paper_original_checked", UNSET)

        document_input = cls(
            requirement_code=requirement_code,
            upload_id=upload_id,
            paper_original_checked=paper_original_checked,
        )

        return document_input
