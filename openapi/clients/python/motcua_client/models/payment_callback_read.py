from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_provider import PaymentProvider

T = TypeVar("T", bound="PaymentCallbackRead")


@_attrs_define
class PaymentCallbackRead:
    """
    Example:
        {'id': 311, 'provider': 'vnpay', 'received_at': '2026-11-23T09:17:42+07:00', 'query':
            'vnp_Amount=800000&vnp_ResponseCode=00&vnp_TxnRef=MC2611230001&...', 'body': '', 'verified': True, 'rejection':
            None, 'outcome': 'succeeded', 'disposition': 'recorded'}

    Attributes:
        id (int):
        provider (PaymentProvider):
        received_at (datetime.datetime):
        query (str): Chuỗi truy vấn nhận được (nguyên văn)
        body (str): Nội dung nhận được (nguyên văn)
        verified (bool):
        rejection (None | str):
        outcome (None | str):
        disposition (str):
    """

    id: int
    provider: PaymentProvider
    received_at: datetime.datetime
    query: str
    body: str
    verified: bool
    rejection: None | str
    outcome: None | str
    disposition: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        provider = self.provider.value

        received_at = self.received_at.isoformat()

        query = self.query

        body = self.body

        verified = self.verified

        rejection: None | str
        rejection = self.rejection

        outcome: None | str
        outcome = self.outcome

        disposition = self.disposition

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "provider": provider,
                "received_at": received_at,
                "query": query,
                "body": body,
                "verified": verified,
                "rejection": rejection,
                "outcome": outcome,
                "disposition": disposition,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        provider = PaymentProvider(d.pop("provider"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        query = d.pop("query")

        body = d.pop("body")

        verified = d.pop("verified")

        def _parse_rejection(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection = _parse_rejection(d.pop("rejection"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        disposition = d.pop("disposition")

        payment_callback_read = cls(
            id=id,
            provider=provider,
            received_at=received_at,
            query=query,
            body=body,
            verified=verified,
            rejection=rejection,
            outcome=outcome,
            disposition=disposition,
        )

        payment_callback_read.additional_properties = d
        return payment_callback_read

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
