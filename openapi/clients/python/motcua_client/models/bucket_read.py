from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BucketRead")


@_attrs_define
class BucketRead:
    """
    Attributes:
        key (str):
        name (str):
        received (int):
        received_online (int):
        ended (int):
        ended_on_time (int):
        late (int):
    """

    key: str
    name: str
    received: int
    received_online: int
    ended: int
    ended_on_time: int
    late: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        received = self.received

        received_online = self.received_online

        ended = self.ended

        ended_on_time = self.ended_on_time

        late = self.late

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "name": name,
                "received": received,
                "received_online": received_online,
                "ended": ended,
                "ended_on_time": ended_on_time,
                "late": late,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        received = d.pop("received")

        received_online = d.pop("received_online")

        ended = d.pop("ended")

        ended_on_time = d.pop("ended_on_time")

        late = d.pop("late")

        bucket_read = cls(
            key=key,
            name=name,
            received=received,
            received_online=received_online,
            ended=ended,
            ended_on_time=ended_on_time,
            late=late,
        )

        bucket_read.additional_properties = d
        return bucket_read

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
