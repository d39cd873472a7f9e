"""The one rendering of errors: ``application/problem+json`` (RFC 9457) for the web layer.

Domain errors (``app.errors``), request validation errors and the framework's HTTP errors become problem
documents here; ``InternalErrorMiddleware`` turns anything unhandled into a 500 problem. Nothing
internal (stack traces, SQL, driver messages) ever reaches a response body. Titles and the generic
details come from ``app.errors.STATUS_PROBLEMS``; ``status`` is always the HTTP status.

The OpenAPI side lives here too: :func:`problem_responses` builds an operation's ``responses=`` from
the codes it can return, each status with its own examples.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import unquote_to_bytes

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import (
    PROBLEM_MEMBERS,
    DomainError,
    ProblemCode,
    status_problem,
    title_of,
    validation_errors,
)
from app.observability import current_request_id
from app.schemas.common import Problem

log = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
MALFORMED_JSON_DETAIL = "Nội dung gửi lên không phải JSON hợp lệ."


def problem_body(
    *,
    status: int,
    code: ProblemCode,
    detail: str,
    errors: Sequence[Mapping[str, Any]] | None = None,
    extra: Mapping[str, Any] | None = None,
    request_id: str | None = None,
) -> dict[str, Any]:
    """The problem document; extension members never replace a standard one (``status`` above all)."""
    body: dict[str, Any] = {
        "type": f"urn:motcua:problem:{code}",
        "title": title_of(code, status),
        "status": status,
        "detail": detail,
        "code": str(code),
    }
    request_id = request_id or current_request_id()
    if request_id:
        body["request_id"] = request_id
    if errors:
        body["errors"] = list(errors)
    for name, value in (extra or {}).items():
        if name not in PROBLEM_MEMBERS:
            body[name] = value
    return body


def problem_response(
    *,
    status: int,
    code: ProblemCode,
    detail: str,
    errors: Sequence[Mapping[str, Any]] | None = None,
    extra: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(
        problem_body(status=status, code=code, detail=detail, errors=errors, extra=extra),
        status_code=status,
        media_type=PROBLEM_CONTENT_TYPE,
        headers=dict(headers) if headers else None,
    )


async def _domain_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    return domain_problem(exc)


def domain_problem(exc: DomainError) -> JSONResponse:
    """The problem+json answer of a domain error (the app's handler; also the lean routes')."""
    return problem_response(
        status=exc.status,
        code=exc.instance_code,
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
            status=400, code=ProblemCode.malformed_json, detail=MALFORMED_JSON_DETAIL
        )
    return problem_response(
        status=422,
        code=ProblemCode.validation_failed,
        detail=status_problem(422).detail,
        errors=validation_errors(raw),
    )


async def _http_exception_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    problem = status_problem(exc.status_code)
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405:
        headers["Allow"] = allowed_methods(request.app, request.scope)
    return problem_response(
        status=exc.status_code, code=problem.code, detail=problem.detail, headers=headers
    )


def allowed_methods(app: FastAPI, scope: Scope) -> str:
    """The ``Allow`` header of a 405: every method the path answers (RFC 9110, section 15.5.6).

    Starlette names only the methods of the first route whose path matched, so a path served by two
    routes (``GET`` and ``POST /api/v1/dossiers``, ``PUT`` and ``DELETE`` of a calendar day) would
    announce one of them.
    """
    path, root = scope["path"], scope.get("root_path", "")
    if root and path.startswith(root):
        path = path[len(root) :] or "/"
    methods: set[str] = set()
    for context in iter_route_contexts(app.routes):
        if context.methods and context.path and compile_path(context.path)[0].match(path):
            methods.update(context.methods)
    return ", ".join(sorted(methods))


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
            problem = status_problem(500)
            response = problem_response(status=500, code=problem.code, detail=problem.detail)
            await response(scope, receive, send)


# The longest request target (path and query string, as sent) we read; uvicorn itself refuses one of
# 64 KiB or more with a plain-text 400 before the app sees it (README, "Requests that never reach us").
MAX_REQUEST_TARGET_BYTES = 8 * 1024
NOT_UTF8_DETAIL = "Đường dẫn hoặc tham số truy vấn không phải văn bản UTF-8 hợp lệ."


class RequestTargetMiddleware:
    """Refuses, as problems, request targets the server passed on but the app cannot read faithfully.

    * a path or query string longer than :data:`MAX_REQUEST_TARGET_BYTES`: 414 ``uri_too_long``;
    * a path or query string whose percent-escapes are not UTF-8 (``/api/v1/lookup/%ff``): 400
      ``invalid_request_target``. The server would decode it with replacement characters, so the app
      would answer about another path than the one asked for.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            response = _request_target_problem(scope)
            if response is not None:
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _request_target_problem(scope: Scope) -> JSONResponse | None:
    raw_path: bytes = scope.get("raw_path") or scope["path"].encode("utf-8")
    query: bytes = scope.get("query_string", b"")
    if len(raw_path) + len(query) > MAX_REQUEST_TARGET_BYTES:
        problem = status_problem(414)
        return problem_response(status=414, code=problem.code, detail=problem.detail)
    if raw_path.isascii() and query.isascii() and b"%" not in raw_path and b"%" not in query:
        return None  # plain ASCII, nothing escaped: nothing that could fail to decode
    try:
        unquote_to_bytes(raw_path).decode("utf-8")
        unquote_to_bytes(query.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return problem_response(
            status=400, code=ProblemCode.invalid_request_target, detail=NOT_UTF8_DETAIL
        )
    return None


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _domain_error_handler)
    app.add_exception_handler(RequestValidationError, _request_validation_handler)
    app.add_exception_handler(StarletteHTTPException, _http_exception_handler)


