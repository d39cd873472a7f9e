from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GroupRead")


@_attrs_define
class GroupRead:
    """
    Attributes:
        group (str):
        weight (float):
        score (float): Điểm đạt được trên các chỉ số tính được
        computable_maximum (float): Tổng điểm tối đa của các chỉ số tính được
    """

    group: str
    weight: float
    score: float
    computable_maximum: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group = self.group

        weight = self.weight

        score = self.score

        computable_maximum = self.computable_maximum

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group": group,
                "weight": weight,
                "score": score,
                "computable_maximum": computable_maximum,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group = d.pop("group")

        weight = d.pop("weight")

        score = d.pop("score")

        computable_maximum = d.pop("computable_maximum")

        group_read = cls(
            group=group,
            weight=weight,
            score=score,
            computable_maximum=computable_maximum,
        )

        group_read.additional_properties = d
        return group_read

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
