from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.template_kind import TemplateKind

if TYPE_CHECKING:
    from ..models.step_input import StepInput


T = TypeVar("T", bound="TemplateCreate")


@_attrs_define
class TemplateCreate:
    """
    Example:
        {'name': 'Quy trình hộ tịch cấp xã', 'kind': 'single_agency', 'steps': [{'code': 'S1', 'name': 'Tiếp nhận hồ
            sơ', 'runs_at': {'kind': 'receiving_office'}, 'role': 'receptionist', 'duration': {'amount': '0.5', 'unit':
            'working_days'}}, {'code': 'S2', 'name': 'Thẩm định và phê duyệt', 'runs_at': {'kind': 'competent_agency'},
            'role': 'leader', 'duration': {'amount': '0.5', 'unit': 'working_days'}}], 'code': 'QT-HOTICH-XA'}

    Attributes:
        name (str):
        kind (TemplateKind):
        steps (list[StepInput]):
        code (str):
    """

    name: str
    kind: TemplateKind
    steps: list[StepInput]
    code: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        code = self.code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "steps": steps,
                "code": code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.step_input import StepInput  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        kind = TemplateKind(d.pop("kind"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = StepInput.from_dict(steps_item_data)

            steps.append(steps_item)

        code = d.pop("code")

        template_create = cls(
            name=name,
            kind=kind,
            steps=steps,
            code=code,
        )

        return template_create
