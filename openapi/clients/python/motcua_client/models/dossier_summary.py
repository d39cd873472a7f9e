from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.dossier_status import DossierStatus

T = TypeVar("T", bound="DossierSummary")


@_attrs_define
class DossierSummary:
    """Một dòng của danh sách hồ sơ (a worklist row).

    Example:
        {'code': '000.31.00.H99-261123-0001', 'status': 'in_progress', 'status_label': 'Đang xử lý', 'procedure_code':
            '1.001193', 'procedure_name': 'Thủ tục đăng ký khai sinh', 'applicant_name': 'Nguyễn Văn An',
            'receiving_office_code': '000.31.00.H99', 'current_agency_code': '000.31.00.H99', 'current_step_code': 'S2',
            'current_step_name': 'Thẩm định, trình ký', 'assignee': 'chuyenvien.tranthib', 'channel': 'online',
            'submitted_at': '2026-11-23T08:41:05+07:00', 'received_at': '2026-11-23T09:02:40+07:00', 'due_at':
            '2026-11-24T09:02:40+07:00', 'overdue': False, 'version': 4}

    Attributes:
        code (str): Mã hồ sơ
        status (DossierStatus):
        status_label (str): Tên trạng thái
        procedure_code (str): Mã thủ tục
        procedure_name (str): Tên thủ tục
        applicant_name (str): Họ tên người đề nghị
        receiving_office_code (str): Bộ phận Một cửa tiếp nhận
        current_agency_code (None | str): Cơ quan đang xử lý
        current_step_code (None | str): Mã bước hiện tại
        current_step_name (None | str): Tên bước hiện tại
        assignee (None | str): Cán bộ được phân công ở bước hiện tại
        channel (Channel):
        submitted_at (datetime.datetime): Thời điểm nộp
        received_at (datetime.datetime | None): Thời điểm tiếp nhận
        due_at (datetime.datetime | None): Ngày hẹn trả kết quả
        overdue (bool): Đang quá hạn
        version (int): Phiên bản hồ sơ (ETag, If-Match)
    """

    code: str
    status: DossierStatus
    status_label: str
    procedure_code: str
    procedure_name: str
    applicant_name: str
    receiving_office_code: str
    current_agency_code: None | str
    current_step_code: None | str
    current_step_name: None | str
    assignee: None | str
    channel: Channel
    submitted_at: datetime.datetime
    received_at: datetime.datetime | None
    due_at: datetime.datetime | None
    overdue: bool
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        status = self.status.value

        status_label = self.status_label

        procedure_code = self.procedure_code

        procedure_name = self.procedure_name

        applicant_name = self.applicant_name

        receiving_office_code = self.receiving_office_code

        current_agency_code: None | str
        current_agency_code = self.current_agency_code

        current_step_code: None | str
        current_step_code = self.current_step_code

        current_step_name: None | str
        current_step_name = self.current_step_name

        assignee: None | str
        assignee = self.assignee

        channel = self.channel.value

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

        overdue = self.overdue

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "status": status,
                "status_label": status_label,
                "procedure_code": procedure_code,
                "procedure_name": procedure_name,
                "applicant_name": applicant_name,
                "receiving_office_code": receiving_office_code,
                "current_agency_code": current_agency_code,
                "current_step_code": current_step_code,
                "current_step_name": current_step_name,
                "assignee": assignee,
                "channel": channel,
                "submitted_at": submitted_at,
                "received_at": received_at,
                "due_at": due_at,
                "overdue": overdue,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        status = DossierStatus(d.pop("status"))

        status_label = d.pop("status_label")

        procedure_code = d.pop("procedure_code")

        procedure_name = d.pop("procedure_name")

        applicant_name = d.pop("applicant_name")

        receiving_office_code = d.pop("receiving_office_code")

        def _parse_current_agency_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_agency_code = _parse_current_agency_code(d.pop("current_agency_code"))

        def _parse_current_step_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_step_code = _parse_current_step_code(d.pop("current_step_code"))

        def _parse_current_step_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_step_name = _parse_current_step_name(d.pop("current_step_name"))

        def _parse_assignee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assignee = _parse_assignee(d.pop("assignee"))

        channel = Channel(d.pop("channel"))

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

        overdue = d.pop("overdue")

        version = d.pop("version")

        dossier_summary = cls(
            code=code,
            status=status,
            status_label=status_label,
            procedure_code=procedure_code,
            procedure_name=procedure_name,
            applicant_name=applicant_name,
            receiving_office_code=receiving_office_code,
            current_agency_code=current_agency_code,
            current_step_code=current_step_code,
            current_step_name=current_step_name,
            assignee=assignee,
            channel=channel,
            submitted_at=submitted_at,
            received_at=received_at,
            due_at=due_at,
            overdue=overdue,
            version=version,
        )

        dossier_summary.additional_properties = d
        return dossier_summary

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
