from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TopicCounts")


@_attrs_define
class TopicCounts:
    """
    Attributes:
        topic (str):
        pending (int): Chưa gửi lần nào
        retrying (int): Đã gửi lỗi, đang chờ gửi lại
        delivered (int): Đã gửi thành công
        dead (int): Gửi lỗi quá số lần cho phép (thư chết)
    """

    topic: str
    pending: int
    retrying: int
    delivered: int
    dead: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        topic = self.topic

        pending = self.pending

        retrying = self.retrying

        delivered = self.delivered

        dead = self.dead

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "topic": topic,
                "pending": pending,
                "retrying": retrying,
                "delivered": delivered,
                "dead": dead,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        topic = d.pop("topic")

        pending = d.pop("pending")

        retrying = d.pop("retrying")

        delivered = d.pop("delivered")

        dead = d.pop("dead")

        topic_counts = cls(
            topic=topic,
            pending=pending,
            retrying=retrying,
            delivered=delivered,
            dead=dead,
        )

        topic_counts.additional_properties = d
        return topic_counts

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
