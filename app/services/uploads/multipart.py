"""A streaming reader of ``multipart/form-data`` bodies that holds at most one chunk in memory.

Starlette's form parsing spools whole files (of any size) before the endpoint runs; uploads instead read
the body here, as it arrives, so a size limit stops the transfer as soon as it is passed. Built on
python-multipart's push parser: each body chunk is fed to the parser and the parts' events are
consumed in order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect

from app.errors import (
    BadRequest,
    PayloadTooLarge,
    ProblemCode,
    UnsupportedMediaType,
    ValidationFailed,
)

# Room for the multipart envelope (boundaries, part headers, small text fields) beyond the file itself.
ENVELOPE_BYTES = 64 * 1024
MAX_TEXT_FIELD_BYTES = 1024
# RFC 2046 5.1.1: a boundary has 1 to 70 characters; a longer one is malformed (a 400, never a 500)
MAX_BOUNDARY_BYTES = 70


@dataclass(frozen=True)
class FilePart:
    field_name: str
    file_name: str | None
    content_type: str | None


@dataclass(frozen=True)
class _Event:
    """One parser event, carrying what belongs to it: a part's own headers, or a slice of its data.

    The parser runs its callbacks for a whole chunk before any event is consumed, so a chunk may hold
    the end of one part and the headers of the next: the headers are copied into their event, never
    read later from the reader's state.
    """

    kind: Literal["headers", "data", "end"]
    data: bytes = b""
    headers: Mapping[str, bytes] = field(default_factory=dict)


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(
        f"Tệp tải lên vượt quá giới hạn {limit} byte.",
        extra={"max_bytes": limit},
    )


def _malformed() -> BadRequest:
    return BadRequest(
        "Nội dung multipart/form-data không hợp lệ hoặc bị cắt ngang.",
        code=ProblemCode.malformed_multipart,
    )


def _nul_in(field: str) -> ValidationFailed:
    """A NUL character in a text field (PostgreSQL text cannot hold it): a 422 naming the field, like
    the NUL check of every other input (``app.input_guard``). A file name is not refused: its control
    characters, NUL included, are dropped (``file_types.sanitise_file_name``)."""
    return ValidationFailed(
        "Dữ liệu chứa ký tự không hợp lệ (NUL).",
        errors=[
            {
                "field": field.replace("\x00", ""),
                "location": "body",
                "code": "invalid_character",
                "message": "Chứa ký tự không hợp lệ",
            }
        ],
    )


class MultipartReader:
    """Reads one body; ``next_file`` finds the file part, ``file_data`` streams it, ``finish`` ends."""

    def __init__(self, boundary: bytes, body: AsyncIterator[bytes], max_file_bytes: int) -> None:
        self.max_file_bytes = max_file_bytes
        self.max_body_bytes = max_file_bytes + ENVELOPE_BYTES
        self.fields: dict[str, str] = {}
        self._body = body
        self._body_bytes = 0
        self._events: deque[_Event] = deque()
        self._header_name = bytearray()
        self._header_value = bytearray()
        self._headers: dict[str, bytes] = {}
        self._ended = False
        self._exhausted = False
        self._parser = MultipartParser(
            boundary,
            {
                "on_part_begin": self._on_part_begin,
                "on_header_field": self._on_header_field,
                "on_header_value": self._on_header_value,
                "on_header_end": self._on_header_end,
                "on_headers_finished": lambda: self._events.append(
                    _Event("headers", headers=dict(self._headers))
                ),
                "on_part_data": lambda data, start, end: self._events.append(
                    _Event("data", bytes(data[start:end]))
                ),
                "on_part_end": lambda: self._events.append(_Event("end")),
                "on_end": self._on_end,
            },
        )
        self._current: FilePart | None = None
        self._current_text: str | None = None
        self._text = bytearray()

    @classmethod
    def for_request(
        cls, headers: Mapping[str, str], body: AsyncIterator[bytes], max_file_bytes: int
    ) -> MultipartReader:
        """Checks the framing before a byte is read: media type, boundary, declared length."""
        media_type, options = parse_options_header(headers.get("content-type", ""))
        boundary = options.get(b"boundary")
        if media_type != b"multipart/form-data" or not boundary:
            raise UnsupportedMediaType(
                "Tệp phải được gửi dưới dạng multipart/form-data (trường `file`).",
                code=ProblemCode.multipart_required,
            )
        if len(boundary) > MAX_BOUNDARY_BYTES:
            raise _malformed()
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                raise BadRequest(
                    "Content-Length không hợp lệ.", code=ProblemCode.invalid_content_length
                )
            if int(declared) > max_file_bytes + ENVELOPE_BYTES:
                raise _too_large(max_file_bytes)
        return cls(boundary, body, max_file_bytes)

    @property
    def complete(self) -> bool:
        """The closing boundary was seen."""
        return self._ended

    # parser callbacks -------------------------------------------------------------------------
    def _on_part_begin(self) -> None:
        self._headers = {}

    def _on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def _on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _on_header_end(self) -> None:
        self._headers[self._header_name.decode("latin-1").strip().lower()] = bytes(
            self._header_value
        ).strip()
        self._header_name.clear()
        self._header_value.clear()

    def _on_end(self) -> None:
        self._ended = True

    # reading ----------------------------------------------------------------------------------
    async def _next_event(self) -> _Event | None:
        while not self._events:
            if self._exhausted:
                return None
            try:
                chunk = await anext(self._body, b"")
            except ClientDisconnect as exc:
                raise BadRequest(
                    "Kết nối bị ngắt khi đang tải lên.", code=ProblemCode.upload_aborted
                ) from exc
            if not chunk:
                self._exhausted = True
                continue
            self._body_bytes += len(chunk)
            if self._body_bytes > self.max_body_bytes:
                raise _too_large(self.max_file_bytes)
            try:
                self._parser.write(chunk)
            except MultipartParseError as exc:
                raise _malformed() from exc
        return self._events.popleft()

    @staticmethod
    def _part_from_headers(
        headers: Mapping[str, bytes],
    ) -> tuple[str | None, str | None, str | None]:
        disposition, options = parse_options_header(headers.get("content-disposition"))
        if disposition != b"form-data" or b"name" not in options:
            raise _malformed()
        name = options[b"name"].decode("utf-8", errors="replace")
        raw_file_name = options.get(b"filename")
        file_name = raw_file_name.decode("utf-8", errors="replace") if raw_file_name else None
        content_type = headers.get("content-type")
        return name, file_name, content_type.decode("latin-1") if content_type else None

    async def next_file(self, field_name: str) -> FilePart | None:
        """Reads up to the start of the data of the file in ``field_name``; None if there is none."""
        while (event := await self._next_event()) is not None:
            if event.kind == "headers":
                name, file_name, content_type = self._part_from_headers(event.headers)
                if name == field_name:
                    self._current = FilePart(field_name, file_name, content_type)
                    return self._current
                self._current_text = name if file_name is None else None
                self._text = bytearray()
            elif event.kind == "data" and self._current_text is not None:
                self._append_text(self._current_text, event.data)
            elif event.kind == "end" and self._current_text is not None:
                # decoded once whole: a chunk may split a multi-byte character
                value = self._text.decode("utf-8", errors="replace")
                if "\x00" in value:
                    raise _nul_in(self._current_text)
                self.fields[self._current_text] = value
                self._current_text = None
        return None

    def _append_text(self, name: str, data: bytes) -> None:
        self._text += data
        if len(self._text) > MAX_TEXT_FIELD_BYTES:
            raise ValidationFailed(
                "Trường văn bản quá dài.",
                errors=[
                    {
                        "field": name,
                        "location": "body",
                        "code": "string_too_long",
                        "message": "Chuỗi quá dài",
                    }
                ],
            )

    async def file_data(self) -> AsyncIterator[bytes]:
        """The current file's bytes as they arrive; 413 as soon as they pass the limit."""
        received = 0
        while (event := await self._next_event()) is not None:
            if event.kind == "end":
                return
            if event.kind == "data":
                received += len(event.data)
                if received > self.max_file_bytes:
                    raise _too_large(self.max_file_bytes)
                yield event.data
        raise _malformed()  # the body ended inside the file

    async def finish(self, field_name: str) -> None:
        """Reads the rest of the body: small text fields only, no second file, a proper end."""
        if await self.next_file(field_name) is not None:
            raise ValidationFailed(
                "Mỗi lần chỉ tải lên một tệp.",
                errors=[
                    {
                        "field": field_name,
                        "location": "body",
                        "code": "too_many_files",
                        "message": "Chỉ được gửi một tệp",
                    }
                ],
            )
        if not self._ended:
            raise _malformed()
