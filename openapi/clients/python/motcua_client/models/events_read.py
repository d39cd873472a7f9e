from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_read import EventRead
    from ..models.step_progress import StepProgress


T = TypeVar("T", bound="EventsRead")


@_attrs_define
class EventsRead:
    """Nhật ký xử lý và tiến độ của hồ sơ.

    Attributes:
        code (str): Mã hồ sơ
        events (list[EventRead]): Các sự kiện, cũ nhất trước
        steps (list[StepProgress]): Tiến độ từng bước
    """

    code: str
    events: list[EventRead]
    steps: list[StepProgress]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "events": events,
                "steps": steps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_read import EventRead  # noqa: PLC0415
        from ..models.step_progress import StepProgress  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = EventRead.from_dict(events_item_data)

            events.append(events_item)

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = StepProgress.from_dict(steps_item_data)

            steps.append(steps_item)

        events_read = cls(
            code=code,
            events=events,
            steps=steps,
        )

        events_read.additional_properties = d
        return events_read

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
