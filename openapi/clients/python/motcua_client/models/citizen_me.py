from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CitizenMe")


@_attrs_define
class CitizenMe:
    """
    Example:
        {'issuer': 'motcua-dev-citizen', 'subject': 'citizen-0001', 'name': 'Nguyễn Thị B', 'personal_id':
            '001203004567'}

    Attributes:
        issuer (str): Bên cấp mã truy cập (hệ thống định danh)
        subject (str): Định danh của công dân tại bên cấp
        name (None | str | Unset): Họ và tên
        personal_id (None | str | Unset): Số định danh cá nhân (CCCD)
    """

    issuer: str
    subject: str
    name: None | str | Unset = UNSET
    personal_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        subject = self.subject

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        personal_id: None | str | Unset
        if isinstance(self.personal_id, Unset):
            personal_id = UNSET
        else:
            personal_id = self.personal_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuer": issuer,
                "subject": subject,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if personal_id is not UNSET:
            field_dict["personal_id"] = personal_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issuer = d.pop("issuer")

        subject = d.pop("subject")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_personal_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        personal_id = _parse_personal_id(d.pop("personal_id", UNSET))

        citizen_me = cls(
            issuer=issuer,
            subject=subject,
            name=name,
            personal_id=personal_id,
        )

        citizen_me.additional_properties = d
        return citizen_me

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
