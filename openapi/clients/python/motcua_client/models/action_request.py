from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_input import DocumentInput
    from ..models.supplement_item import SupplementItem


T = TypeVar("T", bound="ActionRequest")


@_attrs_define
class ActionRequest:
    """
    Example:
        {'version': 3, 'note': 'Chuyển Sở Xây dựng thẩm định'}

    Attributes:
        version (int | None | Unset): Phiên bản hồ sơ đã đọc (hoặc dùng tiêu đề If-Match)
        note (None | str | Unset): Lý do, ghi chú
        assignee (None | str | Unset): assign: tên đăng nhập cán bộ
        to_step (None | str | Unset): send_back: mã bước trả về
        promised_due_at (datetime.datetime | None | Unset): reschedule: ngày hẹn mới
        receipt_number (None | str | Unset): record_payment
        rating (int | None | Unset): rate: 1-5
        consignment_number (None | str | Unset): return_result qua bưu chính: số hiệu bưu gửi
        pin (None | str | Unset): return_result tại Bộ phận Một cửa khác trong tỉnh: mã tra cứu trên phiếu hẹn
        documents (list[DocumentInput] | Unset): Tệp kèm theo thao tác (bổ sung, kết quả)
        items (list[SupplementItem] | Unset): request_supplement: từng thành phần cần bổ sung, hoàn thiện
    """

    version: int | None | Unset = UNSET
    note: None | str | Unset = UNSET
    assignee: None | str | Unset = UNSET
    to_step: None | str | Unset = UNSET
    promised_due_at: datetime.datetime | None | Unset = UNSET
    receipt_number: None | str | Unset = UNSET
    rating: int | None | Unset = UNSET
    consignment_number: None | str | Unset = UNSET
    pin: None | str | Unset = UNSET
    documents: list[DocumentInput] | Unset = UNSET
    items: list[SupplementItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        assignee: None | str | Unset
        if isinstance(self.assignee, Unset):
            assignee = UNSET
        else:
            assignee = self.assignee

        to_step: None | str | Unset
        if isinstance(self.to_step, Unset):
            to_step = UNSET
        else:
            to_step = self.to_step

        promised_due_at: None | str | Unset
        if isinstance(self.promised_due_at, Unset):
            promised_due_at = UNSET
        elif isinstance(self.promised_due_at, datetime.datetime):
            promised_due_at = self.promised_due_at.isoformat()
        else:
            promised_due_at = self.promised_due_at

        receipt_number: None | str | Unset
        if isinstance(self.receipt_number, Unset):
            receipt_number = UNSET
        else:
            receipt_number = self.receipt_number

        rating: int | None | Unset
        if isinstance(self.rating, Unset):
            rating = UNSET
        else:
            rating = self.rating

        consignment_number: None | str | Unset
        if isinstance(self.consignment_number, Unset):
            consignment_number = UNSET
        else:
            consignment_number = self.consignment_number

        pin: None | str | Unset
        if isinstance(self.pin, Unset):
            pin = UNSET
        else:
            pin = self.pin

        documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                documents.append(documents_item)

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if version is not UNSET:
            field_dict["version"] = version
        if note is not UNSET:
            field_dict["note"] = note
        if assignee is not UNSET:
            field_dict["assignee"] = assignee
        if to_step is not UNSET:
            field_dict["to_step"] = to_step
        if promised_due_at is not UNSET:
            field_dict["promised_due_at"] = promised_due_at
        if receipt_number is not UNSET:
            field_dict["receipt_number"] = receipt_number
        if rating is not UNSET:
            field_dict["rating"] = rating
        if consignment_number is not UNSET:
            field_dict["consignment_number"] = consignment_number
        if pin is not UNSET:
            field_dict["pin"] = pin
        if documents is not UNSET:
            field_dict["documents"] = documents
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_input import DocumentInput  # noqa: PLC0415
        from ..models.supplement_item import SupplementItem  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_assignee(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assignee = _parse_assignee(d.pop("assignee", UNSET))

        def _parse_to_step(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to_step = _parse_to_step(d.pop("to_step", UNSET))

        def _parse_promised_due_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                promised_due_at_type_0 = datetime.datetime.fromisoformat(data)

                return promised_due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        promised_due_at = _parse_promised_due_at(d.pop("promised_due_at", UNSET))

        def _parse_receipt_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        receipt_number = _parse_receipt_number(d.pop("receipt_number", UNSET))

        def _parse_rating(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rating = _parse_rating(d.pop("rating", UNSET))

        def _parse_consignment_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consignment_number = _parse_consignment_number(d.pop("consignment_number", UNSET))

        def _parse_pin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pin = _parse_pin(d.pop("pin", UNSET))

        _documents = d.pop("documents", UNSET)
        documents: list[DocumentInput] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = DocumentInput.from_dict(documents_item_data)

                documents.append(documents_item)

        _items = d.pop("items", UNSET)
        items: list[SupplementItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = SupplementItem.from_dict(items_item_data)

                items.append(items_item)

        action_request = cls(
            version=version,
            note=note,
            assignee=assignee,
            to_step=to_step,
            promised_due_at=promised_due_at,
            receipt_number=receipt_number,
            rating=rating,
            consignment_number=consignment_number,
            pin=pin,
            documents=documents,
            items=items,
        )

        return action_request
