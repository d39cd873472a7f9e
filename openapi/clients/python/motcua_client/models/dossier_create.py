from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.desk_outcome import DeskOutcome
from ..models.result_delivery import ResultDelivery
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.applicant import Applicant
    from ..models.document_input import DocumentInput
    from ..models.fee_choice import FeeChoice
    from ..models.submitter import Submitter
    from ..models.supplement_item import SupplementItem


T = TypeVar("T", bound="DossierCreate")


@_attrs_define
class DossierCreate:
    """
    Example:
        {'procedure_code': '1.001193', 'agency_code': '000.31.00.H99', 'receiving_office_code': '000.31.00.H99',
            'applicant': {'name': 'Nguyễn Văn An', 'id_kind': 'personal_id', 'id_number': '001099012345', 'phone':
            '0912345678', 'unit_code': 'H99.31'}, 'documents': [{'requirement_code': 'TP02', 'upload_id':
            '0b7d2f9e-5c4e-4f7e-9a53-0d1f3f0c9a11'}, {'requirement_code': 'TP03', 'upload_id':
            '5d0c7a3e-2b1f-4c8d-9e6a-7f3b2a1c0d9e'}]}

    Attributes:
        procedure_code (str): Mã thủ tục hành chính
        applicant (Applicant):
        agency_code (None | str | Unset): Cơ quan áp dụng thủ tục; bỏ trống nếu chỉ có một cơ quan
        receiving_office_code (None | str | Unset): Nơi tiếp nhận; bỏ trống để dùng nơi tiếp nhận đầu tiên
        submitter (None | Submitter | Unset): Người nộp thay người yêu cầu (bỏ trống: người yêu cầu tự nộp)
        channel (Channel | None | Unset): Tại quầy: kênh hồ sơ đến (desk mặc định; postal: nhận qua bưu chính;
            national_portal: từ Cổng DVCQG); trực tuyến luôn là online
        subject_unit_code (None | str | Unset): Đơn vị hành chính nơi có đối tượng (mặc định: nơi cư trú)
        documents (list[DocumentInput] | Unset): Thành phần hồ sơ (tệp đã tải lên)
        result_delivery (ResultDelivery | Unset):
        result_address (None | str | Unset): Địa chỉ nhận kết quả qua bưu chính
        fee_choices (list[FeeChoice] | Unset): Lựa chọn của người nộp về các khoản phí có điều kiện hoặc tính theo số
            lượng (số trang, số bản, số bộ); một khoản có điều kiện không được chọn thì không thu
        confirmed_fee_lines (list[int] | Unset): Tại quầy: chỉ số các khoản phí có điều kiện được xác nhận
        outcome (DeskOutcome | None | Unset): Tại quầy: kết quả kiểm tra hồ sơ
        note (None | str | Unset): Ghi chú
        supplement_items (list[SupplementItem] | Unset): Tại quầy, kết quả request_supplement: các thành phần cần bổ
            sung (bỏ trống: các thành phần bắt buộc còn thiếu)
    """

    procedure_code: str
    applicant: Applicant
    agency_code: None | str | Unset = UNSET
    receiving_office_code: None | str | Unset = UNSET
    submitter: None | Submitter | Unset = UNSET
    channel: Channel | None | Unset = UNSET
    subject_unit_code: None | str | Unset = UNSET
    documents: list[DocumentInput] | Unset = UNSET
    result_delivery: ResultDelivery | Unset = UNSET
    result_address: None | str | Unset = UNSET
    fee_choices: list[FeeChoice] | Unset = UNSET
    confirmed_fee_lines: list[int] | Unset = UNSET
    outcome: DeskOutcome | None | Unset = UNSET
    note: None | str | Unset = UNSET
    supplement_items: list[SupplementItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.submitter import Submitter  # noqa: PLC0415

        procedure_code = self.procedure_code

        applicant = self.applicant.to_dict()

        agency_code: None | str | Unset
        if isinstance(self.agency_code, Unset):
            agency_code = UNSET
        else:
            agency_code = self.agency_code

        receiving_office_code: None | str | Unset
        if isinstance(self.receiving_office_code, Unset):
            receiving_office_code = UNSET
        else:
            receiving_office_code = self.receiving_office_code

        submitter: dict[str, Any] | None | Unset
        if isinstance(self.submitter, Unset):
            submitter = UNSET
        elif isinstance(self.submitter, Submitter):
            submitter = self.submitter.to_dict()
        else:
            submitter = self.submitter

        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, Channel):
            channel = self.channel.value
        else:
            channel = self.channel

        subject_unit_code: None | str | Unset
        if isinstance(self.subject_unit_code, Unset):
            subject_unit_code = UNSET
        else:
            subject_unit_code = self.subject_unit_code

        documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                documents.append(documents_item)

        result_delivery: str | Unset = UNSET
        if not isinstance(self.result_delivery, Unset):
            result_delivery = self.result_delivery.value

        result_address: None | str | Unset
        if isinstance(self.result_address, Unset):
            result_address = UNSET
        else:
            result_address = self.result_address

        fee_choices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fee_choices, Unset):
            fee_choices = []
            for fee_choices_item_data in self.fee_choices:
                fee_choices_item = fee_choices_item_data.to_dict()
                fee_choices.append(fee_choices_item)

        confirmed_fee_lines: list[int] | Unset = UNSET
        if not isinstance(self.confirmed_fee_lines, Unset):
            confirmed_fee_lines = self.confirmed_fee_lines

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, DeskOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        supplement_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.supplement_items, Unset):
            supplement_items = []
            for supplement_items_item_data in self.supplement_items:
                supplement_items_item = supplement_items_item_data.to_dict()
                supplement_items.append(supplement_items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "procedure_code": procedure_code,
                "applicant": applicant,
            }
        )
        if agency_code is not UNSET:
            field_dict["agency_code"] = agency_code
        if receiving_office_code is not UNSET:
            field_dict["receiving_office_code"] = receiving_office_code
        if submitter is not UNSET:
            field_dict["submitter"] = submitter
        if channel is not UNSET:
            field_dict["channel"] = channel
        if subject_unit_code is not UNSET:
            field_dict["subject_unit_code"] = subject_unit_code
        if documents is not UNSET:
            field_dict["documents"] = documents
        if result_delivery is not UNSET:
            field_dict["result_delivery"] = result_delivery
        if result_address is not UNSET:
            field_dict["result_address"] = result_address
        if fee_choices is not UNSET:
            field_dict["fee_choices"] = fee_choices
        if confirmed_fee_lines is not UNSET:
            field_dict["confirmed_fee_lines"] = confirmed_fee_lines
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if note is not UNSET:
            field_dict["note"] = note
        if supplement_items is not UNSET:
            field_dict["supplement_items"] = supplement_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.applicant import Applicant  # noqa: PLC0415
        from ..models.document_input import DocumentInput  # noqa: PLC0415
        from ..models.fee_choice import FeeChoice  # noqa: PLC0415
        from ..models.submitter import Submitter  # noqa: PLC0415
        from ..models.supplement_item import SupplementItem  # noqa: PLC0415

        d = dict(src_dict)
        procedure_code = d.pop("procedure_code")

        applicant = Applicant.from_dict(d.pop("applicant"))

        def _parse_agency_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agency_code = _parse_agency_code(d.pop("agency_code", UNSET))

        def _parse_receiving_office_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        receiving_office_code = _parse_receiving_office_code(d.pop("receiving_office_code", UNSET))

        def _parse_submitter(data: object) -> None | Submitter | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                submitter_type_0 = Submitter.from_dict(data)

                return submitter_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Submitter | Unset, data)

        submitter = _parse_submitter(d.pop("submitter", UNSET))

        def _parse_channel(data: object) -> Channel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_type_0 = Channel(data)

                return channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Channel | None | Unset, data)

        channel = _parse_channel(d.pop("channel", UNSET))

        def _parse_subject_unit_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_unit_code = _parse_subject_unit_code(d.pop("subject_unit_code", UNSET))

        _documents = d.pop("documents", UNSET)
        documents: list[DocumentInput] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = DocumentInput.from_dict(documents_item_data)

                documents.append(documents_item)

        _result_delivery = d.pop("result_delivery", UNSET)
        result_delivery: ResultDelivery | Unset
        if isinstance(_result_delivery, Unset):
            result_delivery = UNSET
        else:
            result_delivery = ResultDelivery(_result_delivery)

        def _parse_result_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_address = _parse_result_address(d.pop("result_address", UNSET))

        _fee_choices = d.pop("fee_choices", UNSET)
        fee_choices: list[FeeChoice] | Unset = UNSET
        if _fee_choices is not UNSET:
            fee_choices = []
            for fee_choices_item_data in _fee_choices:
                fee_choices_item = FeeChoice.from_dict(fee_choices_item_data)

                fee_choices.append(fee_choices_item)

        confirmed_fee_lines = cast(list[int], d.pop("confirmed_fee_lines", UNSET))

        def _parse_outcome(data: object) -> DeskOutcome | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = DeskOutcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeskOutcome | None | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        _supplement_items = d.pop("supplement_items", UNSET)
        supplement_items: list[SupplementItem] | Unset = UNSET
        if _supplement_items is not UNSET:
            supplement_items = []
            for supplement_items_item_data in _supplement_items:
                supplement_items_item = SupplementItem.from_dict(supplement_items_item_data)

                supplement_items.append(supplement_items_item)

        dossier_create = cls(
            procedure_code=procedure_code,
            applicant=applicant,
            agency_code=agency_code,
            receiving_office_code=receiving_office_code,
            submitter=submitter,
            channel=channel,
            subject_unit_code=subject_unit_code,
            documents=documents,
            result_delivery=result_delivery,
            result_address=result_address,
            fee_choices=fee_choices,
            confirmed_fee_lines=confirmed_fee_lines,
            outcome=outcome,
            note=note,
            supplement_items=supplement_items,
        )

        return dossier_create
