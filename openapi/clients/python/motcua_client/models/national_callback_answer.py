from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NationalCallbackAnswer")


@_attrs_define
class NationalCallbackAnswer:
    """Our answer to a national payment platform callback, always HTTP 200, in the configured
    adapter's protocol; the bundled adapter's (the fake's, marked [U]: the platform publishes none)
    is ``00`` recorded, ``02`` already recorded, ``01`` unknown order, ``04`` wrong amount, ``97``
    bad signature, ``99`` malformed or call again later.

        Example:
            {'code': '00', 'message': 'recorded'}

        Attributes:
            code (str): Mã phản hồi cho nền tảng thanh toán
            message (str): Thông điệp phản hồi
    """

    code: str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        national_callback_answer = cls(
            code=code,
            message=message,
        )

        national_callback_answer.additional_properties = d
        return national_callback_answer

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
