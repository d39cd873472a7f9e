from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_entry_read_changes import AuditEntryReadChanges


T = TypeVar("T", bound="AuditEntryRead")


@_attrs_define
class AuditEntryRead:
    """
    Attributes:
        id (int):
        at (datetime.datetime):
        actor_username (str):
        actor_agency (None | str): Cơ quan mà vai trò quản trị tại đó cho phép thao tác (cơ quan gốc của tỉnh với quản
            trị cấp tỉnh)
        action (str):
        target_type (str):
        target_key (str):
        changes (AuditEntryReadChanges): Tóm tắt thay đổi (không bao giờ có mật khẩu, mã truy cập hay dữ liệu cá nhân
            của công dân)
    """

    id: int
    at: datetime.datetime
    actor_username: str
    actor_agency: None | str
    action: str
    target_type: str
    target_key: str
    changes: AuditEntryReadChanges
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        actor_username = self.actor_username

        actor_agency: None | str
        actor_agency = self.actor_agency

        action = self.action

        target_type = self.target_type

        target_key = self.target_key

        changes = self.changes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "actor_username": actor_username,
                "actor_agency": actor_agency,
                "action": action,
                "target_type": target_type,
                "target_key": target_key,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_read_changes import AuditEntryReadChanges  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor_username = d.pop("actor_username")

        def _parse_actor_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_agency = _parse_actor_agency(d.pop("actor_agency"))

        action = d.pop("action")

        target_type = d.pop("target_type")

        target_key = d.pop("target_key")

        changes = AuditEntryReadChanges.from_dict(d.pop("changes"))

        audit_entry_read = cls(
            id=id,
            at=at,
            actor_username=actor_username,
            actor_agency=actor_agency,
            action=action,
            target_type=target_type,
            target_key=target_key,
            changes=changes,
        )

        audit_entry_read.additional_properties = d
        return audit_entry_read

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
