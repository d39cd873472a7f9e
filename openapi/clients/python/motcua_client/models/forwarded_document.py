from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ForwardedDocument")


@_attrs_define
class ForwardedDocument:
    """
    Attributes:
        ma_thanh_phan_ho_so (str):
        duong_dan_tai_tep_tin (str):
        ten_tep_dinh_kem (None | str | Unset):
    """

    ma_thanh_phan_ho_so: str
    duong_dan_tai_tep_tin: str
    ten_tep_dinh_kem: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ma_thanh_phan_ho_so = self.ma_thanh_phan_ho_so

        duong_dan_tai_tep_tin = self.duong_dan_tai_tep_tin

        ten_tep_dinh_kem: None | str | Unset
        if isinstance(self.ten_tep_dinh_kem, Unset):
            ten_tep_dinh_kem = UNSET
        else:
            ten_tep_dinh_kem = self.ten_tep_dinh_kem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "MaThanhPhanHoSo": ma_thanh_phan_ho_so,
                "DuongDanTaiTepTin": duong_dan_tai_tep_tin,
            }
        )
        if ten_tep_dinh_kem is not UNSET:
            field_dict["TenTepDinhKem"] = ten_tep_dinh_kem

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ma_thanh_phan_ho_so = d.pop("MaThanhPhanHoSo")

        duong_dan_tai_tep_tin = d.pop("DuongDanTaiTepTin")

        def _parse_ten_tep_dinh_kem(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ten_tep_dinh_kem = _parse_ten_tep_dinh_kem(d.pop("TenTepDinhKem", UNSET))

        forwarded_document = cls(
            ma_thanh_phan_ho_so=ma_thanh_phan_ho_so,
            duong_dan_tai_tep_tin=duong_dan_tai_tep_tin,
            ten_tep_dinh_kem=ten_tep_dinh_kem,
        )

        forwarded_document.additional_properties = d
        return forwarded_document

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
