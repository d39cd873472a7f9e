from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.register_row_read import RegisterRowRead


T = TypeVar("T", bound="RegisterPage")


@_attrs_define
class RegisterPage:
    """
    Attributes:
        title (str):
        office_code (str):
        office_name (str):
        received_from (datetime.date):
        received_to (datetime.date):
        items (list[RegisterRowRead]):
        next_cursor (None | str):
    """

    title: str
    office_code: str
    office_name: str
    received_from: datetime.date
    received_to: datetime.date
    items: list[RegisterRowRead]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        office_code = self.office_code

        office_name = self.office_name

        received_from = self.received_from.isoformat()

        received_to = self.received_to.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "office_code": office_code,
                "office_name": office_name,
                "received_from": received_from,
                "received_to": received_to,
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.register_row_read import RegisterRowRead  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        office_code = d.pop("office_code")

        office_name = d.pop("office_name")

        received_from = datetime.date.fromisoformat(d.pop("received_from"))

        received_to = datetime.date.fromisoformat(d.pop("received_to"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = RegisterRowRead.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        register_page = cls(
            title=title,
            office_code=office_code,
            office_name=office_name,
            received_from=received_from,
            received_to=received_to,
            items=items,
            next_cursor=next_cursor,
        )

        register_page.additional_properties = d
        return register_page

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
