from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.runs_at_kind import RunsAtKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="RunsAt")


@_attrs_define
class RunsAt:
    """
    Attributes:
        kind (RunsAtKind):
        agency (None | str | Unset):
        step (None | str | Unset):
    """

    kind: RunsAtKind
    agency: None | str | Unset = UNSET
    step: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        agency: None | str | Unset
        if isinstance(self.agency, Unset):
            agency = UNSET
        else:
            agency = self.agency

        step: None | str | Unset
        if isinstance(self.step, Unset):
            step = UNSET
        else:
            step = self.step

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if agency is not UNSET:
            field_dict["agency"] = agency
        if step is not UNSET:
            field_dict["step"] = step

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = RunsAtKind(d.pop("kind"))

        def _parse_agency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agency = _parse_agency(d.pop("agency", UNSET))

        def _parse_step(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        step = _parse_step(d.pop("step", UNSET))

        runs_at = cls(
            kind=kind,
            agency=agency,
            step=step,
        )

        return runs_at
