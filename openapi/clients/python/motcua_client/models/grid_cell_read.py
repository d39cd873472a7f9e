from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GridCellRead")


@_attrs_define
class GridCellRead:
    """
    Attributes:
        month (str): Tháng (YYYY-MM)
        received (int): Số hồ sơ tiếp nhận trong tháng
        received_online (int): Số hồ sơ tiếp nhận trực tuyến
        ended (int): Số hồ sơ kết thúc xử lý
        ended_on_time (int): Số hồ sơ kết thúc đúng hạn
        late (int): Trễ hạn: kết thúc trễ hạn và đang xử lý quá hạn cuối tháng
    """

    month: str
    received: int
    received_online: int
    ended: int
    ended_on_time: int
    late: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        received = self.received

        received_online = self.received_online

        ended = self.ended

        ended_on_time = self.ended_on_time

        late = self.late

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "received": received,
                "received_online": received_online,
                "ended": ended,
                "ended_on_time": ended_on_time,
                "late": late,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        month = d.pop("month")

        received = d.pop("received")

        received_online = d.pop("received_online")

        ended = d.pop("ended")

        ended_on_time = d.pop("ended_on_time")

        late = d.pop("late")

        grid_cell_read = cls(
            month=month,
            received=received,
            received_online=received_online,
            ended=ended,
            ended_on_time=ended_on_time,
            late=late,
        )

        grid_cell_read.additional_properties = d
        return grid_cell_read

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
