"""No NUL character reaches a service: one ASGI middleware refuses it in every route's input (issue 11).

PostgreSQL's text types cannot hold U+0000, so a NUL that reaches a query is a driver error (a 500).
:class:`BadInputMiddleware` sits among the user middleware, so it guards the FastAPI routes and the
lean routes alike (``app.lean`` wraps the same middleware around them), and refuses a NUL before any
route, dependency or service runs:

* in the path (``%00`` in a path parameter), the query string (a name or value) or a header value: 422
  ``validation_failed`` naming the parameter (``location`` ``path``, ``query`` or ``header``);
* in a JSON body (``\\u0000`` in a key or string) or a form body (``application/x-www-form-urlencoded``,
  the login form): 422 naming the field (``location`` ``body``, dotted path as for any validation
  error).

Each error is ``{field, location, code: "invalid_character", message}``. Checks are a byte search on
the raw input; only input that contains a NUL is parsed again to name the field. A body is read, checked
and replayed to the app byte for byte (never rewritten: signatures are computed over the raw bytes);
A ``multipart/form-data`` body (FastAPI's form fields accept it too: the login form) is checked the
same way for a raw NUL byte, the field named by the part it falls in; the upload route alone is not
read here (:data:`STREAMED_PATHS`: it streams its file, and its parser refuses a NUL in a text field,
``app.services.uploads.multipart``). Every body read here is capped first (``app.limits`` sits
outside). Routes under ``exempt_prefixes`` (protocol endpoints that answer bad input in their own
protocol) are passed through untouched.

Numbers outside PostgreSQL's ranges are refused by the schemas themselves (``app.models.base``
``INTEGER_MAX`` / ``BIGINT_MAX`` bounds), not here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import ProblemCode, status_problem
from app.problems import problem_response

NUL = "\x00"
INVALID_CHARACTER = "invalid_character"
INVALID_CHARACTER_MESSAGE = "Chứa ký tự không hợp lệ (NUL)"
_JSON_NUL = b"\\u0000"
_FORM = "application/x-www-form-urlencoded"
_MULTIPART = "multipart/form-data"
# routes that read their multipart body as a stream (files): never buffered here
STREAMED_PATHS = frozenset({"/api/v1/uploads"})


class BadInputMiddleware:
    """Refuses a NUL character in the path, the query, a JSON or a form body with a 422 problem."""

    def __init__(self, app: ASGIApp, exempt_prefixes: tuple[str, ...] = ()) -> None:
        self.app = app
        self.exempt_prefixes = exempt_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (
            self.exempt_prefixes and scope["path"].startswith(self.exempt_prefixes)
        ):
            await self.app(scope, receive, send)
            return
        error = _path_error(scope) or _query_error(scope) or _header_error(scope)
        if error is None and _body_is_checked(scope):
            body, messages = await _read_body(receive)
            error = _body_error(scope, body)
            receive = _replay(messages, receive)
        if error is not None:
            await _refusal(*error)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _refusal(field: str, location: str) -> JSONResponse:
    return problem_response(
        status=422,
        code=ProblemCode.validation_failed,
        detail=status_problem(422).detail,
        errors=[
            {
                "field": field.replace(NUL, ""),
                "location": location,
                "code": INVALID_CHARACTER,
                "message": INVALID_CHARACTER_MESSAGE,
            }
        ],
    )


def _path_error(scope: Scope) -> tuple[str, str] | None:
    raw_path: bytes = scope.get("raw_path") or b""
    if b"%00" not in raw_path and NUL not in scope["path"]:
        return None
    # name the path parameter: the first route whose pattern matches says which one holds the NUL
    path: str = scope["path"]
    for route in iter_route_contexts(getattr(scope.get("app"), "routes", ())):
        pattern = getattr(route, "path_regex", None)
        found = pattern.match(path) if pattern is not None else None
        if found is not None:
            for name, value in found.groupdict().items():
                if NUL in value:
                    return name, "path"
    return "", "path"


def _query_error(scope: Scope) -> tuple[str, str] | None:
    query: bytes = scope.get("query_string", b"")
    if b"%00" not in query and b"\x00" not in query:
        return None
    for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        if NUL in name or NUL in value:
            return name, "query"
    return None


def _header_error(scope: Scope) -> tuple[str, str] | None:
    """A NUL in a header value (``Idempotency-Key``, ``If-Match``, a bearer token) is refused too.

    HTTP/1.1 servers refuse a raw NUL in a header line, but an ASGI server or proxy that does not must
    not let one reach a query: the check costs one byte search per header.
    """
    for name, value in scope["headers"]:
        if b"\x00" in value:
            return name.decode("latin-1"), "header"
    return None


def _media_type(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"content-type":
            media_type: str = value.decode("latin-1").split(";", 1)[0].strip().lower()
            return media_type
    return None


def _body_is_checked(scope: Scope) -> bool:
    """The bodies FastAPI parses: JSON (``application/json``, any ``+json``) and forms. A body
    without a Content-Type is never parsed (FastAPI's strict content type), so it is not read."""
    if scope["method"] in {"GET", "HEAD", "OPTIONS"}:
        return False
    media_type = _media_type(scope)
    if media_type == _MULTIPART:
        return scope["path"] not in STREAMED_PATHS
    return media_type is not None and (
        media_type == _FORM or media_type == "application/json" or media_type.endswith("+json")
    )


async def _read_body(receive: Receive) -> tuple[bytes, list[Message]]:
    messages: list[Message] = []
    chunks: list[bytes] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks), messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """The messages read, in order and unchanged, then the server's own ``receive``."""
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay


def _body_error(scope: Scope, body: bytes) -> tuple[str, str] | None:
    if _media_type(scope) == _MULTIPART:
        at = body.find(b"\x00")
        if at < 0:
            return None
        # the field is named by the last part header before the NUL (name="...")
        start = body.rfind(b'name="', 0, at)
        end = body.find(b'"', start + 6) if start >= 0 else -1
        field = body[start + 6 : end].decode("utf-8", "replace") if 0 <= start < end else ""
        return field, "body"
    if _media_type(scope) == _FORM:
        if b"%00" not in body and b"\x00" not in body:
            return None
        for name, value in parse_qsl(body.decode("latin-1"), keep_blank_values=True):
            if NUL in name or NUL in value:
                return name, "body"
        return None
    if _JSON_NUL not in body:
        return None
    try:
        document = json.loads(body)
    except ValueError:
        return None  # not JSON: the route answers it (400 malformed_json)
    for path in _nul_paths(document, ()):
        return ".".join(path), "body"
    return None


def _nul_paths(value: Any, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Dotted paths (as in validation errors) of the keys and strings of a JSON value holding a NUL."""
    if isinstance(value, str):
        if NUL in value:
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            if NUL in key:
                yield (*path, key)
            yield from _nul_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nul_paths(item, (*path, str(index)))