# --- the problems in the OpenAPI document --------------------------------------------------------

# an operation with a JSON body: a body that is not JSON (400), over the body limit (413, app.limits),
# a field that does not validate (422)
JSON_BODY: tuple[ProblemCode, ...] = (
    ProblemCode.malformed_json,
    ProblemCode.payload_too_large,
    ProblemCode.validation_failed,
)

# every operation: a request target that is not UTF-8 (400) or too long (414), refused before
# routing (RequestTargetMiddleware); declared by operations that can answer nothing else
REQUEST_TARGET: tuple[ProblemCode, ...] = (
    ProblemCode.invalid_request_target,
    ProblemCode.uri_too_long,
)

_EXAMPLES = "#/components/examples/"  # one example per code, written once (document_problems)
_EXAMPLE_REQUEST_ID = "5f0c3c0e9a3b4f0f8d0f5d1f3b2a1c0e"
_EXAMPLE_DETAILS: Mapping[ProblemCode, str] = {ProblemCode.malformed_json: MALFORMED_JSON_DETAIL}
# the extension members a code comes with, as an example of each
_EXAMPLE_EXTENSIONS: Mapping[ProblemCode, Mapping[str, Any]] = {
    ProblemCode.action_not_allowed: {"dossier_status": "returned", "allowed_actions": ["rate"]},
    ProblemCode.documents_not_allowed: {"dossier_status": "submitted"},
    ProblemCode.form_not_available: {"dossier_status": "rejected"},
    ProblemCode.version_conflict: {"current_version": 4},
    ProblemCode.last_step: {"allowed_actions": ["resolve"]},
    ProblemCode.not_last_step: {"allowed_actions": ["forward"]},
    ProblemCode.payload_too_large: {"max_bytes": 20 * 1024 * 1024},
    ProblemCode.unsupported_media_type: {
        "accepted": ["application/pdf", "image/jpeg", "image/png"]
    },
    ProblemCode.content_type_mismatch: {"accepted": ["application/pdf", "image/jpeg", "image/png"]},
    ProblemCode.file_unreadable: {"reason": "pdf_unreadable"},
    ProblemCode.pending_uploads_too_large: {
        "max_pending_bytes": 200 * 1024 * 1024,
        "pending_bytes": 180 * 1024 * 1024,
    },
    ProblemCode.too_many_pending_uploads: {"max_pending_files": 50},
}
_HEADERS: Mapping[int, Mapping[str, Any]] = {
    401: {"WWW-Authenticate": {"description": "`Bearer`", "schema": {"type": "string"}}},
    429: {
        "Retry-After": {"description": "Số giây cần chờ", "schema": {"type": "integer"}},
    },
    503: {
        "Retry-After": {"description": "Số giây cần chờ", "schema": {"type": "integer"}},
    },
}


