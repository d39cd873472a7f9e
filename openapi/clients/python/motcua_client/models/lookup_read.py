from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dossier_status import DossierStatus

T = TypeVar("T", bound="LookupRead")


@_attrs_define
class LookupRead:
    """
    Example:
        {'code': '000.00.01.H99-261123-0001', 'procedure_name': 'Thủ tục đăng ký khai sinh', 'status': 'in_progress',
            'status_label': 'Đang xử lý', 'received_at': '2026-11-23T09:00:00+07:00', 'due_at': '2026-11-25T09:00:00+07:00',
            'promised_due_at': None, 'finished_at': None, 'current_agency': 'Sở Tư pháp tỉnh Mẫu', 'applicant_name': 'Nguyễn
            V** A**'}

    Attributes:
        code (str): Mã hồ sơ
        procedure_name (str): Tên thủ tục
        status (DossierStatus):
        status_label (str): Tên trạng thái
        received_at (datetime.datetime | None): Thời điểm tiếp nhận
        due_at (datetime.datetime | None): Ngày hẹn trả kết quả
        promised_due_at (datetime.datetime | None): Ngày hẹn lại (khi trễ hạn)
        finished_at (datetime.datetime | None): Thời điểm có kết quả
        current_agency (None | str): Cơ quan đang xử lý
        applicant_name (str): Họ tên người đề nghị (đã che)
    """

    code: str
    procedure_name: str
    status: DossierStatus
    status_label: str
    received_at: datetime.datetime | None
    due_at: datetime.datetime | None
    promised_due_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    current_agency: None | str
    applicant_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        procedure_name = self.procedure_name

        status = self.status.value

        status_label = self.status_label

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

        current_agency: None | str
        current_agency = self.current_agency

        applicant_name = self.applicant_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "procedure_name": procedure_name,
                "status": status,
                "status_label": status_label,
                "received_at": received_at,
                "due_at": due_at,
                "promised_due_at": promised_due_at,
                "finished_at": finished_at,
                "current_agency": current_agency,
                "applicant_name": applicant_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        procedure_name = d.pop("procedure_name")

        status = DossierStatus(d.pop("status"))

        status_label = d.pop("status_label")

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

        def _parse_current_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_agency = _parse_current_agency(d.pop("current_agency"))

        applicant_name = d.pop("applicant_name")

        lookup_read = cls(
            code=code,
            procedure_name=procedure_name,
            status=status,
            status_label=status_label,
            received_at=received_at,
            due_at=due_at,
            promised_due_at=promised_due_at,
            finished_at=finished_at,
            current_agency=current_agency,
            applicant_name=applicant_name,
        )

        lookup_read.additional_properties = d
        return lookup_read

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
