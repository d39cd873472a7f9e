from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action import Action
from ..models.dossier_status import DossierStatus
from ..models.problem_code import ProblemCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """An RFC 9457 problem document (`application/problem+json`).

    `status` is always the HTTP status of the answer; the optional extension members after
    `errors` appear only with the codes that use them.

        Attributes:
            type_ (str): `urn:motcua:problem:` followed by `code`
            title (str): Tiêu đề của lỗi (tiếng Việt), theo mã trạng thái HTTP
            status (int): Mã trạng thái HTTP của câu trả lời
            detail (str): Mô tả cụ thể (tiếng Việt)
            code (ProblemCode | str): Mã lỗi ổn định (tiếng Anh). Danh sách mở: các mã trong `ProblemCode` là mã hiện có, có
                thể thêm mã mới; ứng dụng gặp mã chưa biết thì xử lý như lỗi chung của mã trạng thái HTTP (`status`).
            request_id (None | str | Unset): Mã yêu cầu, để tra cứu nhật ký hệ thống
            errors (list[FieldError] | None | Unset): Các trường không hợp lệ (422)
            dossier_status (DossierStatus | None | Unset): Trạng thái hiện tại của hồ sơ (action_not_allowed,
                documents_not_allowed, form_not_available)
            allowed_actions (list[Action] | None | Unset): Các thao tác thực hiện được ở trạng thái, bước hiện tại của hồ sơ
            current_version (int | None | Unset): Phiên bản hiện tại của hồ sơ (version_conflict)
            accepted (list[str] | None | Unset): Các định dạng tệp được chấp nhận (unsupported_media_type, ...)
            max_bytes (int | None | Unset): Giới hạn dung lượng tệp, tính bằng byte
    """

    type_: str
    title: str
    status: int
    detail: str
    code: ProblemCode | str
    request_id: None | str | Unset = UNSET
    errors: list[FieldError] | None | Unset = UNSET
    dossier_status: DossierStatus | None | Unset = UNSET
    allowed_actions: list[Action] | None | Unset = UNSET
    current_version: int | None | Unset = UNSET
    accepted: list[str] | None | Unset = UNSET
    max_bytes: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        code: str
        if isinstance(self.code, ProblemCode):
            code = self.code.value
        else:
            code = self.code

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

        dossier_status: None | str | Unset
        if isinstance(self.dossier_status, Unset):
            dossier_status = UNSET
        elif isinstance(self.dossier_status, DossierStatus):
            dossier_status = self.dossier_status.value
        else:
            dossier_status = self.dossier_status

        allowed_actions: list[str] | None | Unset
        if isinstance(self.allowed_actions, Unset):
            allowed_actions = UNSET
        elif isinstance(self.allowed_actions, list):
            allowed_actions = []
            for allowed_actions_type_0_item_data in self.allowed_actions:
                allowed_actions_type_0_item = allowed_actions_type_0_item_data.value
                allowed_actions.append(allowed_actions_type_0_item)

        else:
            allowed_actions = self.allowed_actions

        current_version: int | None | Unset
        if isinstance(self.current_version, Unset):
            current_version = UNSET
        else:
            current_version = self.current_version

        accepted: list[str] | None | Unset
        if isinstance(self.accepted, Unset):
            accepted = UNSET
        elif isinstance(self.accepted, list):
            accepted = self.accepted

        else:
            accepted = self.accepted

        max_bytes: int | None | Unset
        if isinstance(self.max_bytes, Unset):
            max_bytes = UNSET
        else:
            max_bytes = self.max_bytes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
                "code": code,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if errors is not UNSET:
            field_dict["errors"] = errors
        if dossier_status is not UNSET:
            field_dict["dossier_status"] = dossier_status
        if allowed_actions is not UNSET:
            field_dict["allowed_actions"] = allowed_actions
        if current_version is not UNSET:
            field_dict["current_version"] = current_version
        if accepted is not UNSET:
            field_dict["accepted"] = accepted
        if max_bytes is not UNSET:
            field_dict["max_bytes"] = max_bytes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        def _parse_code(data: object) -> ProblemCode | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                code_type_0 = ProblemCode(data)

                return code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ProblemCode | str, data)

        code = _parse_code(d.pop("code"))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        def _parse_errors(data: object) -> list[FieldError] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = FieldError.from_dict(errors_type_0_item_data)

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FieldError] | None | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        def _parse_dossier_status(data: object) -> DossierStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dossier_status_type_0 = DossierStatus(data)

                return dossier_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DossierStatus | None | Unset, data)

        dossier_status = _parse_dossier_status(d.pop("dossier_status", UNSET))

        def _parse_allowed_actions(data: object) -> list[Action] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_actions_type_0 = []
                _allowed_actions_type_0 = data
                for allowed_actions_type_0_item_data in _allowed_actions_type_0:
                    allowed_actions_type_0_item = Action(allowed_actions_type_0_item_data)

                    allowed_actions_type_0.append(allowed_actions_type_0_item)

                return allowed_actions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Action] | None | Unset, data)

        allowed_actions = _parse_allowed_actions(d.pop("allowed_actions", UNSET))

        def _parse_current_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        current_version = _parse_current_version(d.pop("current_version", UNSET))

        def _parse_accepted(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                accepted_type_0 = cast(list[str], data)

                return accepted_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        accepted = _parse_accepted(d.pop("accepted", UNSET))

        def _parse_max_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_bytes = _parse_max_bytes(d.pop("max_bytes", UNSET))

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            code=code,
            request_id=request_id,
            errors=errors,
            dossier_status=dossier_status,
            allowed_actions=allowed_actions,
            current_version=current_version,
            accepted=accepted,
            max_bytes=max_bytes,
        )

        problem.additional_properties = d
        return problem

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
