from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agency_role import AgencyRole


T = TypeVar("T", bound="UserRead")


@_attrs_define
class UserRead:
    """
    Example:
        {'id': '6f1c2a9e-1d4b-4c7a-9f0e-2b8d3c4e5f60', 'username': 'tiepnhan.nguyenvana', 'full_name': 'Nguyễn Văn A',
            'active': True, 'roles': [{'agency': '000.00.01.H99', 'role': 'receptionist'}], 'tokens_valid_after':
            '2026-11-20T08:00:00+07:00'}

    Attributes:
        id (UUID):
        username (str):
        full_name (str):
        active (bool):
        roles (list[AgencyRole]):
        tokens_valid_after (datetime.datetime):
    """

    id: UUID
    username: str
    full_name: str
    active: bool
    roles: list[AgencyRole]
    tokens_valid_after: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        username = self.username

        full_name = self.full_name

        active = self.active

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.to_dict()
            roles.append(roles_item)

        tokens_valid_after = self.tokens_valid_after.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "full_name": full_name,
                "active": active,
                "roles": roles,
                "tokens_valid_after": tokens_valid_after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agency_role import AgencyRole  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        username = d.pop("username")

        full_name = d.pop("full_name")

        active = d.pop("active")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = AgencyRole.from_dict(roles_item_data)

            roles.append(roles_item)

        tokens_valid_after = datetime.datetime.fromisoformat(d.pop("tokens_valid_after"))

        user_read = cls(
            id=id,
            username=username,
            full_name=full_name,
            active=active,
            roles=roles,
            tokens_valid_after=tokens_valid_after,
        )

        user_read.additional_properties = d
        return user_read

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
