from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.applicant_kind import ApplicantKind
from ..models.identifier_kind import IdentifierKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="Applicant")


@_attrs_define
class Applicant:
    """
    Attributes:
        name (str): Họ tên người đề nghị, hoặc tên tổ chức
        id_number (str): Số giấy tờ
        kind (ApplicantKind | Unset):
        id_kind (IdentifierKind | Unset):
        phone (None | str | Unset): Số điện thoại
        email (None | str | Unset): Thư điện tử
        address (None | str | Unset): Địa chỉ
        unit_code (None | str | Unset): Mã đơn vị hành chính nơi cư trú
    """

    name: str
    id_number: str
    kind: ApplicantKind | Unset = UNSET
    id_kind: IdentifierKind | Unset = UNSET
    phone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    unit_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id_number = self.id_number

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        id_kind: str | Unset = UNSET
        if not isinstance(self.id_kind, Unset):
            id_kind = self.id_kind.value

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        unit_code: None | str | Unset
        if isinstance(self.unit_code, Unset):
            unit_code = UNSET
        else:
            unit_code = self.unit_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "id_number": id_number,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if id_kind is not UNSET:
            field_dict["id_kind"] = id_kind
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if address is not UNSET:
            field_dict["address"] = address
        if unit_code is not UNSET:
            field_dict["unit_code"] = unit_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        id_number = d.pop("id_number")

        _kind = d.pop("kind", UNSET)
        kind: ApplicantKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ApplicantKind(_kind)

        _id_kind = d.pop("id_kind", UNSET)
        id_kind: IdentifierKind | Unset
        if isinstance(_id_kind, Unset):
            id_kind = UNSET
        else:
            id_kind = IdentifierKind(_id_kind)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_unit_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_code = _parse_unit_code(d.pop("unit_code", UNSET))

        applicant = cls(
            name=name,
            id_number=id_number,
            kind=kind,
            id_kind=id_kind,
            phone=phone,
            email=email,
            address=address,
            unit_code=unit_code,
        )

        return applicant
