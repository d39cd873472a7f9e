from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeviceRatingRead")


@_attrs_define
class DeviceRatingRead:
    """Đánh giá đã ghi nhận.

    Example:
        {'code': '000.31.00.H99-261123-0001', 'rating': 5, 'level': 'Rất hài lòng'}

    Attributes:
        code (str): Mã hồ sơ
        rating (int): Điểm đánh giá (1-5)
        level (str): Mức độ hài lòng
    """

    code: str
    rating: int
    level: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        rating = self.rating

        level = self.level

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "rating": rating,
                "level": level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        rating = d.pop("rating")

        level = d.pop("level")

        device_rating_read = cls(
            code=code,
            rating=rating,
            level=level,
        )

        device_rating_read.additional_properties = d
        return device_rating_read

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
