from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dossier_status import DossierStatus

if TYPE_CHECKING:
    from ..models.event_read_payload import EventReadPayload


T = TypeVar("T", bound="EventRead")


@_attrs_define
class EventRead:
    """Một sự kiện trong nhật ký xử lý hồ sơ (one append-only event).

    Example:
        {'seq': 2, 'action': 'receive', 'from_status': 'submitted', 'to_status': 'received', 'step': 0, 'step_code':
            'S1', 'agency_code': '000.31.00.H99', 'actor_kind': 'officer', 'actor': 'tiepnhan.nguyenvana', 'at':
            '2026-11-23T09:02:40+07:00', 'note': None, 'payload': {'due_at': '2026-11-24T09:02:40+07:00'}}

    Attributes:
        seq (int): Số thứ tự sự kiện của hồ sơ
        action (str): Thao tác
        from_status (DossierStatus | None): Trạng thái trước
        to_status (DossierStatus):
        step (int | None): Vị trí bước trong route
        step_code (None | str): Mã bước của quy trình (như trong route)
        agency_code (None | str): Cơ quan thực hiện
        actor_kind (str): officer, citizen, system hoặc gateway
        actor (None | str): Người thực hiện: tên đăng nhập của cán bộ (khi cán bộ xem), họ tên cán bộ (khi công dân
            xem); không có với công dân và hệ thống
        at (datetime.datetime): Thời điểm
        note (None | str): Ghi chú, lý do
        payload (EventReadPayload): Chi tiết của thao tác
    """

    seq: int
    action: str
    from_status: DossierStatus | None
    to_status: DossierStatus
    step: int | None
    step_code: None | str
    agency_code: None | str
    actor_kind: str
    actor: None | str
    at: datetime.datetime
    note: None | str
    payload: EventReadPayload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seq = self.seq

        action = self.action

        from_status: None | str
        if isinstance(self.from_status, DossierStatus):
            from_status = self.from_status.value
        else:
            from_status = self.from_status

        to_status = self.to_status.value

        step: int | None
        step = self.step

        step_code: None | str
        step_code = self.step_code

        agency_code: None | str
        agency_code = self.agency_code

        actor_kind = self.actor_kind

        actor: None | str
        actor = self.actor

        at = self.at.isoformat()

        note: None | str
        note = self.note

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seq": seq,
                "action": action,
                "from_status": from_status,
                "to_status": to_status,
                "step": step,
                "step_code": step_code,
                "agency_code": agency_code,
                "actor_kind": actor_kind,
                "actor": actor,
                "at": at,
                "note": note,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_read_payload import EventReadPayload  # noqa: PLC0415

        d = dict(src_dict)
        seq = d.pop("seq")

        action = d.pop("action")

        def _parse_from_status(data: object) -> DossierStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = DossierStatus(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DossierStatus | None, data)

        from_status = _parse_from_status(d.pop("from_status"))

        to_status = DossierStatus(d.pop("to_status"))

        def _parse_step(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        step = _parse_step(d.pop("step"))

        def _parse_step_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        step_code = _parse_step_code(d.pop("step_code"))

        def _parse_agency_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agency_code = _parse_agency_code(d.pop("agency_code"))

        actor_kind = d.pop("actor_kind")

        def _parse_actor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor = _parse_actor(d.pop("actor"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        payload = EventReadPayload.from_dict(d.pop("payload"))

        event_read = cls(
            seq=seq,
            action=action,
            from_status=from_status,
            to_status=to_status,
            step=step,
            step_code=step_code,
            agency_code=agency_code,
            actor_kind=actor_kind,
            actor=actor,
            at=at,
            note=note,
            payload=payload,
        )

        event_read.additional_properties = d
        return event_read

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
