from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.online_level import OnlineLevel

if TYPE_CHECKING:
    from ..models.duration_output import DurationOutput


T = TypeVar("T", bound="ProcedureSummary")


@_attrs_define
class ProcedureSummary:
    """A procedure as the search lists it (thủ tục hành chính).

    Attributes:
        code (str): Mã thủ tục trên Cơ sở dữ liệu quốc gia
        version (int): Phiên bản đang công bố
        name (str): Tên thủ tục
        field (str): Mã lĩnh vực
        online_level (OnlineLevel): Decree 42/2022: toàn trình (full), một phần (partial); the old levels 4 and 3.
        processing_time (DurationOutput):
        levels (list[str]): Cấp thực hiện (tỉnh, xã...)
    """

    code: str
    version: int
    name: str
    field: str
    online_level: OnlineLevel
    processing_time: DurationOutput
    levels: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        version = self.version

        name = self.name

        field = self.field

        online_level = self.online_level.value

        processing_time = self.processing_time.to_dict()

        levels = self.levels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "version": version,
                "name": name,
                "field": field,
                "online_level": online_level,
                "processing_time": processing_time,
                "levels": levels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duration_output import DurationOutput  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        version = d.pop("version")

        name = d.pop("name")

        field = d.pop("field")

        online_level = OnlineLevel(d.pop("online_level"))

        processing_time = DurationOutput.from_dict(d.pop("processing_time"))

        levels = cast(list[str], d.pop("levels"))

        procedure_summary = cls(
            code=code,
            version=version,
            name=name,
            field=field,
            online_level=online_level,
            processing_time=processing_time,
            levels=levels,
        )

        procedure_summary.additional_properties = d
        return procedure_summary

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