def example_problem(code: ProblemCode) -> dict[str, Any]:
    """A problem document as an operation answers with ``code`` (its status, title, extensions)."""
    assert code.status is not None, f"{code} has no status of its own"
    extensions = dict(_EXAMPLE_EXTENSIONS.get(code, {}))
    return problem_body(
        status=code.status,
        code=code,
        detail=_EXAMPLE_DETAILS.get(code, status_problem(code.status).detail),
        errors=extensions.pop("errors", None),
        extra=extensions,
        request_id=_EXAMPLE_REQUEST_ID,
    )


def problem_responses(
    *declared: ProblemCode | Iterable[ProblemCode],
) -> dict[int | str, dict[str, Any]]:
    """``responses=`` of an operation from the problem codes it can return (codes or groups of codes).

    Each code's status gets one response (described by the status's title, listing its codes) with
    an example per code, so OpenAPI and generated clients know exactly what may come back.
    """
    by_status: dict[int, list[ProblemCode]] = {}
    for item in declared:
        for code in (item,) if isinstance(item, ProblemCode) else item:
            if code.status is None:
                raise ValueError(f"{code} has no status of its own: declare a code that has one")
            codes = by_status.setdefault(code.status, [])
            if code not in codes:
                codes.append(code)
    return {status: _response(status, by_status[status]) for status in sorted(by_status)}


def _response(status: int, codes: Sequence[ProblemCode]) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": status_problem(status).title
        + ": "
        + ", ".join(f"`{code}`" for code in codes),
        "content": {
            PROBLEM_CONTENT_TYPE: {
                "schema": {"$ref": "#/components/schemas/Problem"},
                "examples": {str(code): {"$ref": _EXAMPLES + str(code)} for code in codes},
            }
        },
    }
    if status in _HEADERS:
        response["headers"] = dict(_HEADERS[status])
    return response


def document_problems(openapi: dict[str, Any]) -> None:
    """Completes an OpenAPI document: the ``Problem`` schema, the example of every code the
    operations declare, and no 422 of FastAPI's own shape.

    FastAPI documents a 422 with its ``HTTPValidationError`` body for every operation with
    parameters unless the operation declares one. Every such operation can answer 422
    ``validation_failed`` (even a plain ``str`` path parameter: a NUL character is refused by
    ``app.input_guard``), so the default becomes that problem.
    """
    components = openapi.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    examples: dict[str, Any] = {}
    for operation in (op for path in openapi.get("paths", {}).values() for op in path.values()):
        responses = operation.get("responses", {})
        content = responses.get("422", {}).get("content", {})
        schema = content.get("application/json", {}).get("schema", {})
        if schema.get("$ref") == "#/components/schemas/HTTPValidationError":
            responses["422"] = _response(422, [ProblemCode.validation_failed])
        for response in responses.values():
            for name in (
                response.get("content", {}).get(PROBLEM_CONTENT_TYPE, {}).get("examples", {})
            ):
                code = ProblemCode(name)
                examples[name] = {"summary": name, "value": example_problem(code)}
    if examples:
        components.setdefault("examples", {}).update(sorted(examples.items()))
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    definitions: dict[str, dict[str, Any]] = problem.pop("$defs", {})
    definitions["Problem"] = problem
    for name, definition in definitions.items():
        if schemas.setdefault(name, definition) != definition:
            raise RuntimeError(f"two different schemas named {name}")
    field_error = {
        "field": "applicant.phone",
        "location": "body",
        "code": "value_error",
        "message": "Số điện thoại không hợp lệ (ví dụ 0912345678)",
    }
    schemas["FieldError"].setdefault("examples", [field_error])
    example = example_problem(ProblemCode.validation_failed) | {"errors": [field_error]}
    schemas["Problem"].setdefault("examples", [example])
