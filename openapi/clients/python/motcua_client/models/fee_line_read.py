from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fee_line_read_quantities import FeeLineReadQuantities


T = TypeVar("T", bound="FeeLineRead")


@_attrs_define
class FeeLineRead:
    """Một khoản phí, lệ phí của hồ sơ (a fee line, priced when the dossier was submitted).

    Example:
        {'id': 41, 'name': 'Lệ phí đăng ký khai sinh', 'kind': 'levy', 'amount': 8000, 'condition': None,
            'requires_confirmation': False, 'confirmed': True, 'quantities': {}, 'due': 'on_submission', 'paid_at': None,
            'receipt_number': None}

    Attributes:
        name (str): Tên khoản phí, lệ phí
        kind (str): charge: phí; levy: lệ phí
        amount (int): Số tiền (đồng)
        condition (None | str): Điều kiện áp dụng
        requires_confirmation (bool): Chỉ thu khi người nộp có yêu cầu
        confirmed (bool): Đã xác nhận thu
        paid_at (datetime.datetime | None): Thời điểm đã nộp
        receipt_number (None | str): Số biên lai
        id (int | None | Unset): Mã khoản phí của hồ sơ
        quantities (FeeLineReadQuantities | Unset): Số trang, số bản, số bộ đã tính
        due (None | str | Unset): Thời điểm phải nộp
    """

    name: str
    kind: str
    amount: int
    condition: None | str
    requires_confirmation: bool
    confirmed: bool
    paid_at: datetime.datetime | None
    receipt_number: None | str
    id: int | None | Unset = UNSET
    quantities: FeeLineReadQuantities | Unset = UNSET
    due: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind

        amount = self.amount

        condition: None | str
        condition = self.condition

        requires_confirmation = self.requires_confirmation

        confirmed = self.confirmed

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        receipt_number: None | str
        receipt_number = self.receipt_number

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        quantities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.quantities, Unset):
            quantities = self.quantities.to_dict()

        due: None | str | Unset
        if isinstance(self.due, Unset):
            due = UNSET
        else:
            due = self.due

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "amount": amount,
                "condition": condition,
                "requires_confirmation": requires_confirmation,
                "confirmed": confirmed,
                "paid_at": paid_at,
                "receipt_number": receipt_number,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if quantities is not UNSET:
            field_dict["quantities"] = quantities
        if due is not UNSET:
            field_dict["due"] = due

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee_line_read_quantities import FeeLineReadQuantities  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        kind = d.pop("kind")

        amount = d.pop("amount")

        def _parse_condition(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        condition = _parse_condition(d.pop("condition"))

        requires_confirmation = d.pop("requires_confirmation")

        confirmed = d.pop("confirmed")

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        def _parse_receipt_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        receipt_number = _parse_receipt_number(d.pop("receipt_number"))

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        _quantities = d.pop("quantities", UNSET)
        quantities: FeeLineReadQuantities | Unset
        if isinstance(_quantities, Unset):
            quantities = UNSET
        else:
            quantities = FeeLineReadQuantities.from_dict(_quantities)

        def _parse_due(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due = _parse_due(d.pop("due", UNSET))

        fee_line_read = cls(
            name=name,
            kind=kind,
            amount=amount,
            condition=condition,
            requires_confirmation=requires_confirmation,
            confirmed=confirmed,
            paid_at=paid_at,
            receipt_number=receipt_number,
            id=id,
            quantities=quantities,
            due=due,
        )

        fee_line_read.additional_properties = d
        return fee_line_read

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
