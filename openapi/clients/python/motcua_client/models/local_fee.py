from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LocalFee")


@_attrs_define
class LocalFee:
    """A local fee always states its amount: a flat ``amount``, or the rule's ``tiers``.

    Example:
        {'name': 'Lệ phí đăng ký khai sinh', 'kind': 'levy', 'amount': 8000}

    Attributes:
        name (str): Tên phí, lệ phí
        kind (str): charge: phí; levy: lệ phí
        amount (int | None): null: do tỉnh quy định; khi đó áp dụng tại địa phương phải nêu số tiền
        condition (None | str | Unset): Điều kiện áp dụng
        requires_confirmation (bool | Unset): Chỉ thu khi người nộp có yêu cầu Default: False.
    """

    name: str
    kind: str
    amount: int | None
    condition: None | str | Unset = UNSET
    requires_confirmation: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind

        amount: int | None
        amount = self.amount

        condition: None | str | Unset
        if isinstance(self.condition, Unset):
            condition = UNSET
        else:
            condition = self.condition

        requires_confirmation = self.requires_confirmation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "amount": amount,
            }
        )
        if condition is not UNSET:
            field_dict["condition"] = condition
        if requires_confirmation is not UNSET:
            field_dict["requires_confirmation"] = requires_confirmation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = d.pop("kind")

        def _parse_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_condition(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        condition = _parse_condition(d.pop("condition", UNSET))

        requires_confirmation = d.pop("requires_confirmation", UNSET)

        local_fee = cls(
            name=name,
            kind=kind,
            amount=amount,
            condition=condition,
            requires_confirmation=requires_confirmation,
        )

        local_fee.additional_properties = d
        return local_fee

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
