"""Domain exceptions and the problem codes: what a service raises, with its HTTP status, code and title.

Framework-free, so every layer may import it; ``app.problems`` renders these as
``application/problem+json`` (RFC 9457). Titles and details are Vietnamese (they reach citizens and
officers); ``code`` is a stable English machine code, always a member of :class:`ProblemCode`.

Each title is written once: :data:`STATUS_PROBLEMS` gives every status its default code, Vietnamese
title and generic detail; the exception classes, the handlers of framework errors and the OpenAPI
descriptions all read it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar


class ProblemCode(StrEnum):
    """Stable machine code of a problem document (its member `code`).

    Each code belongs to one HTTP status; `http_error` stands for any status without a code of its
    own. The list is open: codes may be added, and a client that meets an unknown code treats it as
    the generic problem of the HTTP status.
    """

    # the HTTP status of the code (None for http_error), given with each member below
    status: int | None

    def __new__(cls, value: str, status: int | None = None) -> ProblemCode:
        member = str.__new__(cls, value)
        member._value_ = value
        member.status = status
        return member

    # 400
    bad_request = "bad_request", 400
    malformed_json = "malformed_json", 400
    malformed_multipart = "malformed_multipart", 400
    invalid_content_length = "invalid_content_length", 400
    upload_aborted = "upload_aborted", 400
    invalid_cursor = "invalid_cursor", 400
    invalid_if_match = "invalid_if_match", 400
    agency_succession_cycle = "agency_succession_cycle", 400
    invalid_request_target = "invalid_request_target", 400
    # 401
    unauthorized = "unauthorized", 401
    invalid_token = "invalid_token", 401
    token_revoked = "token_revoked", 401
    invalid_credentials = "invalid_credentials", 401
    portal_signature_invalid = "portal_signature_invalid", 401
    # 403
    forbidden = "forbidden", 403
    officer_required = "officer_required", 403
    citizen_required = "citizen_required", 403
    admin_required = "admin_required", 403
    province_admin_required = "province_admin_required", 403
    agency_not_administered = "agency_not_administered", 403
    not_receptionist_here = "not_receptionist_here", 403
    not_allowed_at_step = "not_allowed_at_step", 403
    not_officer_here = "not_officer_here", 403
    applicant_not_caller = "applicant_not_caller", 403
    personal_id_unverified = "personal_id_unverified", 403
    result_not_online = "result_not_online", 403
    file_link_invalid = "file_link_invalid", 403
    # 404
    not_found = "not_found", 404
    unit_not_found = "unit_not_found", 404
    agency_not_found = "agency_not_found", 404
    procedure_not_found = "procedure_not_found", 404
    application_not_found = "application_not_found", 404
    template_not_found = "template_not_found", 404
    user_not_found = "user_not_found", 404
    calendar_override_not_found = "calendar_override_not_found", 404
    upload_not_found = "upload_not_found", 404
    dossier_not_found = "dossier_not_found", 404
    payment_not_found = "payment_not_found", 404
    # 405, 406: the framework's
    method_not_allowed = "method_not_allowed", 405
    not_acceptable = "not_acceptable", 406
    # 409
    conflict = "conflict", 409
    no_result_document = "no_result_document", 409
    username_taken = "username_taken", 409
    procedure_exists = "procedure_exists", 409
    application_exists = "application_exists", 409
    invalid_state_transition = "invalid_state_transition", 409
    published_version_changed = "published_version_changed", 409
    template_version_changed = "template_version_changed", 409
    upload_already_attached = "upload_already_attached", 409
    idempotency_key_reused = "idempotency_key_reused", 409
    action_not_allowed = "action_not_allowed", 409
    version_conflict = "version_conflict", 409
    documents_not_allowed = "documents_not_allowed", 409
    supplement_limit = "supplement_limit", 409
    last_step = "last_step", 409
    not_last_step = "not_last_step", 409
    nothing_due = "nothing_due", 409
    fees_unpaid = "fees_unpaid", 409
    refund_not_allowed = "refund_not_allowed", 409
    no_due_date = "no_due_date", 409
    reschedule_limit = "reschedule_limit", 409
    reschedule_too_late = "reschedule_too_late", 409
    already_rated = "already_rated", 409
    form_not_available = "form_not_available", 409
    # 412
    precondition_failed = "precondition_failed", 412
    version_mismatch = "version_mismatch", 412
    # 413
    payload_too_large = "payload_too_large", 413
    pending_uploads_too_large = "pending_uploads_too_large", 413
    # 414
    uri_too_long = "uri_too_long", 414
    # 415
    unsupported_media_type = "unsupported_media_type", 415
    multipart_required = "multipart_required", 415
    content_type_mismatch = "content_type_mismatch", 415
    file_unreadable = "file_unreadable", 415
    # 422
    validation_failed = "validation_failed", 422
    year_out_of_range = "year_out_of_range", 422
    already_day_off = "already_day_off", 422
    already_working_day = "already_working_day", 422
    reason_required = "reason_required", 422
    procedure_code_invalid = "procedure_code_invalid", 422
    agency_code_invalid = "agency_code_invalid", 422
    receiving_office_code_invalid = "receiving_office_code_invalid", 422
    outcome_invalid = "outcome_invalid", 422
    subject_unit_required = "subject_unit_required", 422
    no_unit_authority = "no_unit_authority", 422
    mandatory_documents_missing = "mandatory_documents_missing", 422
    duplicate_upload = "duplicate_upload", 422
    unknown_requirement = "unknown_requirement", 422
    paper_only_at_desk = "paper_only_at_desk", 422
    period_invalid = "period_invalid", 422
    document_only_presented = "document_only_presented", 422
    supplement_items_invalid = "supplement_items_invalid", 422
    not_requested = "not_requested", 422
    documents_required = "documents_required", 422
    invalid_assignee = "invalid_assignee", 422
    invalid_step = "invalid_step", 422
    receipt_number_required = "receipt_number_required", 422
    invalid_promised_due_at = "invalid_promised_due_at", 422
    rating_required = "rating_required", 422
    submitter_invalid = "submitter_invalid", 422
    agency_closed = "agency_closed", 422
    consignment_number_required = "consignment_number_required", 422
    pin_required = "pin_required", 422
    provider_unavailable = "provider_unavailable", 422
    fee_quantities_invalid = "fee_quantities_invalid", 422
    weak_password = "weak_password", 422
    current_password_wrong = "current_password_wrong", 422
    portal_file_host_not_allowed = "portal_file_host_not_allowed", 422
    portal_file_unavailable = "portal_file_unavailable", 422
    # 429
    too_many_requests = "too_many_requests", 429
    login_throttled = "login_throttled", 429
    lookup_throttled = "lookup_throttled", 429
    too_many_pending_uploads = "too_many_pending_uploads", 429
    exports_busy = "exports_busy", 429
    # 500
    internal_error = "internal_error", 500
    # 503
    identity_provider_unavailable = "identity_provider_unavailable", 503
    payment_gateway_unavailable = "payment_gateway_unavailable", 503
    # any other status the framework answers with
    http_error = "http_error"


@dataclass(frozen=True)
class StatusProblem:
    """What a status means to a caller: its default code, its title and a generic detail."""

    code: ProblemCode
    title: str
    detail: str


STATUS_PROBLEMS: Mapping[int, StatusProblem] = {
    400: StatusProblem(ProblemCode.bad_request, "Yêu cầu không hợp lệ", "Yêu cầu không hợp lệ."),
    401: StatusProblem(
        ProblemCode.unauthorized, "Chưa xác thực", "Cần đăng nhập để thực hiện thao tác này."
    ),
    403: StatusProblem(
        ProblemCode.forbidden, "Không có quyền", "Bạn không có quyền thực hiện thao tác này."
    ),
    404: StatusProblem(
        ProblemCode.not_found, "Không tìm thấy", "Không tìm thấy tài nguyên được yêu cầu."
    ),
    405: StatusProblem(
        ProblemCode.method_not_allowed,
        "Phương thức không được hỗ trợ",
        "Phương thức HTTP này không được hỗ trợ cho đường dẫn này.",
    ),
    406: StatusProblem(
        ProblemCode.not_acceptable, "Không chấp nhận", "Không thể trả về định dạng được yêu cầu."
    ),
    409: StatusProblem(
        ProblemCode.conflict,
        "Xung đột trạng thái",
        "Yêu cầu xung đột với trạng thái hiện tại của tài nguyên.",
    ),
    412: StatusProblem(
        ProblemCode.precondition_failed,
        "Điều kiện tiên quyết không thỏa mãn",
        "Phiên bản trong tiêu đề If-Match không còn là phiên bản hiện tại.",
    ),
    413: StatusProblem(
        ProblemCode.payload_too_large,
        "Dữ liệu gửi lên quá lớn",
        "Dữ liệu gửi lên vượt quá giới hạn.",
    ),
    414: StatusProblem(
        ProblemCode.uri_too_long,
        "Đường dẫn quá dài",
        "Đường dẫn và tham số truy vấn của yêu cầu vượt quá giới hạn.",
    ),
    415: StatusProblem(
        ProblemCode.unsupported_media_type,
        "Định dạng không được hỗ trợ",
        "Định dạng không được hỗ trợ.",
    ),
    422: StatusProblem(
        ProblemCode.validation_failed,
        "Dữ liệu không hợp lệ",
        "Một hoặc nhiều trường không hợp lệ; xem danh sách errors.",
    ),
    429: StatusProblem(
        ProblemCode.too_many_requests,
        "Quá nhiều yêu cầu",
        "Quá nhiều yêu cầu; vui lòng thử lại sau thời gian ghi trong Retry-After.",
    ),
    500: StatusProblem(
        ProblemCode.internal_error,
        "Lỗi hệ thống",
        "Đã xảy ra lỗi không mong muốn. Vui lòng thử lại sau hoặc liên hệ bộ phận hỗ trợ kèm "
        "mã yêu cầu (request_id).",
    ),
    # the one outside service whose outage a caller meets today: the citizens' identity provider
    503: StatusProblem(
        ProblemCode.identity_provider_unavailable,
        "Không kết nối được hệ thống định danh",
        "Không lấy được khóa công khai của hệ thống định danh; vui lòng thử lại sau.",
    ),
}

# any other status (the framework's, never ours)
OTHER_STATUS = StatusProblem(ProblemCode.http_error, "Lỗi yêu cầu", "Yêu cầu không thể xử lý.")

# the rare code whose title says more than its status's
_CODE_TITLES: Mapping[ProblemCode, str] = {ProblemCode.malformed_json: "JSON không hợp lệ"}

# members every problem document has; extension members (``extra``) may not replace them
PROBLEM_MEMBERS = frozenset({"type", "title", "status", "detail", "code", "request_id", "errors"})


def status_problem(status: int) -> StatusProblem:
    """The default code, title and generic detail of ``status``."""
    return STATUS_PROBLEMS.get(status, OTHER_STATUS)


def title_of(code: ProblemCode, status: int | None = None) -> str:
    """The Vietnamese title of a problem with ``code`` (its status's title unless it has its own)."""
    own = _CODE_TITLES.get(code)
    if own is not None:
        return own
    return status_problem(code.status or status or 0).title


class DomainError(Exception):
    """Base of every error a service may raise; each subclass fixes its status.

    The default code and the title come from :data:`STATUS_PROBLEMS`; a raise site names a more
    precise ``code`` of the same status. ``extra`` adds extension members (``dossier_status``,
    ``allowed_actions``...) and never replaces a standard one: ``status`` is always the HTTP status.

    Errors that commit: an error rolls back the request's writes, unless the raise site says
    ``commits=True`` because what it wrote must outlive the refusal (a throttle's count of a failed
    login: the 401 or 429 keeps it). The request's transaction is then committed before the problem is
    rendered (``app.routing.TransactionalRoute``).
    """

    status: ClassVar[int] = 400
    code: ClassVar[ProblemCode] = STATUS_PROBLEMS[400].code
    title: ClassVar[str] = STATUS_PROBLEMS[400].title

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.code = STATUS_PROBLEMS[cls.status].code
        cls.title = STATUS_PROBLEMS[cls.status].title

    def __init__(
        self,
        detail: str | None = None,
        *,
        code: ProblemCode | None = None,
        errors: Sequence[Mapping[str, Any]] | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
        commits: bool = False,
    ) -> None:
        instance_code = self.code if code is None else ProblemCode(code)
        if instance_code.status != self.status:
            raise ValueError(f"{instance_code} is a {instance_code.status} code, not {self.status}")
        if extra and PROBLEM_MEMBERS & extra.keys():
            raise ValueError(f"extension members may not replace {sorted(PROBLEM_MEMBERS)}")
        title = title_of(instance_code)
        super().__init__(detail or title)
        self.detail = detail or title
        self.instance_code = instance_code
        self.errors = list(errors) if errors else None
        self.headers = dict(headers) if headers else None
        self.extra = dict(extra) if extra else None
        self.commits = commits


class BadRequest(DomainError):
    pass


class Unauthorized(DomainError):
    status = 401

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"WWW-Authenticate": "Bearer"})
        super().__init__(detail, **kwargs)


