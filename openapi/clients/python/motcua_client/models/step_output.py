from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.step_role import StepRole

if TYPE_CHECKING:
    from ..models.duration_output import DurationOutput
    from ..models.runs_at import RunsAt


T = TypeVar("T", bound="StepOutput")


@_attrs_define
class StepOutput:
    """
    Attributes:
        code (str):
        name (str):
        runs_at (RunsAt):
        role (StepRole):
        duration (DurationOutput):
    """

    code: str
    name: str
    runs_at: RunsAt
    role: StepRole
    duration: DurationOutput

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        runs_at = self.runs_at.to_dict()

        role = self.role.value

        duration = self.duration.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "runs_at": runs_at,
                "role": role,
                "duration": duration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duration_output import DurationOutput  # noqa: PLC0415
        from ..models.runs_at import RunsAt  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        runs_at = RunsAt.from_dict(d.pop("runs_at"))

        role = StepRole(d.pop("role"))

        duration = DurationOutput.from_dict(d.pop("duration"))

        step_output = cls(
            code=code,
            name=name,
            runs_at=runs_at,
            role=role,
            duration=duration,
        )

        return step_output
