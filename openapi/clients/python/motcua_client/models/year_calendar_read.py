from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.calendar_day import CalendarDay
    from ..models.calendar_override_read import CalendarOverrideRead


T = TypeVar("T", bound="YearCalendarRead")


@_attrs_define
class YearCalendarRead:
    """
    Example:
        {'year': 2026, 'office_hours': '07:30-11:30,13:00-17:00', 'working_day_count': 248, 'public_holidays': [{'day':
            '2026-11-24', 'kind': 'public_holiday', 'name': 'Ngày Văn hóa Việt Nam'}], 'compensatory_working_days': [{'day':
            '2026-08-22', 'kind': 'compensatory_working_day', 'name': 'Ngày làm việc bù cho ngày nghỉ 31/08/2026'}],
            'overrides': []}

    Attributes:
        year (int):
        office_hours (str):
        working_day_count (int): Số ngày làm việc trong năm sau mọi điều chỉnh
        public_holidays (list[CalendarDay]): Ngày nghỉ lễ, Tết theo gói `holidays` (kể cả nghỉ bù, hoán đổi ngày nghỉ)
        compensatory_working_days (list[CalendarDay]): Ngày cuối tuần làm việc bù mà gói `holidays` đã biết
        overrides (list[CalendarOverrideRead]):
    """

    year: int
    office_hours: str
    working_day_count: int
    public_holidays: list[CalendarDay]
    compensatory_working_days: list[CalendarDay]
    overrides: list[CalendarOverrideRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        office_hours = self.office_hours

        working_day_count = self.working_day_count

        public_holidays = []
        for public_holidays_item_data in self.public_holidays:
            public_holidays_item = public_holidays_item_data.to_dict()
            public_holidays.append(public_holidays_item)

        compensatory_working_days = []
        for compensatory_working_days_item_data in self.compensatory_working_days:
            compensatory_working_days_item = compensatory_working_days_item_data.to_dict()
            compensatory_working_days.append(compensatory_working_days_item)

        overrides = []
        for overrides_item_data in self.overrides:
            overrides_item = overrides_item_data.to_dict()
            overrides.append(overrides_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "office_hours": office_hours,
                "working_day_count": working_day_count,
                "public_holidays": public_holidays,
                "compensatory_working_days": compensatory_working_days,
                "overrides": overrides,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_day import CalendarDay  # noqa: PLC0415
        from ..models.calendar_override_read import CalendarOverrideRead  # noqa: PLC0415

        d = dict(src_dict)
        year = d.pop("year")

        office_hours = d.pop("office_hours")

        working_day_count = d.pop("working_day_count")

        public_holidays = []
        _public_holidays = d.pop("public_holidays")
        for public_holidays_item_data in _public_holidays:
            public_holidays_item = CalendarDay.from_dict(public_holidays_item_data)

            public_holidays.append(public_holidays_item)

        compensatory_working_days = []
        _compensatory_working_days = d.pop("compensatory_working_days")
        for compensatory_working_days_item_data in _compensatory_working_days:
            compensatory_working_days_item = CalendarDay.from_dict(compensatory_working_days_item_data)

            compensatory_working_days.append(compensatory_working_days_item)

        overrides = []
        _overrides = d.pop("overrides")
        for overrides_item_data in _overrides:
            overrides_item = CalendarOverrideRead.from_dict(overrides_item_data)

            overrides.append(overrides_item)

        year_calendar_read = cls(
            year=year,
            office_hours=office_hours,
            working_day_count=working_day_count,
            public_holidays=public_holidays,
            compensatory_working_days=compensatory_working_days,
            overrides=overrides,
        )

        year_calendar_read.additional_properties = d
        return year_calendar_read

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
