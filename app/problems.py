"""The one rendering of errors: ``application/problem+json`` (RFC 9457) for the web layer.

Domain errors (``app.errors``), request validation errors and the framework's HTTP errors become problem
documents here; ``InternalErrorMiddleware`` turns anything unhandled into a 500 problem. Nothing
internal (stack traces, SQL, driver messages) ever reaches a response body.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import DomainError, ValidationFailed, validation_errors
from app.observability import current_request_id

log = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem_body(
    *,
    status: int,
    code: str,
    title: str,
    detail: str,
    errors: Sequence[Mapping[str, Any]] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": f"urn:motcua:problem:{code}",
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
    }
    request_id = current_request_id()
    if request_id:
        body["request_id"] = request_id
    if errors:
        body["errors"] = list(errors)
    if extra:
        body.update(extra)
    return body


def problem_response(
    *,
    status: int,
    code: str,
    title: str,
    detail: str,
    errors: Sequence[Mapping[str, Any]] | None = None,
    extra: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(
        problem_body(
            status=status, code=code, title=title, detail=detail, errors=errors, extra=extra
        ),
        status_code=status,
        media_type=PROBLEM_CONTENT_TYPE,
        headers=dict(headers) if headers else None,
    )


async def _domain_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    return domain_problem(exc)


def domain_problem(exc: DomainError) -> JSONResponse:
    """The problem+json answer of a domain error (the app's handler; also the lookup's lean path)."""
    return problem_response(
        status=exc.status,
        code=exc.instance_code,
        title=exc.title,
        detail=exc.detail,
        errors=exc.errors,
        extra=exc.extra,
        headers=exc.headers,
    )


async def _request_validation_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    raw = exc.errors()
    if any(err.get("type") == "json_invalid" for err in raw):
        return problem_response(
            status=400,
            code="malformed_json",
            title="JSON không hợp lệ",
            detail="Nội dung gửi lên không phải JSON hợp lệ.",
        )
    return problem_response(
        status=422,
        code=ValidationFailed.code,
        title=ValidationFailed.title,
        detail="Một hoặc nhiều trường không hợp lệ; xem danh sách errors.",
        errors=validation_errors(raw),
    )


_HTTP_STATUS_PROBLEMS: dict[int, tuple[str, str, str]] = {
    400: ("bad_request", "Yêu cầu không hợp lệ", "Yêu cầu không hợp lệ."),
    401: ("unauthorized", "Chưa xác thực", "Cần đăng nhập để thực hiện thao tác này."),
    403: ("forbidden", "Không có quyền", "Bạn không có quyền thực hiện thao tác này."),
    404: ("not_found", "Không tìm thấy", "Không tìm thấy tài nguyên được yêu cầu."),
    405: (
        "method_not_allowed",
        "Phương thức không được hỗ trợ",
        "Phương thức HTTP này không được hỗ trợ cho đường dẫn này.",
    ),
    406: ("not_acceptable", "Không chấp nhận", "Không thể trả về định dạng được yêu cầu."),
    413: ("payload_too_large", "Dữ liệu gửi lên quá lớn", "Dữ liệu gửi lên vượt quá giới hạn."),
    415: ("unsupported_media_type", "Định dạng không được hỗ trợ", "Định dạng không được hỗ trợ."),
}


async def _http_exception_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code, title, detail = _HTTP_STATUS_PROBLEMS.get(
        exc.status_code, ("http_error", "Lỗi yêu cầu", "Yêu cầu không thể xử lý.")
    )
    return problem_response(
        status=exc.status_code,
        code=code,
        title=title,
        detail=detail,
        headers=getattr(exc, "headers", None),
    )


class InternalErrorMiddleware:
    """Turns any unhandled exception into a 500 problem that carries the request id.

    Sits inside ``RequestContextMiddleware`` so the id is known; the exception is logged (scrubbed) and
    not re-raised, so nothing of it reaches the body: no stack trace, no SQL, no driver message.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            log.exception("unhandled_error", extra={"path": scope.get("path")})
            if started:
                return
            response = problem_response(
                status=500,
                code="internal_error",
                title="Lỗi hệ thống",
                detail="Đã xảy ra lỗi không mong muốn. Vui lòng thử lại sau hoặc liên hệ bộ phận "
                "hỗ trợ kèm mã yêu cầu (request_id).",
            )
            await response(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _domain_error_handler)
    app.add_exception_handler(RequestValidationError, _request_validation_handler)
    app.add_exception_handler(StarletteHTTPException, _http_exception_handler)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` entries so OpenAPI and generated clients know our problem documents."""
    descriptions = {
        400: "Yêu cầu không hợp lệ",
        401: "Chưa xác thực",
        403: "Không có quyền",
        404: "Không tìm thấy",
        409: "Xung đột trạng thái",
        412: "Phiên bản không khớp",
        413: "Dữ liệu quá lớn",
        415: "Định dạng không được hỗ trợ",
        422: "Dữ liệu không hợp lệ",
        429: "Quá nhiều yêu cầu",
    }
    return {
        status: {
            "description": descriptions.get(status, "Lỗi"),
            "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }
