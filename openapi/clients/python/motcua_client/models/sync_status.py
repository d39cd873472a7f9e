from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agency_sync import AgencySync
    from ..models.dead_letter import DeadLetter


T = TypeVar("T", bound="SyncStatus")


@_attrs_define
class SyncStatus:
    """
    Example:
        {'since': '2026-10-24T10:00:00+07:00', 'until': '2026-11-23T10:00:00+07:00', 'pending': 2, 'retrying': 1,
            'delivered': 1840, 'dead': 1, 'oldest_undelivered_age_seconds': 12.5, 'dead_letters': [{'id': 2051, 'topic':
            'portal.sync', 'ordering_key': 'portal:000.31.00.H99-261120-0004', 'attempts': 10, 'last_error':
            'PortalUnavailable: portal answered HTTP 503', 'created_at': '2026-11-20T14:00:00+07:00', 'last_attempt_at':
            '2026-11-21T02:10:00+07:00', 'dead_at': '2026-11-21T02:10:00+07:00'}], 'agencies': [{'agency_code':
            '000.31.00.H99', 'agency_name': 'Ủy ban nhân dân xã Một', 'received': 200, 'acknowledged': 198, 'share': 0.99}]}

    Attributes:
        since (datetime.datetime):
        until (datetime.datetime):
        pending (int): Thay đổi chưa gửi lần nào
        retrying (int): Thay đổi gửi lỗi, đang chờ gửi lại
        delivered (int):
        dead (int): Thư chết (chờ quản trị viên gửi lại)
        oldest_undelivered_age_seconds (float | None): Tuổi (giây) của thay đổi cũ nhất chưa gửi được
        dead_letters (list[DeadLetter]):
        agencies (list[AgencySync]):
    """

    since: datetime.datetime
    until: datetime.datetime
    pending: int
    retrying: int
    delivered: int
    dead: int
    oldest_undelivered_age_seconds: float | None
    dead_letters: list[DeadLetter]
    agencies: list[AgencySync]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        since = self.since.isoformat()

        until = self.until.isoformat()

        pending = self.pending

        retrying = self.retrying

        delivered = self.delivered

        dead = self.dead

        oldest_undelivered_age_seconds: float | None
        oldest_undelivered_age_seconds = self.oldest_undelivered_age_seconds

        dead_letters = []
        for dead_letters_item_data in self.dead_letters:
            dead_letters_item = dead_letters_item_data.to_dict()
            dead_letters.append(dead_letters_item)

        agencies = []
        for agencies_item_data in self.agencies:
            agencies_item = agencies_item_data.to_dict()
            agencies.append(agencies_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "since": since,
                "until": until,
                "pending": pending,
                "retrying": retrying,
                "delivered": delivered,
                "dead": dead,
                "oldest_undelivered_age_seconds": oldest_undelivered_age_seconds,
                "dead_letters": dead_letters,
                "agencies": agencies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agency_sync import AgencySync  # noqa: PLC0415
        from ..models.dead_letter import DeadLetter  # noqa: PLC0415

        d = dict(src_dict)
        since = datetime.datetime.fromisoformat(d.pop("since"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        pending = d.pop("pending")

        retrying = d.pop("retrying")

        delivered = d.pop("delivered")

        dead = d.pop("dead")

        def _parse_oldest_undelivered_age_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        oldest_undelivered_age_seconds = _parse_oldest_undelivered_age_seconds(d.pop("oldest_undelivered_age_seconds"))

        dead_letters = []
        _dead_letters = d.pop("dead_letters")
        for dead_letters_item_data in _dead_letters:
            dead_letters_item = DeadLetter.from_dict(dead_letters_item_data)

            dead_letters.append(dead_letters_item)

        agencies = []
        _agencies = d.pop("agencies")
        for agencies_item_data in _agencies:
            agencies_item = AgencySync.from_dict(agencies_item_data)

            agencies.append(agencies_item)

        sync_status = cls(
            since=since,
            until=until,
            pending=pending,
            retrying=retrying,
            delivered=delivered,
            dead=dead,
            oldest_undelivered_age_seconds=oldest_undelivered_age_seconds,
            dead_letters=dead_letters,
            agencies=agencies,
        )

        sync_status.additional_properties = d
        return sync_status

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
