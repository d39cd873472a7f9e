from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.duration_unit import DurationUnit

if TYPE_CHECKING:
    from ..models.calendar_day import CalendarDay


T = TypeVar("T", bound="DueDateRead")


@_attrs_define
class DueDateRead:
    """
    Example:
        {'start': '2026-11-23T16:00:00+07:00', 'effective_start': '2026-11-23T16:00:00+07:00', 'effective_start_local':
            '2026-11-23T16:00:00+07:00', 'due_at': '2026-11-25T16:00:00+07:00', 'due_at_local': '2026-11-25T16:00:00+07:00',
            'amount': '1', 'unit': 'working_days', 'time_zone': 'Asia/Ho_Chi_Minh', 'office_hours':
            '07:30-11:30,13:00-17:00', 'non_working_days': [{'day': '2026-11-24', 'kind': 'public_holiday', 'name': 'Ngày
            Văn hóa Việt Nam'}], 'weekend_working_days': []}

    Attributes:
        start (datetime.datetime): Thời điểm bắt đầu như đã gửi (hoặc thời điểm hiện tại)
        effective_start (datetime.datetime): Thời điểm bắt đầu tính (giờ mở cửa kế tiếp nếu ngoài giờ làm việc), giờ
            Việt Nam
        effective_start_local (datetime.datetime): Như `effective_start` (giữ để tương thích: mọi thời điểm đều theo giờ
            Việt Nam)
        due_at (datetime.datetime): Thời điểm hẹn trả, giờ Việt Nam (+07:00)
        due_at_local (datetime.datetime): Như `due_at` (giữ để tương thích: mọi thời điểm đều theo giờ Việt Nam)
        amount (str):
        unit (DurationUnit): Units of a processing time as the national procedure database states them.
        time_zone (str):
        office_hours (str):
        non_working_days (list[CalendarDay]): Ngày thường (thứ Hai–thứ Sáu) trong khoảng thời gian mà không làm việc
        weekend_working_days (list[CalendarDay]): Ngày cuối tuần trong khoảng thời gian mà vẫn làm việc (làm bù)
    """

    start: datetime.datetime
    effective_start: datetime.datetime
    effective_start_local: datetime.datetime
    due_at: datetime.datetime
    due_at_local: datetime.datetime
    amount: str
    unit: DurationUnit
    time_zone: str
    office_hours: str
    non_working_days: list[CalendarDay]
    weekend_working_days: list[CalendarDay]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        effective_start = self.effective_start.isoformat()

        effective_start_local = self.effective_start_local.isoformat()

        due_at = self.due_at.isoformat()

        due_at_local = self.due_at_local.isoformat()

        amount = self.amount

        unit = self.unit.value

        time_zone = self.time_zone

        office_hours = self.office_hours

        non_working_days = []
        for non_working_days_item_data in self.non_working_days:
            non_working_days_item = non_working_days_item_data.to_dict()
            non_working_days.append(non_working_days_item)

        weekend_working_days = []
        for weekend_working_days_item_data in self.weekend_working_days:
            weekend_working_days_item = weekend_working_days_item_data.to_dict()
            weekend_working_days.append(weekend_working_days_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "effective_start": effective_start,
                "effective_start_local": effective_start_local,
                "due_at": due_at,
                "due_at_local": due_at_local,
                "amount": amount,
                "unit": unit,
                "time_zone": time_zone,
                "office_hours": office_hours,
                "non_working_days": non_working_days,
                "weekend_working_days": weekend_working_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_day import CalendarDay  # noqa: PLC0415

        d = dict(src_dict)
        start = datetime.datetime.fromisoformat(d.pop("start"))

        effective_start = datetime.datetime.fromisoformat(d.pop("effective_start"))

        effective_start_local = datetime.datetime.fromisoformat(d.pop("effective_start_local"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        due_at_local = datetime.datetime.fromisoformat(d.pop("due_at_local"))

        amount = d.pop("amount")

        unit = DurationUnit(d.pop("unit"))

        time_zone = d.pop("time_zone")

        office_hours = d.pop("office_hours")

        non_working_days = []
        _non_working_days = d.pop("non_working_days")
        for non_working_days_item_data in _non_working_days:
            non_working_days_item = CalendarDay.from_dict(non_working_days_item_data)

            non_working_days.append(non_working_days_item)

        weekend_working_days = []
        _weekend_working_days = d.pop("weekend_working_days")
        for weekend_working_days_item_data in _weekend_working_days:
            weekend_working_days_item = CalendarDay.from_dict(weekend_working_days_item_data)

            weekend_working_days.append(weekend_working_days_item)

        due_date_read = cls(
            start=start,
            effective_start=effective_start,
            effective_start_local=effective_start_local,
            due_at=due_at,
            due_at_local=due_at_local,
            amount=amount,
            unit=unit,
            time_zone=time_zone,
            office_hours=office_hours,
            non_working_days=non_working_days,
            weekend_working_days=weekend_working_days,
        )

        due_date_read.additional_properties = d
        return due_date_read

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
