from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.override_kind import OverrideKind

T = TypeVar("T", bound="CalendarOverrideWrite")


@_attrs_define
class CalendarOverrideWrite:
    """
    Example:
        {'kind': 'day_off', 'reason': 'Nghỉ theo quyết định của UBND tỉnh (demo)'}

    Attributes:
        kind (OverrideKind):
        reason (str):
    """

    kind: OverrideKind
    reason: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = OverrideKind(d.pop("kind"))

        reason = d.pop("reason")

        calendar_override_write = cls(
            kind=kind,
            reason=reason,
        )

        return calendar_override_write
