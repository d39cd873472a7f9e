from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.dossier_status import DossierStatus

T = TypeVar("T", bound="RegisterRowRead")


@_attrs_define
class RegisterRowRead:
    """
    Attributes:
        code (str):
        procedure_code (str):
        procedure_name (str):
        sets (int): Số lượng hồ sơ (bộ)
        applicant_name (str):
        applicant_address (None | str):
        applicant_phone (None | str):
        competent_agency (str): Cơ quan chủ trì giải quyết
        channel (Channel):
        status (DossierStatus):
        received_at (datetime.datetime):
        due_at (datetime.datetime | None): Hẹn trả kết quả
        promised_due_at (datetime.datetime | None): Ngày hẹn lại (nếu có)
        forwarded_at (datetime.datetime | None): Chuyển hồ sơ đến cơ quan giải quyết
        result_at (datetime.datetime | None): Nhận kết quả từ cơ quan giải quyết
        finished_at (datetime.datetime | None): Kết thúc xử lý (có kết quả, từ chối, dừng hoặc rút hồ sơ)
        returned_at (datetime.datetime | None): Trả kết quả cho cá nhân, tổ chức
        note (str): Ghi chú
    """

    code: str
    procedure_code: str
    procedure_name: str
    sets: int
    applicant_name: str
    applicant_address: None | str
    applicant_phone: None | str
    competent_agency: str
    channel: Channel
    status: DossierStatus
    received_at: datetime.datetime
    due_at: datetime.datetime | None
    promised_due_at: datetime.datetime | None
    forwarded_at: datetime.datetime | None
    result_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    returned_at: datetime.datetime | None
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        procedure_code = self.procedure_code

        procedure_name = self.procedure_name

        sets = self.sets

        applicant_name = self.applicant_name

        applicant_address: None | str
        applicant_address = self.applicant_address

        applicant_phone: None | str
        applicant_phone = self.applicant_phone

        competent_agency = self.competent_agency

        channel = self.channel.value

        status = self.status.value

        received_at = self.received_at.isoformat()

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

        forwarded_at: None | str
        if isinstance(self.forwarded_at, datetime.datetime):
            forwarded_at = self.forwarded_at.isoformat()
        else:
            forwarded_at = self.forwarded_at

        result_at: None | str
        if isinstance(self.result_at, datetime.datetime):
            result_at = self.result_at.isoformat()
        else:
            result_at = self.result_at

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

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "procedure_code": procedure_code,
                "procedure_name": procedure_name,
                "sets": sets,
                "applicant_name": applicant_name,
                "applicant_address": applicant_address,
                "applicant_phone": applicant_phone,
                "competent_agency": competent_agency,
                "channel": channel,
                "status": status,
                "received_at": received_at,
                "due_at": due_at,
                "promised_due_at": promised_due_at,
                "forwarded_at": forwarded_at,
                "result_at": result_at,
                "finished_at": finished_at,
                "returned_at": returned_at,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        procedure_code = d.pop("procedure_code")

        procedure_name = d.pop("procedure_name")

        sets = d.pop("sets")

        applicant_name = d.pop("applicant_name")

        def _parse_applicant_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        applicant_address = _parse_applicant_address(d.pop("applicant_address"))

        def _parse_applicant_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        applicant_phone = _parse_applicant_phone(d.pop("applicant_phone"))

        competent_agency = d.pop("competent_agency")

        channel = Channel(d.pop("channel"))

        status = DossierStatus(d.pop("status"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

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

        def _parse_forwarded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                forwarded_at_type_0 = datetime.datetime.fromisoformat(data)

                return forwarded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        forwarded_at = _parse_forwarded_at(d.pop("forwarded_at"))

        def _parse_result_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_at_type_0 = datetime.datetime.fromisoformat(data)

                return result_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        result_at = _parse_result_at(d.pop("result_at"))

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

        note = d.pop("note")

        register_row_read = cls(
            code=code,
            procedure_code=procedure_code,
            procedure_name=procedure_name,
            sets=sets,
            applicant_name=applicant_name,
            applicant_address=applicant_address,
            applicant_phone=applicant_phone,
            competent_agency=competent_agency,
            channel=channel,
            status=status,
            received_at=received_at,
            due_at=due_at,
            promised_due_at=promised_due_at,
            forwarded_at=forwarded_at,
            result_at=result_at,
            finished_at=finished_at,
            returned_at=returned_at,
            note=note,
        )

        register_row_read.additional_properties = d
        return register_row_read

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
