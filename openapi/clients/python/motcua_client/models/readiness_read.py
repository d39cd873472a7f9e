from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.readiness_read_checks import ReadinessReadChecks


T = TypeVar("T", bound="ReadinessRead")


@_attrs_define
class ReadinessRead:
    """Readiness: ``ok`` with HTTP 200, or ``unavailable`` with HTTP 503 and the failing checks.

    Attributes:
        status (str): ok hoặc unavailable
        checks (ReadinessReadChecks): Kết quả từng phép kiểm tra
    """

    status: str
    checks: ReadinessReadChecks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        checks = self.checks.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "checks": checks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.readiness_read_checks import ReadinessReadChecks  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status")

        checks = ReadinessReadChecks.from_dict(d.pop("checks"))

        readiness_read = cls(
            status=status,
            checks=checks,
        )

        readiness_read.additional_properties = d
        return readiness_read

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
