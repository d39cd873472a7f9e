from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VnpayIpnAnswer")


@_attrs_define
class VnpayIpnAnswer:
    """Our answer to a VNPay IPN, always HTTP 200 (VNPay's protocol): ``00`` recorded, ``01``
    unknown order, ``02`` already final, ``04`` wrong amount, ``97`` bad signature, ``99`` other.

        Example:
            {'RspCode': '00', 'Message': 'Confirm Success'}

        Attributes:
            rsp_code (str): Mã phản hồi cho VNPay
            message (str): Thông điệp phản hồi
    """

    rsp_code: str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rsp_code = self.rsp_code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "RspCode": rsp_code,
                "Message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rsp_code = d.pop("RspCode")

        message = d.pop("Message")

        vnpay_ipn_answer = cls(
            rsp_code=rsp_code,
            message=message,
        )

        vnpay_ipn_answer.additional_properties = d
        return vnpay_ipn_answer

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
