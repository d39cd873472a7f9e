from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeeChoice")


@_attrs_define
class FeeChoice:
    """The applicant's choice about one fee of the procedure (by its index in the catalog's list):
    asked for or not, and the counted quantities (pages, copies, sets) it is priced with.

        Example:
            {'index': 0, 'requested': True, 'copies': 2}

        Attributes:
            index (int): Chỉ số khoản phí trong danh mục của thủ tục
            requested (bool | Unset): Có yêu cầu (khoản phí có điều kiện) Default: True.
            pages (int | None | Unset): Số trang
            copies (int | None | Unset): Số bản
            sets (int | None | Unset): Số bộ
    """

    index: int
    requested: bool | Unset = True
    pages: int | None | Unset = UNSET
    copies: int | None | Unset = UNSET
    sets: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        requested = self.requested

        pages: int | None | Unset
        if isinstance(self.pages, Unset):
            pages = UNSET
        else:
            pages = self.pages

        copies: int | None | Unset
        if isinstance(self.copies, Unset):
            copies = UNSET
        else:
            copies = self.copies

        sets: int | None | Unset
        if isinstance(self.sets, Unset):
            sets = UNSET
        else:
            sets = self.sets

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "index": index,
            }
        )
        if requested is not UNSET:
            field_dict["requested"] = requested
        if pages is not UNSET:
            field_dict["pages"] = pages
        if copies is not UNSET:
            field_dict["copies"] = copies
        if sets is not UNSET:
            field_dict["sets"] = sets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index")

        requested = d.pop("requested", UNSET)

        def _parse_pages(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pages = _parse_pages(d.pop("pages", UNSET))

        def _parse_copies(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        copies = _parse_copies(d.pop("copies", UNSET))

        def _parse_sets(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sets = _parse_sets(d.pop("sets", UNSET))

        fee_choice = cls(
            index=index,
            requested=requested,
            pages=pages,
            copies=copies,
            sets=sets,
        )

        return fee_choice
