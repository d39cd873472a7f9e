from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SupplementItem")


@_attrs_define
class SupplementItem:
    """One document a supplement request names (form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ):
    which document, how many originals / certified copies / copies (the catalog's counts when not
    given), and what is wrong with it or missing.

        Attributes:
            requirement_code (str): Mã thành phần hồ sơ cần bổ sung
            reason (str): Nội dung cần bổ sung, hoàn thiện
            originals (int | None | Unset): Số bản chính
            certified_copies (int | None | Unset): Số bản sao có chứng thực
            copies (int | None | Unset): Số bản sao
    """

    requirement_code: str
    reason: str
    originals: int | None | Unset = UNSET
    certified_copies: int | None | Unset = UNSET
    copies: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        requirement_code = self.requirement_code

        reason = self.reason

        originals: int | None | Unset
        if isinstance(self.originals, Unset):
            originals = UNSET
        else:
            originals = self.originals

        certified_copies: int | None | Unset
        if isinstance(self.certified_copies, Unset):
            certified_copies = UNSET
        else:
            certified_copies = self.certified_copies

        copies: int | None | Unset
        if isinstance(self.copies, Unset):
            copies = UNSET
        else:
            copies = self.copies

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "requirement_code": requirement_code,
                "reason": reason,
            }
        )
        if originals is not UNSET:
            field_dict["originals"] = originals
        if certified_copies is not UNSET:
            field_dict["certified_copies"] = certified_copies
        if copies is not UNSET:
            field_dict["copies"] = copies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requirement_code = d.pop("requirement_code")

        reason = d.pop("reason")

        def _parse_originals(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        originals = _parse_originals(d.pop("originals", UNSET))

        def _parse_certified_copies(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        certified_copies = _parse_certified_copies(d.pop("certified_copies", UNSET))

        def _parse_copies(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        copies = _parse_copies(d.pop("copies", UNSET))

        supplement_item = cls(
            requirement_code=requirement_code,
            reason=reason,
            originals=originals,
            certified_copies=certified_copies,
            copies=copies,
        )

        return supplement_item
