from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.group_read import GroupRead
    from ..models.indicator_read import IndicatorRead


T = TypeVar("T", bound="IndicatorsRead")


@_attrs_define
class IndicatorsRead:
    """
    Example:
        {'period': '2026-11', 'start': '2026-11-01', 'end': '2026-11-30', 'judged_at': '2026-11-30', 'rule_set':
            '766-2022', 'total': 17.5, 'computable_maximum': 20.0, 'indicators': [{'code': '2.1', 'name': 'Tỷ lệ hồ sơ giải
            quyết đúng hạn', 'group': '2', 'formula': 'hồ sơ kết thúc đúng hạn / hồ sơ kết thúc', 'computable': True,
            'numerator': 180.0, 'denominator': 200.0, 'ratio': 0.9, 'score': 17.5, 'maximum': 20.0, 'note': None}],
            'groups': [{'group': '2', 'weight': 20.0, 'score': 17.5, 'computable_maximum': 20.0}]}

    Attributes:
        period (str):
        start (datetime.date):
        end (datetime.date):
        judged_at (datetime.date): Ngày đánh giá hồ sơ chưa kết thúc (cuối kỳ hoặc hôm nay)
        rule_set (str):
        total (float):
        computable_maximum (float):
        indicators (list[IndicatorRead]):
        groups (list[GroupRead]):
    """

    period: str
    start: datetime.date
    end: datetime.date
    judged_at: datetime.date
    rule_set: str
    total: float
    computable_maximum: float
    indicators: list[IndicatorRead]
    groups: list[GroupRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        start = self.start.isoformat()

        end = self.end.isoformat()

        judged_at = self.judged_at.isoformat()

        rule_set = self.rule_set

        total = self.total

        computable_maximum = self.computable_maximum

        indicators = []
        for indicators_item_data in self.indicators:
            indicators_item = indicators_item_data.to_dict()
            indicators.append(indicators_item)

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "start": start,
                "end": end,
                "judged_at": judged_at,
                "rule_set": rule_set,
                "total": total,
                "computable_maximum": computable_maximum,
                "indicators": indicators,
                "groups": groups,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_read import GroupRead  # noqa: PLC0415
        from ..models.indicator_read import IndicatorRead  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        judged_at = datetime.date.fromisoformat(d.pop("judged_at"))

        rule_set = d.pop("rule_set")

        total = d.pop("total")

        computable_maximum = d.pop("computable_maximum")

        indicators = []
        _indicators = d.pop("indicators")
        for indicators_item_data in _indicators:
            indicators_item = IndicatorRead.from_dict(indicators_item_data)

            indicators.append(indicators_item)

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = GroupRead.from_dict(groups_item_data)

            groups.append(groups_item)

        indicators_read = cls(
            period=period,
            start=start,
            end=end,
            judged_at=judged_at,
            rule_set=rule_set,
            total=total,
            computable_maximum=computable_maximum,
            indicators=indicators,
            groups=groups,
        )

        indicators_read.additional_properties = d
        return indicators_read

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
