from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AgencySync")


@_attrs_define
class AgencySync:
    """
    Attributes:
        agency_code (str):
        agency_name (None | str):
        received (int): Số hồ sơ nộp trong kỳ
        acknowledged (int): Số hồ sơ có trạng thái mới nhất đã được Cổng xác nhận
        share (float | None): Tỷ lệ đồng bộ (chỉ số 1.4); null khi không có hồ sơ
    """

    agency_code: str
    agency_name: None | str
    received: int
    acknowledged: int
    share: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agency_code = self.agency_code

        agency_name: None | str
        agency_name = self.agency_name

        received = self.received

        acknowledged = self.acknowledged

        share: float | None
        share = self.share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agency_code": agency_code,
                "agency_name": agency_name,
                "received": received,
                "acknowledged": acknowledged,
                "share": share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agency_code = d.pop("agency_code")

        def _parse_agency_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agency_name = _parse_agency_name(d.pop("agency_name"))

        received = d.pop("received")

        acknowledged = d.pop("acknowledged")

        def _parse_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        share = _parse_share(d.pop("share"))

        agency_sync = cls(
            agency_code=agency_code,
            agency_name=agency_name,
            received=received,
            acknowledged=acknowledged,
            share=share,
        )

        agency_sync.additional_properties = d
        return agency_sync

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
