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
    Example:
        {'title': 'Sổ theo dõi hồ sơ', 'office_code': '000.31.00.H99', 'office_name': 'Bộ phận Một cửa xã Một',
            'received_from': '2026-11-01', 'received_to': '2026-11-30', 'items': [{'code': '000.31.00.H99-261123-0001',
            'procedure_code': '1.001193', 'procedure_name': 'Thủ tục đăng ký khai sinh', 'sets': 1, 'applicant_name':
            'Nguyễn Văn An', 'applicant_address': 'Thôn Đông, xã Một', 'applicant_phone': '0912345678', 'competent_agency':
            'Ủy ban nhân dân xã Một', 'channel': 'online', 'status': 'returned', 'received_at': '2026-11-23T09:02:40+07:00',
            'due_at': '2026-11-24T09:02:40+07:00', 'promised_due_at': None, 'forwarded_at': '2026-11-23T09:40:12+07:00',
            'result_at': '2026-11-23T16:05:00+07:00', 'finished_at': '2026-11-23T16:05:00+07:00', 'returned_at':
            '2026-11-24T08:10:00+07:00', 'note': ''}], 'next_cursor': None}

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
