from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.template_kind import TemplateKind

if TYPE_CHECKING:
    from ..models.step_output import StepOutput


T = TypeVar("T", bound="TemplateRow")


@_attrs_define
class TemplateRow:
    """
    Example:
        {'name': 'Quy trình hộ tịch cấp xã', 'kind': 'single_agency', 'steps': [{'code': 'S1', 'name': 'Tiếp nhận hồ
            sơ', 'runs_at': {'kind': 'receiving_office'}, 'role': 'receptionist', 'duration': {'amount': '0.5', 'unit':
            'working_days'}}, {'code': 'S2', 'name': 'Thẩm định và phê duyệt', 'runs_at': {'kind': 'competent_agency'},
            'role': 'leader', 'duration': {'amount': '0.5', 'unit': 'working_days'}}], 'code': 'QT-HOTICH-XA', 'version': 1}

    Attributes:
        name (str):
        kind (TemplateKind):
        steps (list[StepOutput]):
        code (str):
        version (int):
    """

    name: str
    kind: TemplateKind
    steps: list[StepOutput]
    code: str
    version: int

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        code = self.code

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "steps": steps,
                "code": code,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.step_output import StepOutput  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        kind = TemplateKind(d.pop("kind"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = StepOutput.from_dict(steps_item_data)

            steps.append(steps_item)

        code = d.pop("code")

        version = d.pop("version")

        template_row = cls(
            name=name,
            kind=kind,
            steps=steps,
            code=code,
            version=version,
        )

        return template_row
