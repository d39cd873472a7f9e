from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.payment_alert_read_detail import PaymentAlertReadDetail


T = TypeVar("T", bound="PaymentAlertRead")


@_attrs_define
class PaymentAlertRead:
    """
    Example:
        {'id': 7, 'payment_id': '0b7e6c1a-3f2d-4e5b-8a9c-1d2e3f4a5b6c', 'kind': 'refund_needed', 'detail': {'amount':
            8000, 'reason': 'already_paid'}, 'created_at': '2026-11-24T14:02:10+07:00'}

    Attributes:
        id (int):
        payment_id (UUID):
        kind (str):
        detail (PaymentAlertReadDetail):
        created_at (datetime.datetime):
    """

    id: int
    payment_id: UUID
    kind: str
    detail: PaymentAlertReadDetail
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        payment_id = str(self.payment_id)

        kind = self.kind

        detail = self.detail.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "payment_id": payment_id,
                "kind": kind,
                "detail": detail,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payment_alert_read_detail import PaymentAlertReadDetail  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        payment_id = UUID(d.pop("payment_id"))

        kind = d.pop("kind")

        detail = PaymentAlertReadDetail.from_dict(d.pop("detail"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        payment_alert_read = cls(
            id=id,
            payment_id=payment_id,
            kind=kind,
            detail=detail,
            created_at=created_at,
        )

        payment_alert_read.additional_properties = d
        return payment_alert_read

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
