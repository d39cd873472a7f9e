from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.form_document_applicant import FormDocumentApplicant
    from ..models.form_document_issuing_agency_type_0 import FormDocumentIssuingAgencyType0
    from ..models.form_document_procedure import FormDocumentProcedure


T = TypeVar("T", bound="FormDocument")


@_attrs_define
class FormDocument:
    """Biểu mẫu của hồ sơ (Thông tư 01/2018, 03/2025 của VPCP) as JSON: the members every form has, and the
    form's own members beside them (the receipt's ``lookup_pin``, ``lookup_url``, ``documents``,
    ``due_at``...; docs/forms.md lists them). Documentation only: the endpoint builds the document.

        Example:
            {'form': 'receipt', 'form_number': '01', 'legal_basis': 'Mẫu số 01 — Thông tư số 03/2025/TT-VPCP', 'title':
                'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', 'issuing_agency': {'code': '000.31.00.H99', 'name': 'Ủy ban nhân dân
                xã Một'}, 'issued_at': '2026-11-23T09:02:40+07:00', 'place_and_date': 'Xã Một, ngày 23 tháng 11 năm 2026',
                'dossier_code': '000.31.00.H99-261123-0001', 'procedure': {'code': '1.001193', 'name': 'Thủ tục đăng ký khai
                sinh'}, 'applicant': {'address': 'Thôn Đông, xã Một', 'name': 'Nguyễn Văn An', 'phone': '0912345678'}, 'due_at':
                '2026-11-24T09:02:40+07:00', 'lookup_pin': '7KQ2MX', 'received_at': '2026-11-23T09:02:40+07:00'}

        Attributes:
            form (str): Tên biểu mẫu (receipt, supplement_request, refusal, ...)
            title (str): Tên biểu mẫu
            issued_at (str): Thời điểm ban hành (RFC 3339, +07:00)
            dossier_code (str): Mã hồ sơ
            procedure (FormDocumentProcedure): Thủ tục: mã và tên
            applicant (FormDocumentApplicant): Người đề nghị
            form_number (None | str | Unset): Số hiệu mẫu theo bộ quy tắc
            legal_basis (None | str | Unset): Căn cứ (mẫu số, thông tư)
            issuing_agency (FormDocumentIssuingAgencyType0 | None | Unset): Cơ quan ban hành
            place_and_date (None | str | Unset): Địa danh, ngày tháng năm
    """

    form: str
    title: str
    issued_at: str
    dossier_code: str
    procedure: FormDocumentProcedure
    applicant: FormDocumentApplicant
    form_number: None | str | Unset = UNSET
    legal_basis: None | str | Unset = UNSET
    issuing_agency: FormDocumentIssuingAgencyType0 | None | Unset = UNSET
    place_and_date: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.form_document_issuing_agency_type_0 import FormDocumentIssuingAgencyType0  # noqa: PLC0415

        form = self.form

        title = self.title

        issued_at = self.issued_at

        dossier_code = self.dossier_code

        procedure = self.procedure.to_dict()

        applicant = self.applicant.to_dict()

        form_number: None | str | Unset
        if isinstance(self.form_number, Unset):
            form_number = UNSET
        else:
            form_number = self.form_number

        legal_basis: None | str | Unset
        if isinstance(self.legal_basis, Unset):
            legal_basis = UNSET
        else:
            legal_basis = self.legal_basis

        issuing_agency: dict[str, Any] | None | Unset
        if isinstance(self.issuing_agency, Unset):
            issuing_agency = UNSET
        elif isinstance(self.issuing_agency, FormDocumentIssuingAgencyType0):
            issuing_agency = self.issuing_agency.to_dict()
        else:
            issuing_agency = self.issuing_agency

        place_and_date: None | str | Unset
        if isinstance(self.place_and_date, Unset):
            place_and_date = UNSET
        else:
            place_and_date = self.place_and_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "form": form,
                "title": title,
                "issued_at": issued_at,
                "dossier_code": dossier_code,
                "procedure": procedure,
                "applicant": applicant,
            }
        )
        if form_number is not UNSET:
            field_dict["form_number"] = form_number
        if legal_basis is not UNSET:
            field_dict["legal_basis"] = legal_basis
        if issuing_agency is not UNSET:
            field_dict["issuing_agency"] = issuing_agency
        if place_and_date is not UNSET:
            field_dict["place_and_date"] = place_and_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_document_applicant import FormDocumentApplicant  # noqa: PLC0415
        from ..models.form_document_issuing_agency_type_0 import FormDocumentIssuingAgencyType0  # noqa: PLC0415
        from ..models.form_document_procedure import FormDocumentProcedure  # noqa: PLC0415

        d = dict(src_dict)
        form = d.pop("form")

        title = d.pop("title")

        issued_at = d.pop("issued_at")

        dossier_code = d.pop("dossier_code")

        procedure = FormDocumentProcedure.from_dict(d.pop("procedure"))

        applicant = FormDocumentApplicant.from_dict(d.pop("applicant"))

        def _parse_form_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        form_number = _parse_form_number(d.pop("form_number", UNSET))

        def _parse_legal_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis", UNSET))

        def _parse_issuing_agency(data: object) -> FormDocumentIssuingAgencyType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                issuing_agency_type_0 = FormDocumentIssuingAgencyType0.from_dict(data)

                return issuing_agency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FormDocumentIssuingAgencyType0 | None | Unset, data)

        issuing_agency = _parse_issuing_agency(d.pop("issuing_agency", UNSET))

        def _parse_place_and_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place_and_date = _parse_place_and_date(d.pop("place_and_date", UNSET))

        form_document = cls(
            form=form,
            title=title,
            issued_at=issued_at,
            dossier_code=dossier_code,
            procedure=procedure,
            applicant=applicant,
            form_number=form_number,
            legal_basis=legal_basis,
            issuing_agency=issuing_agency,
            place_and_date=place_and_date,
        )

        form_document.additional_properties = d
        return form_document

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
