from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeviceRating")


@_attrs_define
class DeviceRating:
    """A rating from a desk device (kiosk, tablet): the dossier's code and PIN from its receipt.

    Example:
        {'code': '000.31.00.H99-261123-0001', 'pin': 'K7M2QX', 'rating': 5}

    Attributes:
        code (str): Mã hồ sơ (in trên phiếu tiếp nhận)
        pin (str): Mã tra cứu (in trên phiếu tiếp nhận)
        rating (int): 5 Rất hài lòng, 4 Hài lòng, 3 Chấp nhận được, 2 Không hài lòng, 1 Rất không hài lòng
        comment (None | str | Unset): Góp ý
    """

    code: str
    pin: str
    rating: int
    comment: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        pin = self.pin

        rating = self.rating

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "pin": pin,
                "rating": rating,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        pin = d.pop("pin")

        rating = d.pop("rating")

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        device_rating = cls(
            code=code,
            pin=pin,
            rating=rating,
            comment=comment,
        )

        return device_rating
