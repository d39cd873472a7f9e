from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.agency_role import AgencyRole


T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """
    Example:
        {'username': 'tiepnhan.nguyenvana', 'full_name': 'Nguyễn Văn A', 'password': 'mat-khau-du-dai-123', 'roles':
            [{'agency': '000.00.01.H99', 'role': 'receptionist'}]}

    Attributes:
        username (str):
        full_name (str):
        password (str):
        roles (list[AgencyRole]):
    """

    username: str
    full_name: str
    password: str
    roles: list[AgencyRole]

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        full_name = self.full_name

        password = self.password

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.to_dict()
            roles.append(roles_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "full_name": full_name,
                "password": password,
                "roles": roles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agency_role import AgencyRole  # noqa: PLC0415

        d = dict(src_dict)
        username = d.pop("username")

        full_name = d.pop("full_name")

        password = d.pop("password")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = AgencyRole.from_dict(roles_item_data)

            roles.append(roles_item)

        user_create = cls(
            username=username,
            full_name=full_name,
            password=password,
            roles=roles,
        )

        return user_create
