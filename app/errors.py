"""Domain exceptions: what a service raises, with its HTTP status, stable code and title.

Framework-free, so every layer may import it; ``app.problems`` renders these as
``application/problem+json`` (RFC 9457). Titles and details are Vietnamese (they reach citizens and
officers); ``code`` is a stable English machine code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar


class DomainError(Exception):
    """Base of every error a service may raise; each subclass fixes status, code and title."""

    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    title: ClassVar[str] = "Yêu cầu không hợp lệ"

    def __init__(
        self,
        detail: str | None = None,
        *,
        code: str | None = None,
        errors: Sequence[Mapping[str, Any]] | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.instance_code = code or self.code
        self.errors = list(errors) if errors else None
        self.headers = dict(headers) if headers else None
        self.extra = dict(extra) if extra else None


class BadRequest(DomainError):
    pass


class Unauthorized(DomainError):
    status = 401
    code = "unauthorized"
    title = "Chưa xác thực"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"WWW-Authenticate": "Bearer"})
        super().__init__(detail, **kwargs)


class Forbidden(DomainError):
    status = 403
    code = "forbidden"
    title = "Không có quyền"


class NotFound(DomainError):
    status = 404
    code = "not_found"
    title = "Không tìm thấy"


class Conflict(DomainError):
    status = 409
    code = "conflict"
    title = "Xung đột trạng thái"


class PreconditionFailed(DomainError):
    status = 412
    code = "precondition_failed"
    title = "Điều kiện tiên quyết không thỏa mãn"


class PayloadTooLarge(DomainError):
    status = 413
    code = "payload_too_large"
    title = "Dữ liệu gửi lên quá lớn"


class UnsupportedMediaType(DomainError):
    status = 415
    code = "unsupported_media_type"
    title = "Định dạng không được hỗ trợ"


class ValidationFailed(DomainError):
    status = 422
    code = "validation_failed"
    title = "Dữ liệu không hợp lệ"


def field_error(
    field: str, message: str, *, code: str, field_code: str = "invalid"
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
    code = "too_many_requests"
    title = "Quá nhiều yêu cầu"

    def __init__(self, detail: str | None = None, *, retry_after: int, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"Retry-After": str(max(1, retry_after))})
        super().__init__(detail, **kwargs)


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
