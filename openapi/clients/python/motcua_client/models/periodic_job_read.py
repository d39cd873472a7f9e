from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PeriodicJobRead")


@_attrs_define
class PeriodicJobRead:
    """
    Attributes:
        name (str):
        schedule (str):
        next_run_at (datetime.datetime):
        last_started_at (datetime.datetime | None):
        last_finished_at (datetime.datetime | None):
        last_outcome (None | str): ok hoặc error
        last_error (None | str):
        run_count (int):
    """

    name: str
    schedule: str
    next_run_at: datetime.datetime
    last_started_at: datetime.datetime | None
    last_finished_at: datetime.datetime | None
    last_outcome: None | str
    last_error: None | str
    run_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        schedule = self.schedule

        next_run_at = self.next_run_at.isoformat()

        last_started_at: None | str
        if isinstance(self.last_started_at, datetime.datetime):
            last_started_at = self.last_started_at.isoformat()
        else:
            last_started_at = self.last_started_at

        last_finished_at: None | str
        if isinstance(self.last_finished_at, datetime.datetime):
            last_finished_at = self.last_finished_at.isoformat()
        else:
            last_finished_at = self.last_finished_at

        last_outcome: None | str
        last_outcome = self.last_outcome

        last_error: None | str
        last_error = self.last_error

        run_count = self.run_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "schedule": schedule,
                "next_run_at": next_run_at,
                "last_started_at": last_started_at,
                "last_finished_at": last_finished_at,
                "last_outcome": last_outcome,
                "last_error": last_error,
                "run_count": run_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        schedule = d.pop("schedule")

        next_run_at = datetime.datetime.fromisoformat(d.pop("next_run_at"))

        def _parse_last_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_started_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_started_at = _parse_last_started_at(d.pop("last_started_at"))

        def _parse_last_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_finished_at = _parse_last_finished_at(d.pop("last_finished_at"))

        def _parse_last_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_outcome = _parse_last_outcome(d.pop("last_outcome"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        run_count = d.pop("run_count")

        periodic_job_read = cls(
            name=name,
            schedule=schedule,
            next_run_at=next_run_at,
            last_started_at=last_started_at,
            last_finished_at=last_finished_at,
            last_outcome=last_outcome,
            last_error=last_error,
            run_count=run_count,
        )

        periodic_job_read.additional_properties = d
        return periodic_job_read

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
