"""Limits before work: a request body is capped while it streams in, before any route reads it.

A JSON body used to be read whole before authentication (a 150 MB body peaked at 600 MB of memory).
Here every request body is counted as it arrives: a declared ``Content-Length`` over the limit is
refused before a byte is read, and a streamed (chunked) body is refused as soon as it passes the
limit; either way the answer is a 413 problem, whatever the route was doing with the body. Uploads
have their own, larger limit (the file's own limit is enforced by the upload parser). The body itself
is passed on untouched (signatures of callbacks are computed over the raw bytes).
"""

from __future__ import annotations

import contextlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import ProblemCode
from app.problems import problem_response

UPLOAD_PATH = "/api/v1/uploads"
# room for the multipart envelope around an upload's file (boundaries, part headers, small fields)
MULTIPART_OVERHEAD_BYTES = 64 * 1024


class BodyTooLarge(Exception):
    """Raised into the app from ``receive`` once the body passed its limit."""


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_upload_bytes = max_upload_bytes + MULTIPART_OVERHEAD_BYTES

    def limit_for(self, scope: Scope) -> int:
        if scope.get("method") == "POST" and scope.get("path") == UPLOAD_PATH:
            return self.max_upload_bytes
        return self.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _too_large(limit)(scope, receive, send)
            return
        received = 0
        exceeded = False
        started = False

        async def limited_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded:  # whatever the app answers to the interrupted read, the answer is ours
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        with contextlib.suppress(BodyTooLarge):  # raised from our receive; the answer is below
            await self.app(scope, limited_receive, guarded_send)
        if exceeded and not started:
            await _too_large(limit)(scope, receive, send)


def _too_large(limit: int) -> ASGIApp:
    return problem_response(
        status=413,
        code=ProblemCode.payload_too_large,
        detail=f"Dữ liệu gửi lên vượt quá giới hạn {limit:,} byte.".replace(",", "."),
    )
