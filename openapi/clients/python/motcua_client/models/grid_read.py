from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grid_dimension import GridDimension

if TYPE_CHECKING:
    from ..models.grid_row_read import GridRowRead


T = TypeVar("T", bound="GridRead")


@_attrs_define
class GridRead:
    """
    Example:
        {'period': '2026-Q4', 'start': '2026-10-01', 'end': '2026-12-31', 'by': 'agency', 'months': ['2026-10',
            '2026-11', '2026-12'], 'rows': [{'key': '000.31.00.H99', 'name': 'Ủy ban nhân dân xã Một', 'cells': [{'month':
            '2026-10', 'received': 200, 'received_online': 120, 'ended': 190, 'ended_on_time': 180, 'late': 10}, {'month':
            '2026-11', 'received': 200, 'received_online': 120, 'ended': 190, 'ended_on_time': 180, 'late': 10}, {'month':
            '2026-12', 'received': 200, 'received_online': 120, 'ended': 190, 'ended_on_time': 180, 'late': 10}]}]}

    Attributes:
        period (str):
        start (datetime.date):
        end (datetime.date):
        by (GridDimension):
        months (list[str]): Các tháng của kỳ (cột của bảng)
        rows (list[GridRowRead]): Các hàng, nhiều hồ sơ trễ hạn nhất trước
    """

    period: str
    start: datetime.date
    end: datetime.date
    by: GridDimension
    months: list[str]
    rows: list[GridRowRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        start = self.start.isoformat()

        end = self.end.isoformat()

        by = self.by.value

        months = self.months

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "start": start,
                "end": end,
                "by": by,
                "months": months,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grid_row_read import GridRowRead  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        by = GridDimension(d.pop("by"))

        months = cast(list[str], d.pop("months"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = GridRowRead.from_dict(rows_item_data)

            rows.append(rows_item)

        grid_read = cls(
            period=period,
            start=start,
            end=end,
            by=by,
            months=months,
            rows=rows,
        )

        grid_read.additional_properties = d
        return grid_read

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
