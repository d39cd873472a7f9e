from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.duration_unit import DurationUnit

T = TypeVar("T", bound="DurationOutput")


@_attrs_define
class DurationOutput:
    """
    Attributes:
        amount (str): Số lượng
        unit (DurationUnit): Units of a processing time as the national procedure database states them.
    """

    amount: str
    unit: DurationUnit

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        unit = self.unit.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        unit = DurationUnit(d.pop("unit"))

        duration_output = cls(
            amount=amount,
            unit=unit,
        )

        return duration_output
