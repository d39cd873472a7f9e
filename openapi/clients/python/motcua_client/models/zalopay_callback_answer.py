from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ZalopayCallbackAnswer")


@_attrs_define
class ZalopayCallbackAnswer:
    """Our answer to a ZaloPay callback, always HTTP 200 (ZaloPay's protocol): ``1`` recorded,
    ``2`` already recorded, ``0`` call again later, ``-1`` refused.

        Example:
            {'return_code': 1, 'return_message': 'success'}

        Attributes:
            return_code (int): Mã phản hồi cho ZaloPay
            return_message (str): Thông điệp phản hồi
    """

    return_code: int
    return_message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return_code = self.return_code

        return_message = self.return_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "return_code": return_code,
                "return_message": return_message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        return_code = d.pop("return_code")

        return_message = d.pop("return_message")

        zalopay_callback_answer = cls(
            return_code=return_code,
            return_message=return_message,
        )

        zalopay_callback_answer.additional_properties = d
        return zalopay_callback_answer

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
