from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.override_kind import OverrideKind

T = TypeVar("T", bound="CalendarOverrideRead")


@_attrs_define
class CalendarOverrideRead:
    """
    Example:
        {'day': '2026-12-31', 'kind': 'day_off', 'reason': 'Nghỉ theo quyết định của UBND tỉnh (demo)', 'created_by':
            '3f1c2a5e-8d4b-4c1e-9b7a-2f6d5e4c3b2a', 'created_at': '2026-11-23T09:00:00+07:00'}

    Attributes:
        day (datetime.date):
        kind (OverrideKind):
        reason (str):
        created_by (None | UUID):
        created_at (datetime.datetime):
    """

    day: datetime.date
    kind: OverrideKind
    reason: str
    created_by: None | UUID
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        day = self.day.isoformat()

        kind = self.kind.value

        reason = self.reason

        created_by: None | str
        if isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "day": day,
                "kind": kind,
                "reason": reason,
                "created_by": created_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        day = datetime.date.fromisoformat(d.pop("day"))

        kind = OverrideKind(d.pop("kind"))

        reason = d.pop("reason")

        def _parse_created_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        created_by = _parse_created_by(d.pop("created_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        calendar_override_read = cls(
            day=day,
            kind=kind,
            reason=reason,
            created_by=created_by,
            created_at=created_at,
        )

        calendar_override_read.additional_properties = d
        return calendar_override_read

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
