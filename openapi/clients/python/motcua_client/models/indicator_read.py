from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IndicatorRead")


@_attrs_define
class IndicatorRead:
    """
    Attributes:
        code (str):
        name (str):
        group (str):
        formula (str):
        computable (bool):
        numerator (float | None):
        denominator (float | None):
        ratio (float | None):
        score (float | None):
        maximum (float):
        note (None | str):
    """

    code: str
    name: str
    group: str
    formula: str
    computable: bool
    numerator: float | None
    denominator: float | None
    ratio: float | None
    score: float | None
    maximum: float
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        group = self.group

        formula = self.formula

        computable = self.computable

        numerator: float | None
        numerator = self.numerator

        denominator: float | None
        denominator = self.denominator

        ratio: float | None
        ratio = self.ratio

        score: float | None
        score = self.score

        maximum = self.maximum

        note: None | str
        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "group": group,
                "formula": formula,
                "computable": computable,
                "numerator": numerator,
                "denominator": denominator,
                "ratio": ratio,
                "score": score,
                "maximum": maximum,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        group = d.pop("group")

        formula = d.pop("formula")

        computable = d.pop("computable")

        def _parse_numerator(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        numerator = _parse_numerator(d.pop("numerator"))

        def _parse_denominator(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        denominator = _parse_denominator(d.pop("denominator"))

        def _parse_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ratio = _parse_ratio(d.pop("ratio"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        maximum = d.pop("maximum")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        indicator_read = cls(
            code=code,
            name=name,
            group=group,
            formula=formula,
            computable=computable,
            numerator=numerator,
            denominator=denominator,
            ratio=ratio,
            score=score,
            maximum=maximum,
            note=note,
        )

        indicator_read.additional_properties = d
        return indicator_read

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
