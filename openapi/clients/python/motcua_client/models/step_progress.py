from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StepProgress")


@_attrs_define
class StepProgress:
    """Tiến độ một bước xử lý (its start, due date and finish).

    Example:
        {'position': 0, 'step_code': 'S1', 'agency_code': '000.31.00.H99', 'role': 'receptionist', 'started_at':
            '2026-11-23T09:02:40+07:00', 'due_at': '2026-11-23T13:02:40+07:00', 'finished_at': '2026-11-23T09:40:12+07:00',
            'overdue': False}

    Attributes:
        position (int): Thứ tự bước, từ 0
        step_code (str): Mã bước
        agency_code (str): Cơ quan thực hiện
        role (str): Vai trò cán bộ thực hiện
        started_at (datetime.datetime): Bắt đầu
        due_at (datetime.datetime | None): Hạn của bước
        finished_at (datetime.datetime | None): Hoàn thành
        overdue (bool): Quá hạn
    """

    position: int
    step_code: str
    agency_code: str
    role: str
    started_at: datetime.datetime
    due_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    overdue: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        position = self.position

        step_code = self.step_code

        agency_code = self.agency_code

        role = self.role

        started_at = self.started_at.isoformat()

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        overdue = self.overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "position": position,
                "step_code": step_code,
                "agency_code": agency_code,
                "role": role,
                "started_at": started_at,
                "due_at": due_at,
                "finished_at": finished_at,
                "overdue": overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = d.pop("position")

        step_code = d.pop("step_code")

        agency_code = d.pop("agency_code")

        role = d.pop("role")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        overdue = d.pop("overdue")

        step_progress = cls(
            position=position,
            step_code=step_code,
            agency_code=agency_code,
            role=role,
            started_at=started_at,
            due_at=due_at,
            finished_at=finished_at,
            overdue=overdue,
        )

        step_progress.additional_properties = d
        return step_progress

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