class Forbidden(DomainError):
    status = 403


class NotFound(DomainError):
    status = 404


class Conflict(DomainError):
    status = 409


class PreconditionFailed(DomainError):
    status = 412


class PayloadTooLarge(DomainError):
    status = 413


class UnsupportedMediaType(DomainError):
    status = 415


class ValidationFailed(DomainError):
    status = 422


def field_error(
    field: str, message: str, *, code: ProblemCode, field_code: str = "invalid"
) -> ValidationFailed:
    """A 422 about one body field; the Vietnamese ``message`` is the detail and the field's message."""
    text = message.rstrip(".")
    return ValidationFailed(
        text + ".",
        code=code,
        errors=[{"field": field, "location": "body", "code": field_code, "message": text}],
    )


class TooManyRequests(DomainError):
    status = 429

    def __init__(self, detail: str | None = None, *, retry_after: int, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"Retry-After": str(max(1, retry_after))})
        super().__init__(detail, **kwargs)


class ServiceUnavailable(DomainError):
    """An outside service we depend on does not answer (today: the citizens' identity provider)."""

    status = 503


# Vietnamese wording of the pydantic error types clients hit most; anything else gets the generic one.
_VALIDATION_MESSAGES: dict[str, str] = {
    "missing": "Thiếu trường bắt buộc",
    "extra_forbidden": "Trường không được phép",
    "string_type": "Phải là chuỗi ký tự",
    "string_too_short": "Chuỗi quá ngắn",
    "string_too_long": "Chuỗi quá dài",
    "string_pattern_mismatch": "Không đúng định dạng",
    "int_type": "Phải là số nguyên",
    "int_parsing": "Phải là số nguyên",
    "int_from_float": "Phải là số nguyên",
    "float_type": "Phải là số",
    "float_parsing": "Phải là số",
    "decimal_parsing": "Phải là số",
    "bool_type": "Phải là true hoặc false",
    "bool_parsing": "Phải là true hoặc false",
    "greater_than": "Giá trị quá nhỏ",
    "greater_than_equal": "Giá trị quá nhỏ",
    "less_than": "Giá trị quá lớn",
    "less_than_equal": "Giá trị quá lớn",
    "enum": "Giá trị không nằm trong danh sách cho phép",
    "literal_error": "Giá trị không nằm trong danh sách cho phép",
    "list_type": "Phải là một danh sách",
    "dict_type": "Phải là một đối tượng",
    "model_type": "Phải là một đối tượng",
    "date_parsing": "Ngày không hợp lệ (định dạng YYYY-MM-DD)",
    "date_from_datetime_parsing": "Ngày không hợp lệ (định dạng YYYY-MM-DD)",
    "datetime_parsing": "Thời điểm không hợp lệ (định dạng ISO 8601)",
    "datetime_from_date_parsing": "Thời điểm không hợp lệ (định dạng ISO 8601)",
    "timezone_aware": "Thời điểm phải có múi giờ",
    "uuid_parsing": "Mã định danh (UUID) không hợp lệ",
    "uuid_type": "Mã định danh (UUID) không hợp lệ",
    "value_error": "Giá trị không hợp lệ",
    "too_short": "Danh sách quá ngắn",
    "too_long": "Danh sách quá dài",
}


def validation_errors(raw: Sequence[Any]) -> list[dict[str, Any]]:
    """Pydantic errors as ``{field, location, code, message}`` without echoing the input."""
    out: list[dict[str, Any]] = []
    for err in raw:
        loc = [str(part) for part in err.get("loc", ())]
        location = loc[0] if loc and loc[0] in {"body", "query", "path", "header", "cookie"} else ""
        field_parts = loc[1:] if location else loc
        err_type = str(err.get("type", "value_error"))
        message = _VALIDATION_MESSAGES.get(err_type, "Giá trị không hợp lệ")
        ctx = err.get("ctx") or {}
        if err_type == "value_error" and isinstance(ctx.get("error"), ValueError):
            # our own validators raise ValueError with a Vietnamese message meant for the caller
            message = str(ctx["error"])
        out.append(
            {
                "field": ".".join(field_parts),
                "location": location or "body",
                "code": err_type,
                "message": message,
            }
        )
    return out
