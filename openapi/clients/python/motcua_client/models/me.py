from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agency_role import AgencyRole


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Example:
        {'id': '6f1c2a9e-1d4b-4c7a-9f0e-2b8d3c4e5f60', 'username': 'tiepnhan.nguyenvana', 'roles': [{'agency':
            '000.00.01.H99', 'role': 'receptionist'}, {'agency': '000.00.01.H99', 'role': 'specialist'}]}

    Attributes:
        id (UUID):
        username (str):
        roles (list[AgencyRole]):
    """

    id: UUID
    username: str
    roles: list[AgencyRole]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        username = self.username

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.to_dict()
            roles.append(roles_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "roles": roles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agency_role import AgencyRole  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        username = d.pop("username")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = AgencyRole.from_dict(roles_item_data)

            roles.append(roles_item)

        me = cls(
            id=id,
            username=username,
            roles=roles,
        )

        me.additional_properties = d
        return me

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
