from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.payment_provider import PaymentProvider

T = TypeVar("T", bound="PaymentCreate")


@_attrs_define
class PaymentCreate:
    """Thanh toán trực tuyến phí, lệ phí của hồ sơ: the fees due now, through one provider.

    Example:
        {'provider': 'vnpay'}

    Attributes:
        provider (PaymentProvider):
    """

    provider: PaymentProvider

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "provider": provider,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provider = PaymentProvider(d.pop("provider"))

        payment_create = cls(
            provider=provider,
        )

        return payment_create
