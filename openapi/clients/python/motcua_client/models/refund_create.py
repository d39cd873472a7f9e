from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RefundCreate")


@_attrs_define
class RefundCreate:
    """
    Example:
        {'reason': 'Nộp thừa lệ phí', 'reference': 'HT-20261124-0001'}

    Attributes:
        reason (str): Lý do hoàn tiền
        reference (str): Mã tham chiếu hoàn tiền của cổng / kho bạc
    """

    reason: str
    reference: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        reference = d.pop("reference")

        refund_create = cls(
            reason=reason,
            reference=reference,
        )

        return refund_create
