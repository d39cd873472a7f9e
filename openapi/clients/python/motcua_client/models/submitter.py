from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.identifier_kind import IdentifierKind
from ..models.submitter_relationship import SubmitterRelationship
from ..types import UNSET, Unset

T = TypeVar("T", bound="Submitter")


@_attrs_define
class Submitter:
    """Someone who submits for the applicant (người nộp thay): online, the signed-in citizen, whose
    personal id is the token's; the relationship, and unless they are the applicant's legal
    representative, the authorisation document (Civil Code art. 135-138: representation).

        Attributes:
            name (str): Họ tên người nộp thay
            id_number (str): Số giấy tờ của người nộp thay
            relationship (SubmitterRelationship): Why someone other than the applicant submits (người nộp hồ sơ thay).
            id_kind (IdentifierKind | Unset):
            phone (None | str | Unset): Số điện thoại của người nộp thay
            authorisation_upload_id (None | Unset | UUID): Tệp giấy ủy quyền (bắt buộc trừ người đại diện theo pháp luật)
            authorisation_paper_checked (bool | Unset): Tại quầy: cán bộ đã kiểm tra bản giấy ủy quyền Default: False.
    """

    name: str
    id_number: str
    relationship: SubmitterRelationship
    id_kind: IdentifierKind | Unset = UNSET
    phone: None | str | Unset = UNSET
    authorisation_upload_id: None | Unset | UUID = UNSET
    authorisation_paper_checked: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id_number = self.id_number

        relationship = self.relationship.value

        id_kind: str | Unset = UNSET
        if not isinstance(self.id_kind, Unset):
            id_kind = self.id_kind.value

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        authorisation_upload_id: None | str | Unset
        if isinstance(self.authorisation_upload_id, Unset):
            authorisation_upload_id = UNSET
        elif isinstance(self.authorisation_upload_id, UUID):
            authorisation_upload_id = str(self.authorisation_upload_id)
        else:
            authorisation_upload_id = self.authorisation_upload_id

        authorisation_paper_checked = self.authorisation_paper_checked

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "id_number": id_number,
                "relationship": relationship,
            }
        )
        if id_kind is not UNSET:
            field_dict["id_kind"] = id_kind
        if phone is not UNSET:
            field_dict["phone"] = phone
        if authorisation_upload_id is not UNSET:
            field_dict["authorisation_upload_id"] = authorisation_upload_id
        if authorisation_paper_checked is not UNSET:
            field_dict["authorisation_paper_checked"] = authorisation_paper_checked

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        id_number = d.pop("id_number")

        relationship = SubmitterRelationship(d.pop("relationship"))

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

        def _parse_authorisation_upload_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                authorisation_upload_id_type_0 = UUID(data)

                return authorisation_upload_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        authorisation_upload_id = _parse_authorisation_upload_id(d.pop("authorisation_upload_id", UNSET))

        authorisation_paper_checked = d.pop("authorisation_paper_checked", UNSET)

        submitter = cls(
            name=name,
            id_number=id_number,
            relationship=relationship,
            id_kind=id_kind,
            phone=phone,
            authorisation_upload_id=authorisation_upload_id,
            authorisation_paper_checked=authorisation_paper_checked,
        )

        return submitter
