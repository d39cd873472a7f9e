from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.grid_cell_read import GridCellRead


T = TypeVar("T", bound="GridRowRead")


@_attrs_define
class GridRowRead:
    """
    Attributes:
        key (str):
        name (str):
        cells (list[GridCellRead]): Một ô cho mỗi tháng của kỳ, theo thứ tự
    """

    key: str
    name: str
    cells: list[GridCellRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        cells = []
        for cells_item_data in self.cells:
            cells_item = cells_item_data.to_dict()
            cells.append(cells_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "name": name,
                "cells": cells,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grid_cell_read import GridCellRead  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        cells = []
        _cells = d.pop("cells")
        for cells_item_data in _cells:
            cells_item = GridCellRead.from_dict(cells_item_data)

            cells.append(cells_item)

        grid_row_read = cls(
            key=key,
            name=name,
            cells=cells,
        )

        grid_row_read.additional_properties = d
        return grid_row_read

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
