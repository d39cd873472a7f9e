from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.drill_part import DrillPart

if TYPE_CHECKING:
    from ..models.drill_row_read import DrillRowRead


T = TypeVar("T", bound="DrillPage")


@_attrs_define
class DrillPage:
    """
    Example:
        {'indicator': '2.1', 'part': 'numerator', 'items': [{'code': '000.31.00.H99-261103-0007', 'procedure_code':
            '1.001193', 'agency_code': '000.31.00.H99', 'channel': 'online', 'status': 'returned', 'received_at':
            '2026-11-03T08:15:00+07:00', 'due_at': '2026-11-04T08:15:00+07:00', 'finished_at': '2026-11-03T15:40:00+07:00',
            'on_time': True}], 'next_after': 1042}

    Attributes:
        indicator (str):
        part (DrillPart):
        items (list[DrillRowRead]):
        next_after (int | None):
    """

    indicator: str
    part: DrillPart
    items: list[DrillRowRead]
    next_after: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        indicator = self.indicator

        part = self.part.value

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_after: int | None
        next_after = self.next_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "indicator": indicator,
                "part": part,
                "items": items,
                "next_after": next_after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.drill_row_read import DrillRowRead  # noqa: PLC0415

        d = dict(src_dict)
        indicator = d.pop("indicator")

        part = DrillPart(d.pop("part"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = DrillRowRead.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_after(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        next_after = _parse_next_after(d.pop("next_after"))

        drill_page = cls(
            indicator=indicator,
            part=part,
            items=items,
            next_after=next_after,
        )

        drill_page.additional_properties = d
        return drill_page

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
