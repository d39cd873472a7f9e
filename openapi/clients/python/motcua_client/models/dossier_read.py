from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action import Action
from ..models.channel import Channel
from ..models.dossier_status import DossierStatus
from ..models.result_delivery import ResultDelivery

if TYPE_CHECKING:
    from ..models.dossier_document_read import DossierDocumentRead
    from ..models.dossier_read_applicant import DossierReadApplicant
    from ..models.dossier_read_submitter_type_0 import DossierReadSubmitterType0
    from ..models.fee_line_read import FeeLineRead
    from ..models.result_return_read import ResultReturnRead
    from ..models.step_read import StepRead


T = TypeVar("T", bound="DossierRead")


@_attrs_define
class DossierRead:
    """Hồ sơ thủ tục hành chính: the full view, for its owner and the officers handling it.

    Example:
        {'code': '000.31.00.H99-261123-0001', 'pin': '7KQ2MX', 'status': 'in_progress', 'status_label': 'Đang xử lý',
            'status_code': 3, 'version': 4, 'procedure_code': '1.001193', 'procedure_name': 'Thủ tục đăng ký khai sinh',
            'procedure_version': 2, 'application_version': 1, 'rule_set': 'nd118-2025', 'channel': 'online',
            'receiving_office_code': '000.31.00.H99', 'competent_agency_code': '000.31.00.H99', 'current_agency_code':
            '000.31.00.H99', 'current_step': {'position': 1, 'code': 'S2', 'name': 'Thẩm định, trình ký', 'agency_code':
            '000.31.00.H99', 'role': 'specialist'}, 'assignee': 'chuyenvien.tranthib', 'route': [{'position': 0, 'code':
            'S1', 'name': 'Tiếp nhận hồ sơ', 'agency_code': '000.31.00.H99', 'role': 'receptionist'}, {'position': 1,
            'code': 'S2', 'name': 'Thẩm định, trình ký', 'agency_code': '000.31.00.H99', 'role': 'specialist'}],
            'applicant': {'address': 'Thôn Đông, xã Một', 'email': 'an.nguyen@example.vn', 'id_kind': 'personal_id',
            'id_number': '001099012345', 'kind': 'person', 'name': 'Nguyễn Văn An', 'phone': '0912345678', 'unit_code':
            '31'}, 'subject_unit_code': None, 'submitted_at': '2026-11-23T08:41:05+07:00', 'received_at':
            '2026-11-23T09:02:40+07:00', 'due_at': '2026-11-24T09:02:40+07:00', 'promised_due_at': None, 'finished_at':
            None, 'returned_at': None, 'supplement_deadline_at': None, 'supplement_count': 0, 'on_time': None, 'overdue':
            False, 'result_delivery': 'online', 'fee_lines': [{'id': 41, 'name': 'Lệ phí đăng ký khai sinh', 'kind': 'levy',
            'amount': 8000, 'condition': None, 'requires_confirmation': False, 'confirmed': True, 'quantities': {}, 'due':
            'on_submission', 'paid_at': None, 'receipt_number': None}], 'documents': [{'requirement_code': 'TP01', 'kind':
            'submitted', 'upload_id': '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a', 'paper_original_checked': False, 'file_name':
            'to-khai-dang-ky-khai-sinh.pdf', 'content_type': 'application/pdf', 'size': 182044, 'sha256':
            '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'added_at': '2026-11-23T08:41:05+07:00'}],
            'rating': None, 'submitter': None, 'owner_vneid_verified': True, 'result': {'delivery': 'online', 'office_code':
            None, 'consignment_number': None, 'returned_at': None, 'delivered_at': None}, 'allowed_actions': ['forward',
            'send_back', 'request_supplement', 'resolve']}

    Attributes:
        code (str): Mã hồ sơ
        pin (None | str): Mã tra cứu (chỉ hiện cho chủ hồ sơ và cán bộ)
        status (DossierStatus):
        status_label (str): Tên trạng thái
        status_code (int): TrangThaiHoSo của Cổng DVCQG
        version (int): Phiên bản hồ sơ (ETag, If-Match)
        procedure_code (str): Mã thủ tục
        procedure_name (str): Tên thủ tục
        procedure_version (int): Phiên bản thủ tục khi nộp
        application_version (int): Phiên bản áp dụng thủ tục tại cơ quan
        rule_set (str): Bộ quy tắc pháp lý áp dụng (theo ngày nộp)
        channel (Channel):
        receiving_office_code (str): Bộ phận Một cửa tiếp nhận
        competent_agency_code (str): Cơ quan có thẩm quyền giải quyết
        current_agency_code (None | str): Cơ quan đang xử lý
        current_step (None | StepRead): Bước xử lý hiện tại
        assignee (None | str): Cán bộ được phân công ở bước hiện tại
        route (list[StepRead]): Quy trình xử lý: các bước
        applicant (DossierReadApplicant): Người đề nghị (chủ hồ sơ)
        subject_unit_code (None | str): Đơn vị hành chính của đối tượng
        submitted_at (datetime.datetime): Thời điểm nộp
        received_at (datetime.datetime | None): Thời điểm tiếp nhận
        due_at (datetime.datetime | None): Ngày hẹn trả kết quả
        promised_due_at (datetime.datetime | None): Ngày hẹn lại (khi trễ hạn)
        finished_at (datetime.datetime | None): Thời điểm có kết quả
        returned_at (datetime.datetime | None): Thời điểm trả kết quả
        supplement_deadline_at (datetime.datetime | None): Hạn nộp bổ sung
        supplement_count (int): Số lần yêu cầu bổ sung
        on_time (bool | None): Giải quyết đúng hạn (khi đã có kết quả)
        overdue (bool): Đang quá hạn
        result_delivery (ResultDelivery):
        fee_lines (list[FeeLineRead]): Phí, lệ phí
        documents (list[DossierDocumentRead]): Thành phần hồ sơ và kết quả
        rating (int | None): Mức độ hài lòng (1-5)
        submitter (DossierReadSubmitterType0 | None): Người nộp thay (nếu có)
        owner_vneid_verified (bool | None): Tài khoản nộp đã xác thực VNeID (TaiKhoanDuocXacThucVoiVNeID)
        result (ResultReturnRead): Việc trả kết quả giải quyết (how and when the result was returned).
        allowed_actions (list[Action]): Thao tác người gọi được thực hiện lúc này
    """

    code: str
    pin: None | str
    status: DossierStatus
    status_label: str
    status_code: int
    version: int
    procedure_code: str
    procedure_name: str
    procedure_version: int
    application_version: int
    rule_set: str
    channel: Channel
    receiving_office_code: str
    competent_agency_code: str
    current_agency_code: None | str
    current_step: None | StepRead
    assignee: None | str
    route: list[StepRead]
    applicant: DossierReadApplicant
    subject_unit_code: None | str
    submitted_at: datetime.datetime
    received_at: datetime.datetime | None
    due_at: datetime.datetime | None
    promised_due_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    returned_at: datetime.datetime | None
    supplement_deadline_at: datetime.datetime | None
    supplement_count: int
    on_time: bool | None
    overdue: bool
    result_delivery: ResultDelivery
    fee_lines: list[FeeLineRead]
    documents: list[DossierDocumentRead]
    rating: int | None
    submitter: DossierReadSubmitterType0 | None
    owner_vneid_verified: bool | None
    result: ResultReturnRead
    allowed_actions: list[Action]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dossier_read_submitter_type_0 import DossierReadSubmitterType0  # noqa: PLC0415
        from ..models.step_read import StepRead  # noqa: PLC0415

        code = self.code

        pin: None | str
        pin = self.pin

        status = self.status.value

        status_label = self.status_label

        status_code = self.status_code

        version = self.version

        procedure_code = self.procedure_code

        procedure_name = self.procedure_name

        procedure_version = self.procedure_version

        application_version = self.application_version

        rule_set = self.rule_set

        channel = self.channel.value

        receiving_office_code = self.receiving_office_code

        competent_agency_code = self.competent_agency_code

        current_agency_code: None | str
        current_agency_code = self.current_agency_code

        current_step: dict[str, Any] | None
        if isinstance(self.current_step, StepRead):
            current_step = self.current_step.to_dict()
        else:
            current_step = self.current_step

        assignee: None | str
        assignee = self.assignee

        route = []
        for route_item_data in self.route:
            route_item = route_item_data.to_dict()
            route.append(route_item)

        applicant = self.applicant.to_dict()

        subject_unit_code: None | str
        subject_unit_code = self.subject_unit_code

        submitted_at = self.submitted_at.isoformat()

        received_at: None | str
        if isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        promised_due_at: None | str
        if isinstance(self.promised_due_at, datetime.datetime):
            promised_due_at = self.promised_due_at.isoformat()
        else:
            promised_due_at = self.promised_due_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        returned_at: None | str
        if isinstance(self.returned_at, datetime.datetime):
            returned_at = self.returned_at.isoformat()
        else:
            returned_at = self.returned_at

        supplement_deadline_at: None | str
        if isinstance(self.supplement_deadline_at, datetime.datetime):
            supplement_deadline_at = self.supplement_deadline_at.isoformat()
        else:
            supplement_deadline_at = self.supplement_deadline_at

        supplement_count = self.supplement_count

        on_time: bool | None
        on_time = self.on_time

        overdue = self.overdue

        result_delivery = self.result_delivery.value

        fee_lines = []
        for fee_lines_item_data in self.fee_lines:
            fee_lines_item = fee_lines_item_data.to_dict()
            fee_lines.append(fee_lines_item)

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        rating: int | None
        rating = self.rating

        submitter: dict[str, Any] | None
        if isinstance(self.submitter, DossierReadSubmitterType0):
            submitter = self.submitter.to_dict()
        else:
            submitter = self.submitter

        owner_vneid_verified: bool | None
        owner_vneid_verified = self.owner_vneid_verified

        result = self.result.to_dict()

        allowed_actions = []
        for allowed_actions_item_data in self.allowed_actions:
            allowed_actions_item = allowed_actions_item_data.value
            allowed_actions.append(allowed_actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "pin": pin,
                "status": status,
                "status_label": status_label,
                "status_code": status_code,
                "version": version,
                "procedure_code": procedure_code,
                "procedure_name": procedure_name,
                "procedure_version": procedure_version,
                "application_version": application_version,
                "rule_set": rule_set,
                "channel": channel,
                "receiving_office_code": receiving_office_code,
                "competent_agency_code": competent_agency_code,
                "current_agency_code": current_agency_code,
                "current_step": current_step,
                "assignee": assignee,
                "route": route,
                "applicant": applicant,
                "subject_unit_code": subject_unit_code,
                "submitted_at": submitted_at,
                "received_at": received_at,
                "due_at": due_at,
                "promised_due_at": promised_due_at,
                "finished_at": finished_at,
                "returned_at": returned_at,
                "supplement_deadline_at": supplement_deadline_at,
                "supplement_count": supplement_count,
                "on_time": on_time,
                "overdue": overdue,
                "result_delivery": result_delivery,
                "fee_lines": fee_lines,
                "documents": documents,
                "rating": rating,
                "submitter": submitter,
                "owner_vneid_verified": owner_vneid_verified,
                "result": result,
                "allowed_actions": allowed_actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dossier_document_read import DossierDocumentRead  # noqa: PLC0415
        from ..models.dossier_read_applicant import DossierReadApplicant  # noqa: PLC0415
        from ..models.dossier_read_submitter_type_0 import DossierReadSubmitterType0  # noqa: PLC0415
        from ..models.fee_line_read import FeeLineRead  # noqa: PLC0415
        from ..models.result_return_read import ResultReturnRead  # noqa: PLC0415
        from ..models.step_read import StepRead  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        def _parse_pin(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pin = _parse_pin(d.pop("pin"))

        status = DossierStatus(d.pop("status"))

        status_label = d.pop("status_label")

        status_code = d.pop("status_code")

        version = d.pop("version")

        procedure_code = d.pop("procedure_code")

        procedure_name = d.pop("procedure_name")

        procedure_version = d.pop("procedure_version")

        application_version = d.pop("application_version")

        rule_set = d.pop("rule_set")

        channel = Channel(d.pop("channel"))

        receiving_office_code = d.pop("receiving_office_code")

        competent_agency_code = d.pop("competent_agency_code")

        def _parse_current_agency_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_agency_code = _parse_current_agency_code(d.pop("current_agency_code"))

        def _parse_current_step(data: object) -> None | StepRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_step_type_0 = StepRead.from_dict(data)

                return current_step_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StepRead, data)

        current_step = _parse_current_step(d.pop("current_step"))

        def _parse_assignee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assignee = _parse_assignee(d.pop("assignee"))

        route = []
        _route = d.pop("route")
        for route_item_data in _route:
            route_item = StepRead.from_dict(route_item_data)

            route.append(route_item)

        applicant = DossierReadApplicant.from_dict(d.pop("applicant"))

        def _parse_subject_unit_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject_unit_code = _parse_subject_unit_code(d.pop("subject_unit_code"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        def _parse_received_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = datetime.datetime.fromisoformat(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        received_at = _parse_received_at(d.pop("received_at"))

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        def _parse_promised_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                promised_due_at_type_0 = datetime.datetime.fromisoformat(data)

                return promised_due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        promised_due_at = _parse_promised_due_at(d.pop("promised_due_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        def _parse_returned_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                returned_at_type_0 = datetime.datetime.fromisoformat(data)

                return returned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        returned_at = _parse_returned_at(d.pop("returned_at"))

        def _parse_supplement_deadline_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supplement_deadline_at_type_0 = datetime.datetime.fromisoformat(data)

                return supplement_deadline_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        supplement_deadline_at = _parse_supplement_deadline_at(d.pop("supplement_deadline_at"))

        supplement_count = d.pop("supplement_count")

        def _parse_on_time(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        on_time = _parse_on_time(d.pop("on_time"))

        overdue = d.pop("overdue")

        result_delivery = ResultDelivery(d.pop("result_delivery"))

        fee_lines = []
        _fee_lines = d.pop("fee_lines")
        for fee_lines_item_data in _fee_lines:
            fee_lines_item = FeeLineRead.from_dict(fee_lines_item_data)

            fee_lines.append(fee_lines_item)

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = DossierDocumentRead.from_dict(documents_item_data)

            documents.append(documents_item)

        def _parse_rating(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rating = _parse_rating(d.pop("rating"))

        def _parse_submitter(data: object) -> DossierReadSubmitterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                submitter_type_0 = DossierReadSubmitterType0.from_dict(data)

                return submitter_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DossierReadSubmitterType0 | None, data)

        submitter = _parse_submitter(d.pop("submitter"))

        def _parse_owner_vneid_verified(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        owner_vneid_verified = _parse_owner_vneid_verified(d.pop("owner_vneid_verified"))

        result = ResultReturnRead.from_dict(d.pop("result"))

        allowed_actions = []
        _allowed_actions = d.pop("allowed_actions")
        for allowed_actions_item_data in _allowed_actions:
            allowed_actions_item = Action(allowed_actions_item_data)

            allowed_actions.append(allowed_actions_item)

        dossier_read = cls(
            code=code,
            pin=pin,
            status=status,
            status_label=status_label,
            status_code=status_code,
            version=version,
            procedure_code=procedure_code,
            procedure_name=procedure_name,
            procedure_version=procedure_version,
            application_version=application_version,
            rule_set=rule_set,
            channel=channel,
            receiving_office_code=receiving_office_code,
            competent_agency_code=competent_agency_code,
            current_agency_code=current_agency_code,
            current_step=current_step,
            assignee=assignee,
            route=route,
            applicant=applicant,
            subject_unit_code=subject_unit_code,
            submitted_at=submitted_at,
            received_at=received_at,
            due_at=due_at,
            promised_due_at=promised_due_at,
            finished_at=finished_at,
            returned_at=returned_at,
            supplement_deadline_at=supplement_deadline_at,
            supplement_count=supplement_count,
            on_time=on_time,
            overdue=overdue,
            result_delivery=result_delivery,
            fee_lines=fee_lines,
            documents=documents,
            rating=rating,
            submitter=submitter,
            owner_vneid_verified=owner_vneid_verified,
            result=result,
            allowed_actions=allowed_actions,
        )

        dossier_read.additional_properties = d
        return dossier_read

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
