from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StepRead")


@_attrs_define
class StepRead:
    """Một bước của quy trình xử lý hồ sơ (a step of the dossier's route).

    Example:
        {'position': 0, 'code': 'S1', 'name': 'Tiếp nhận hồ sơ', 'agency_code': '000.31.00.H99', 'role': 'receptionist'}

    Attributes:
        position (int): Thứ tự bước, từ 0
        code (str): Mã bước
        name (str): Tên bước
        agency_code (str): Cơ quan thực hiện bước
        role (str): Vai trò cán bộ thực hiện
    """

    position: int
    code: str
    name: str
    agency_code: str
    role: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        position = self.position

        code = self.code

        name = self.name

        agency_code = self.agency_code

        role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "position": position,
                "code": code,
                "name": name,
                "agency_code": agency_code,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = d.pop("position")

        code = d.pop("code")

        name = d.pop("name")

        agency_code = d.pop("agency_code")

        role = d.pop("role")

        step_read = cls(
            position=position,
            code=code,
            name=name,
            agency_code=agency_code,
            role=role,
        )

        step_read.additional_properties = d
        return step_read

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
