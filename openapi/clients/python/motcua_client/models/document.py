from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.submission_channel import SubmissionChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """A document of the dossier (thành phần hồ sơ): how many originals, certified copies and copies;
    whether it is mandatory, in which channels (none listed: every channel), and whether it is only
    shown at the desk and not submitted ("Xuất trình (không nộp)" on the national record).

        Attributes:
            code (str): Mã thành phần hồ sơ
            name (str): Tên thành phần hồ sơ (giấy tờ)
            originals (int | Unset): Số bản chính Default: 1.
            certified_copies (int | Unset): Bản sao có chứng thực Default: 0.
            copies (int | Unset): Số bản sao Default: 0.
            mandatory (bool | Unset): Bắt buộc Default: True.
            channels (list[SubmissionChannel] | None | Unset): Kênh nộp yêu cầu thành phần này; bỏ trống: mọi kênh
            presented_only (bool | Unset): Chỉ xuất trình tại quầy, không nộp (không tải tệp lên) Default: False.
            form_url (None | str | Unset): Mẫu đơn, tờ khai (đường dẫn)
            condition (None | str | Unset): Điều kiện (trường hợp phải nộp)
    """

    code: str
    name: str
    originals: int | Unset = 1
    certified_copies: int | Unset = 0
    copies: int | Unset = 0
    mandatory: bool | Unset = True
    channels: list[SubmissionChannel] | None | Unset = UNSET
    presented_only: bool | Unset = False
    form_url: None | str | Unset = UNSET
    condition: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        originals = self.originals

        certified_copies = self.certified_copies

        copies = self.copies

        mandatory = self.mandatory

        channels: list[str] | None | Unset
        if isinstance(self.channels, Unset):
            channels = UNSET
        elif isinstance(self.channels, list):
            channels = []
            for channels_type_0_item_data in self.channels:
                channels_type_0_item = channels_type_0_item_data.value
                channels.append(channels_type_0_item)

        else:
            channels = self.channels

        presented_only = self.presented_only

        form_url: None | str | Unset
        if isinstance(self.form_url, Unset):
            form_url = UNSET
        else:
            form_url = self.form_url

        condition: None | str | Unset
        if isinstance(self.condition, Unset):
            condition = UNSET
        else:
            condition = self.condition

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
            }
        )
        if originals is not UNSET:
            field_dict["originals"] = originals
        if certified_copies is not UNSET:
            field_dict["certified_copies"] = certified_copies
        if copies is not UNSET:
            field_dict["copies"] = copies
        if mandatory is not UNSET:
            field_dict["mandatory"] = mandatory
        if channels is not UNSET:
            field_dict["channels"] = channels
        if presented_only is not UNSET:
            field_dict["presented_only"] = presented_only
        if form_url is not UNSET:
            field_dict["form_url"] = form_url
        if condition is not UNSET:
            field_dict["condition"] = condition

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        originals = d.pop("originals", UNSET)

        certified_copies = d.pop("certified_copies", UNSET)

        copies = d.pop("copies", UNSET)

        mandatory = d.pop("mandatory", UNSET)

        def _parse_channels(data: object) -> list[SubmissionChannel] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                channels_type_0 = []
                _channels_type_0 = data
                for channels_type_0_item_data in _channels_type_0:
                    channels_type_0_item = SubmissionChannel(channels_type_0_item_data)

                    channels_type_0.append(channels_type_0_item)

                return channels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SubmissionChannel] | None | Unset, data)

        channels = _parse_channels(d.pop("channels", UNSET))

        presented_only = d.pop("presented_only", UNSET)

        def _parse_form_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        form_url = _parse_form_url(d.pop("form_url", UNSET))

        def _parse_condition(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        condition = _parse_condition(d.pop("condition", UNSET))

        document = cls(
            code=code,
            name=name,
            originals=originals,
            certified_copies=certified_copies,
            copies=copies,
            mandatory=mandatory,
            channels=channels,
            presented_only=presented_only,
            form_url=form_url,
            condition=condition,
        )

        return document
