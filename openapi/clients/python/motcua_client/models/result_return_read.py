from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_delivery import ResultDelivery

T = TypeVar("T", bound="ResultReturnRead")


@_attrs_define
class ResultReturnRead:
    """Việc trả kết quả giải quyết (how and when the result was returned).

    Attributes:
        delivery (ResultDelivery):
        office_code (None | str): Bộ phận Một cửa đã trả kết quả
        consignment_number (None | str): Số hiệu bưu gửi (trả qua bưu chính)
        returned_at (datetime.datetime | None): Trả tại quầy, giao bưu chính, hoặc tải về
        delivered_at (datetime.datetime | None): Bưu chính đã phát cho người nhận
    """

    delivery: ResultDelivery
    office_code: None | str
    consignment_number: None | str
    returned_at: datetime.datetime | None
    delivered_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        delivery = self.delivery.value

        office_code: None | str
        office_code = self.office_code

        consignment_number: None | str
        consignment_number = self.consignment_number

        returned_at: None | str
        if isinstance(self.returned_at, datetime.datetime):
            returned_at = self.returned_at.isoformat()
        else:
            returned_at = self.returned_at

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "delivery": delivery,
                "office_code": office_code,
                "consignment_number": consignment_number,
                "returned_at": returned_at,
                "delivered_at": delivered_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivery = ResultDelivery(d.pop("delivery"))

        def _parse_office_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        office_code = _parse_office_code(d.pop("office_code"))

        def _parse_consignment_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        consignment_number = _parse_consignment_number(d.pop("consignment_number"))

        def _parse_returned_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                returned_at_type_0 = datetime.datetime.fromisoformat(data)

                return returned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        returned_at = _parse_returned_at(d.pop("returned_at"))

        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))

        result_return_read = cls(
            delivery=delivery,
            office_code=office_code,
            consignment_number=consignment_number,
            returned_at=returned_at,
            delivered_at=delivered_at,
        )

        result_return_read.additional_properties = d
        return result_return_read

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
