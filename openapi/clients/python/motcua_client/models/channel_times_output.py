from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.duration_output import DurationOutput


T = TypeVar("T", bound="ChannelTimesOutput")


@_attrs_define
class ChannelTimesOutput:
    """Processing time by submission channel where it differs from the procedure's (Decree
    118/2025: the national record publishes a time per channel, e.g. 1.013133 online 2 working
    hours, in person 1 working day); a channel not given uses the procedure's time.

        Attributes:
            desk (DurationOutput | None | Unset): Nộp trực tiếp
            online (DurationOutput | None | Unset): Nộp trực tuyến
            postal (DurationOutput | None | Unset): Nộp qua bưu chính
    """

    desk: DurationOutput | None | Unset = UNSET
    online: DurationOutput | None | Unset = UNSET
    postal: DurationOutput | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.duration_output import DurationOutput  # noqa: PLC0415

        desk: dict[str, Any] | None | Unset
        if isinstance(self.desk, Unset):
            desk = UNSET
        elif isinstance(self.desk, DurationOutput):
            desk = self.desk.to_dict()
        else:
            desk = self.desk

        online: dict[str, Any] | None | Unset
        if isinstance(self.online, Unset):
            online = UNSET
        elif isinstance(self.online, DurationOutput):
            online = self.online.to_dict()
        else:
            online = self.online

        postal: dict[str, Any] | None | Unset
        if isinstance(self.postal, Unset):
            postal = UNSET
        elif isinstance(self.postal, DurationOutput):
            postal = self.postal.to_dict()
        else:
            postal = self.postal

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if desk is not UNSET:
            field_dict["desk"] = desk
        if online is not UNSET:
            field_dict["online"] = online
        if postal is not UNSET:
            field_dict["postal"] = postal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duration_output import DurationOutput  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_desk(data: object) -> DurationOutput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                desk_type_0 = DurationOutput.from_dict(data)

                return desk_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DurationOutput | None | Unset, data)

        desk = _parse_desk(d.pop("desk", UNSET))

        def _parse_online(data: object) -> DurationOutput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                online_type_0 = DurationOutput.from_dict(data)

                return online_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DurationOutput | None | Unset, data)

        online = _parse_online(d.pop("online", UNSET))

        def _parse_postal(data: object) -> DurationOutput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                postal_type_0 = DurationOutput.from_dict(data)

                return postal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DurationOutput | None | Unset, data)

        postal = _parse_postal(d.pop("postal", UNSET))

        channel_times_output = cls(
            desk=desk,
            online=online,
            postal=postal,
        )

        return channel_times_output
