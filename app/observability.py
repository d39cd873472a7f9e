"""Structured JSON logs with a request id.

Log records carry only what is safe: method, path, status, duration, request id. Query strings are never
logged (the public lookup carries its PIN there), nor bodies, tokens, personal ids or phone numbers.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import traceback
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import DBAPIError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

# Standard LogRecord attributes; anything else passed via ``extra=`` is emitted as a field.
_RESERVED = set(vars(logging.LogRecord("x", 0, "x", 0, "x", None, None))) | {"message", "asctime"}

# Defence in depth: scrub what looks like a personal id, a phone number, an e-mail address, a bearer
# token, or a value the database echoes in an error ("Key (applicant_id_number)=(...)"). A number
# inside a longer word (a request id, a hash, a code) is not a phone or an id: the patterns need a
# boundary that is neither a letter nor a digit on both sides.
_ALNUM_BEFORE, _ALNUM_AFTER = r"(?<![0-9A-Za-z])", r"(?![0-9A-Za-z])"
_SCRUBBERS = [
    (re.compile(r"Bearer\s+[A-Za-z0-9._~+/=-]+"), "Bearer [redacted]"),
    (re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*"), "[jwt-redacted]"),
    (re.compile(r"\b(Key \([^)]*\))=\([^)]*\)"), r"\1=([redacted])"),
    (
        re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
        "[email-redacted]",
    ),
    (re.compile(_ALNUM_BEFORE + r"(?:\+?84|0)\d{9,10}" + _ALNUM_AFTER), "[phone-redacted]"),
    (re.compile(_ALNUM_BEFORE + r"\d{12}" + _ALNUM_AFTER), "[id-redacted]"),
]
# Fields of our own making, never personal data: never rewritten by the scrubbers.
_UNSCRUBBED_FIELDS = frozenset({"request_id", "path", "method", "status", "duration_ms"})


def scrub(text: str) -> str:
    for pattern, replacement in _SCRUBBERS:
        text = pattern.sub(replacement, text)
    return text


def current_request_id() -> str | None:
    return _request_id.get()


def _is_database_error(exc: BaseException) -> bool:
    return isinstance(exc, DBAPIError) or type(exc).__module__.startswith(_DATABASE_MODULES)


def _withhold_database_messages(
    formatted: traceback.TracebackException, exc: BaseException | None
) -> None:
    """A database error's message echoes the values it refused (``invalid input for query argument
    $1: '<a name>'``, ``Key (...)=(<an id>)``): keep its type, SQLSTATE and statement, drop the text.
    Walks the formatted chain and the exceptions' own chain side by side."""
    seen: set[int] = set()
    stack = [(formatted, exc)]
    while stack:
        current, error = stack.pop()
        if error is None or id(error) in seen:
            continue
        seen.add(id(error))
        if _is_database_error(error):
            sqlstate = getattr(error, "sqlstate", None) or getattr(
                getattr(error, "orig", None), "sqlstate", None
            )
            statement = getattr(error, "statement", None)
            text = "(message withheld: it may echo personal data)"
            if sqlstate:
                text += f" SQLSTATE {sqlstate}"
            if statement:
                text += f" [SQL: {statement}]"
            current._str = text  # type: ignore[attr-defined]
        for formatted_next, error_next in (
            (current.__cause__, error.__cause__),
            (current.__context__, error.__context__),
        ):
            if formatted_next is not None:
                stack.append((formatted_next, error_next))


# Exceptions raised by the database driver and the ORM's wrappers of them.
_DATABASE_MODULES = ("asyncpg", "sqlalchemy.dialects", "sqlalchemy.connectors")


class JsonFormatter(logging.Formatter):
    def formatException(self, ei: Any) -> str:
        """The traceback's frames and exception types; database messages withheld, the rest
        scrubbed (tracebacks never carry a statement's parameters: the engine hides them)."""
        _, exc, tb = ei
        if exc is None:
            return super().formatException(ei)
        formatted = traceback.TracebackException(type(exc), exc, tb)
        _withhold_database_messages(formatted, exc)
        return scrub("".join(formatted.format()).rstrip("\n"))

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": scrub(record.getMessage()),
        }
        request_id = getattr(record, "request_id", None) or _request_id.get()
        if request_id:
            payload["request_id"] = request_id
        for key, value in record.__dict__.items():
            if key not in _RESERVED and not key.startswith("_"):
                scrubbed = isinstance(value, str) and key not in _UNSCRUBBED_FIELDS
                payload[key] = scrub(value) if scrubbed else value
        if record.exc_info:
            payload["exc"] = scrub(self.formatException(record.exc_info))
        return json.dumps(payload, ensure_ascii=False, default=str)


def configure_logging(level: str = "INFO", *, json_logs: bool = True) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if json_logs:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # uvicorn's own access log prints the query string; ours does not.
    logging.getLogger("uvicorn.access").disabled = True
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True


_REQUEST_ID_OK = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestContextMiddleware:
    """Assigns a request id (or keeps a well-formed incoming ``X-Request-ID``) and logs one access line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.log = logging.getLogger("motcua.access")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _REQUEST_ID_OK.match(incoming) else uuid.uuid4().hex
        token = _request_id.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            self.log.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": scope.get("method"),
                    "path": scope.get("path"),
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
            )
            _request_id.reset(token)
