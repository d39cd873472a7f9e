from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.bucket_read import BucketRead
    from ..models.summary_read_counts import SummaryReadCounts


T = TypeVar("T", bound="SummaryRead")


@_attrs_define
class SummaryRead:
    """
    Example:
        {'period': '2026-11', 'start': '2026-11-01', 'end': '2026-11-30', 'judged_at': '2026-11-30', 'counts': {'ended':
            190, 'ended_on_time': 180, 'received': 200, 'submitted': 204}, 'by_channel': [{'key': 'online', 'name': 'Trực
            tuyến', 'received': 120, 'received_online': 120, 'ended': 115, 'ended_on_time': 110, 'late': 5}], 'by_agency':
            [{'key': '000.31.00.H99', 'name': 'Ủy ban nhân dân xã Một', 'received': 200, 'received_online': 120, 'ended':
            190, 'ended_on_time': 180, 'late': 10}], 'by_unit': [{'key': '31', 'name': 'Xã Một', 'received': 200,
            'received_online': 120, 'ended': 190, 'ended_on_time': 180, 'late': 10}]}

    Attributes:
        period (str):
        start (datetime.date):
        end (datetime.date):
        judged_at (datetime.date):
        counts (SummaryReadCounts): Tiếp nhận, kết thúc theo trạng thái, đang xử lý...
        by_channel (list[BucketRead]):
        by_agency (list[BucketRead]):
        by_unit (list[BucketRead]):
    """

    period: str
    start: datetime.date
    end: datetime.date
    judged_at: datetime.date
    counts: SummaryReadCounts
    by_channel: list[BucketRead]
    by_agency: list[BucketRead]
    by_unit: list[BucketRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        start = self.start.isoformat()

        end = self.end.isoformat()

        judged_at = self.judged_at.isoformat()

        counts = self.counts.to_dict()

        by_channel = []
        for by_channel_item_data in self.by_channel:
            by_channel_item = by_channel_item_data.to_dict()
            by_channel.append(by_channel_item)

        by_agency = []
        for by_agency_item_data in self.by_agency:
            by_agency_item = by_agency_item_data.to_dict()
            by_agency.append(by_agency_item)

        by_unit = []
        for by_unit_item_data in self.by_unit:
            by_unit_item = by_unit_item_data.to_dict()
            by_unit.append(by_unit_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "start": start,
                "end": end,
                "judged_at": judged_at,
                "counts": counts,
                "by_channel": by_channel,
                "by_agency": by_agency,
                "by_unit": by_unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bucket_read import BucketRead  # noqa: PLC0415
        from ..models.summary_read_counts import SummaryReadCounts  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        judged_at = datetime.date.fromisoformat(d.pop("judged_at"))

        counts = SummaryReadCounts.from_dict(d.pop("counts"))

        by_channel = []
        _by_channel = d.pop("by_channel")
        for by_channel_item_data in _by_channel:
            by_channel_item = BucketRead.from_dict(by_channel_item_data)

            by_channel.append(by_channel_item)

        by_agency = []
        _by_agency = d.pop("by_agency")
        for by_agency_item_data in _by_agency:
            by_agency_item = BucketRead.from_dict(by_agency_item_data)

            by_agency.append(by_agency_item)

        by_unit = []
        _by_unit = d.pop("by_unit")
        for by_unit_item_data in _by_unit:
            by_unit_item = BucketRead.from_dict(by_unit_item_data)

            by_unit.append(by_unit_item)

        summary_read = cls(
            period=period,
            start=start,
            end=end,
            judged_at=judged_at,
            counts=counts,
            by_channel=by_channel,
            by_agency=by_agency,
            by_unit=by_unit,
        )

        summary_read.additional_properties = d
        return summary_read

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
