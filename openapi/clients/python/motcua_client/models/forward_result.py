from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.dossier_status import DossierStatus

T = TypeVar("T", bound="ForwardResult")


@_attrs_define
class ForwardResult:
    """The dossier a forward created (201) or found (200: the portal had forwarded it before).

    Example:
        {'code': '000.31.00.H99-261130-0001', 'portal_ref': 'G22.99-261130-000123', 'status': 'submitted', 'channel':
            'national_portal', 'created': True}

    Attributes:
        code (str): Mã hồ sơ một cửa
        portal_ref (str): Mã hồ sơ trên Cổng DVCQG
        status (DossierStatus):
        channel (Channel):
        created (bool): true: hồ sơ mới; false: Cổng đã chuyển hồ sơ này trước đó
    """

    code: str
    portal_ref: str
    status: DossierStatus
    channel: Channel
    created: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        portal_ref = self.portal_ref

        status = self.status.value

        channel = self.channel.value

        created = self.created

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "portal_ref": portal_ref,
                "status": status,
                "channel": channel,
                "created": created,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        portal_ref = d.pop("portal_ref")

        status = DossierStatus(d.pop("status"))

        channel = Channel(d.pop("channel"))

        created = d.pop("created")

        forward_result = cls(
            code=code,
            portal_ref=portal_ref,
            status=status,
            channel=channel,
            created=created,
        )

        forward_result.additional_properties = d
        return forward_result

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
