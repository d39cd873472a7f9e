from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_provider import PaymentProvider
from ..models.payment_status import PaymentStatus

T = TypeVar("T", bound="PaymentRead")


@_attrs_define
class PaymentRead:
    """Giao dịch thanh toán (a payment of a dossier's fees).

    Example:
        {'id': '0b7e6c1a-3f2d-4e5b-8a9c-1d2e3f4a5b6c', 'dossier_code': '000.31.00.H99-261123-0001', 'provider': 'vnpay',
            'order_ref': 'MC2611230001', 'amount': 8000, 'status': 'pending', 'fee_line_ids': [41], 'pay_url':
            'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_TxnRef=MC2611230001', 'receipt_number': None,
            'created_at': '2026-11-23T09:15:00+07:00', 'expires_at': '2026-11-23T09:30:00+07:00', 'settled_at': None}

    Attributes:
        id (UUID): Mã giao dịch
        dossier_code (str): Mã hồ sơ
        provider (PaymentProvider):
        order_ref (str): Mã giao dịch của hệ thống
        amount (int): Số tiền (đồng)
        status (PaymentStatus):
        fee_line_ids (list[int]): Các khoản phí, lệ phí được thanh toán
        pay_url (None | str): Địa chỉ chuyển người nộp tới cổng thanh toán
        receipt_number (None | str): Số biên lai điện tử (khi đã thanh toán)
        created_at (datetime.datetime): Thời điểm tạo giao dịch
        expires_at (datetime.datetime): Hạn thanh toán
        settled_at (datetime.datetime | None): Thời điểm có kết quả thanh toán
    """

    id: UUID
    dossier_code: str
    provider: PaymentProvider
    order_ref: str
    amount: int
    status: PaymentStatus
    fee_line_ids: list[int]
    pay_url: None | str
    receipt_number: None | str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    settled_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        dossier_code = self.dossier_code

        provider = self.provider.value

        order_ref = self.order_ref

        amount = self.amount

        status = self.status.value

        fee_line_ids = self.fee_line_ids

        pay_url: None | str
        pay_url = self.pay_url

        receipt_number: None | str
        receipt_number = self.receipt_number

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        settled_at: None | str
        if isinstance(self.settled_at, datetime.datetime):
            settled_at = self.settled_at.isoformat()
        else:
            settled_at = self.settled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "dossier_code": dossier_code,
                "provider": provider,
                "order_ref": order_ref,
                "amount": amount,
                "status": status,
                "fee_line_ids": fee_line_ids,
                "pay_url": pay_url,
                "receipt_number": receipt_number,
                "created_at": created_at,
                "expires_at": expires_at,
                "settled_at": settled_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        dossier_code = d.pop("dossier_code")

        provider = PaymentProvider(d.pop("provider"))

        order_ref = d.pop("order_ref")

        amount = d.pop("amount")

        status = PaymentStatus(d.pop("status"))

        fee_line_ids = cast(list[int], d.pop("fee_line_ids"))

        def _parse_pay_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pay_url = _parse_pay_url(d.pop("pay_url"))

        def _parse_receipt_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        receipt_number = _parse_receipt_number(d.pop("receipt_number"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_settled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_at_type_0 = datetime.datetime.fromisoformat(data)

                return settled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        settled_at = _parse_settled_at(d.pop("settled_at"))

        payment_read = cls(
            id=id,
            dossier_code=dossier_code,
            provider=provider,
            order_ref=order_ref,
            amount=amount,
            status=status,
            fee_line_ids=fee_line_ids,
            pay_url=pay_url,
            receipt_number=receipt_number,
            created_at=created_at,
            expires_at=expires_at,
            settled_at=settled_at,
        )

        payment_read.additional_properties = d
        return payment_read

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
