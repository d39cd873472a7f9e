from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DevCitizenTokenRequest")


@_attrs_define
class DevCitizenTokenRequest:
    """
    Example:
        {'subject': 'citizen-0001', 'full_name': 'Nguyễn Thị B', 'personal_id': '001203004567'}

    Attributes:
        subject (str):
        full_name (str):
        personal_id (None | str | Unset): Số định danh cá nhân, 12 chữ số
        vneid_verified (bool | Unset): Tài khoản đã xác thực với VNeID Default: False.
    """

    subject: str
    full_name: str
    personal_id: None | str | Unset = UNSET
    vneid_verified: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        full_name = self.full_name

        personal_id: None | str | Unset
        if isinstance(self.personal_id, Unset):
            personal_id = UNSET
        else:
            personal_id = self.personal_id

        vneid_verified = self.vneid_verified

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject": subject,
                "full_name": full_name,
            }
        )
        if personal_id is not UNSET:
            field_dict["personal_id"] = personal_id
        if vneid_verified is not UNSET:
            field_dict["vneid_verified"] = vneid_verified

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject = d.pop("subject")

        full_name = d.pop("full_name")

        def _parse_personal_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        personal_id = _parse_personal_id(d.pop("personal_id", UNSET))

        vneid_verified = d.pop("vneid_verified", UNSET)

        dev_citizen_token_request = cls(
            subject=subject,
            full_name=full_name,
            personal_id=personal_id,
            vneid_verified=vneid_verified,
        )

        return dev_citizen_token_request
