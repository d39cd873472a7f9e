"""The content check: a stored file must open with a maintained library as the type its bytes claim.

The first bytes (``file_types.detect``) only say what a file pretends to be. After the stream is
stored and hashed, a PDF must parse with pypdf and have at least one page, and an image must pass
Pillow's ``verify()`` and then decode whole, within a pixel limit (decompression bombs). The check
runs off the event loop under a time limit and only on files within a size limit; a file that fails is refused with 415 ``file_unreadable`` naming the reason.

The libraries run in a child process (``isolation.run_isolated``), not a thread: on timeout the
child is killed and the request answered at once, and the child's memory is capped, so a crafted
file can neither hold a worker for ever nor exhaust the server's memory.
"""

from __future__ import annotations

import io
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

from PIL import Image
from pypdf import PdfReader

from app.errors import ProblemCode, UnsupportedMediaType
from app.services.uploads import isolation
from app.services.uploads.file_types import FileType

log = logging.getLogger(__name__)

_PIL_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}


@dataclass(frozen=True)
class ContentLimits:
    max_bytes: int
    timeout_seconds: float
    max_image_pixels: int
    max_memory_bytes: int = 1024 * 1024 * 1024


class _Unreadable(Exception):
    """Why a file does not open; ``reason`` is a stable machine word, ``detail`` Vietnamese."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail

    def __reduce__(self) -> tuple[type[_Unreadable], tuple[str, str]]:
        return (_Unreadable, (self.reason, self.detail))  # it crosses the child's pipe


def _refuse(reason: str, detail: str) -> UnsupportedMediaType:
    return UnsupportedMediaType(detail, code=ProblemCode.file_unreadable, extra={"reason": reason})


def _check_pdf(data: bytes) -> int:
    """The page count of a PDF that pypdf can parse; at least one page."""
    try:
        pages = len(PdfReader(io.BytesIO(data), strict=False).pages)
    except Exception as exc:  # pypdf raises many kinds on broken input
        raise _Unreadable(
            "pdf_unreadable", "Tệp PDF bị hỏng hoặc không đọc được (không mở được tệp)."
        ) from exc
    if pages < 1:
        raise _Unreadable("pdf_no_pages", "Tệp PDF không có trang nào.")
    return pages


def _check_image(data: bytes, file_type: FileType, max_pixels: int) -> None:
    """Pillow opens it as the detected format, its structure verifies, and it decodes whole."""
    unreadable = _Unreadable("image_unreadable", "Tệp ảnh bị hỏng hoặc không giải mã được.")
    try:
        with Image.open(io.BytesIO(data), formats=[_PIL_FORMATS[file_type.content_type]]) as image:
            width, height = image.size
            if width * height > max_pixels:
                raise _Unreadable(
                    "image_too_large",
                    f"Ảnh có quá nhiều điểm ảnh ({width}×{height}; tối đa {max_pixels}).",
                )
            image.verify()  # chunk structure and checksums, without decoding
        with Image.open(io.BytesIO(data)) as image:  # verify() leaves the image unusable
            image.load()  # the pixels decode (a truncated or corrupt body fails here)
    except _Unreadable:
        raise
    except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError...
        raise unreadable from exc


def check_bytes(data: bytes, file_type: FileType, limits: ContentLimits) -> None:
    """The whole check, synchronous (run in the isolated child); raises ``_Unreadable``."""
    if file_type.content_type == "application/pdf":
        _check_pdf(data)
    else:
        _check_image(data, file_type, limits.max_image_pixels)


async def _read(chunks: AsyncIterator[bytes], max_bytes: int) -> bytes:
    buffer = bytearray()
    async for chunk in chunks:
        buffer += chunk
        if len(buffer) > max_bytes:
            raise _refuse("too_large_to_check", "Tệp quá lớn để kiểm tra nội dung.")
    return bytes(buffer)


async def check_stored(
    chunks: AsyncIterator[bytes], file_type: FileType, limits: ContentLimits
) -> None:
    """Read the stored file (at most ``max_bytes``) and check it off the loop, in time; 415 if not."""
    data = await _read(chunks, limits.max_bytes)
    try:
        await isolation.run_isolated(
            check_bytes,
            data,
            file_type,
            limits,
            timeout_seconds=limits.timeout_seconds,
            memory_bytes=limits.max_memory_bytes,
        )
    except _Unreadable as exc:
        raise _refuse(exc.reason, exc.detail) from exc
    except (isolation.ChildFailed, MemoryError) as exc:
        log.warning("upload_content_check_failed", extra={"content_type": file_type.content_type})
        raise _refuse(
            "check_failed", "Không kiểm tra được nội dung tệp (tệp có thể bị hỏng)."
        ) from exc
    except TimeoutError as exc:
        log.warning("upload_content_check_timeout", extra={"content_type": file_type.content_type})
        raise _refuse(
            "check_timeout", "Không kiểm tra được nội dung tệp trong thời gian cho phép."
        ) from exc
