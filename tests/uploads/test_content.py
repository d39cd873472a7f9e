"""The content check: a file must open with pypdf or Pillow as the type its first bytes claim."""

from __future__ import annotations

import io
import multiprocessing
import os
import struct
import time
import zlib
from collections.abc import AsyncIterator

import pytest
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import UnsupportedMediaType
from app.models.upload import Upload
from app.services.uploads import content as upload_content
from app.services.uploads import isolation
from app.services.uploads.file_types import FILE_TYPES
from tests.uploads.conftest import JPEG, PDF, PNG, UploadApp, UploadAppFactory

PDF_TYPE, JPEG_TYPE, PNG_TYPE = FILE_TYPES


def corrupt_png_body(png: bytes) -> bytes:
    """A valid signature and IHDR, then an IDAT whose data is damaged (its CRC no longer matches)."""
    at = png.index(b"IDAT") + 4
    return png[:at] + bytes([png[at] ^ 0xFF]) + png[at + 1 :]


def png_with_garbage_idat(png: bytes) -> bytes:
    """Every checksum right, so ``verify()`` passes; the compressed pixels are not zlib at all."""
    at = png.index(b"IDAT") - 4
    (length,) = struct.unpack(">I", png[at : at + 4])
    garbage = b"\x00" * length
    chunk = struct.pack(">I", length) + b"IDAT" + garbage
    chunk += struct.pack(">I", zlib.crc32(b"IDAT" + garbage))
    return png[:at] + chunk + png[at + 12 + length :]


def _png(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("1", size).save(out, "PNG")
    return out.getvalue()


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Upload)) or 0)


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [
        (PDF[: len(PDF) // 2], "cat-ngang.pdf", "pdf_unreadable"),
        (PDF[:-60], "thieu-cuoi.pdf", "pdf_unreadable"),
        (corrupt_png_body(PNG), "hong.png", "image_unreadable"),
        (png_with_garbage_idat(PNG), "rac.png", "image_unreadable"),
        (JPEG[: len(JPEG) // 2], "cat-ngang.jpg", "image_unreadable"),
    ],
)
async def test_a_file_that_does_not_open_is_refused_and_its_bytes_removed(
    uploads: UploadApp, session: AsyncSession, content: bytes, name: str, reason: str
) -> None:
    response = await uploads.upload(await uploads.citizen(), content, name)
    assert response.status_code == 415, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "file_unreadable"
    assert problem["reason"] == reason
    assert uploads.stored_files() == []
    assert list(uploads.upload_dir.rglob("*.part")) == []
    assert await count(session) == 0


async def test_valid_files_pass(uploads: UploadApp) -> None:
    headers = await uploads.citizen()
    for content, name in ((PDF, "a.pdf"), (JPEG, "b.jpg"), (PNG, "c.png")):
        response = await uploads.upload(headers, content, name)
        assert response.status_code == 201, (name, response.text)
    assert len(uploads.stored_files()) == 3


async def test_an_image_over_the_pixel_limit_is_refused(
    make_upload_app: UploadAppFactory,
) -> None:
    uploads = await make_upload_app(upload_max_image_pixels=10_000)
    bomb = _png((1000, 1000))  # a few hundred bytes, a million pixels
    response = await uploads.upload(await uploads.citizen(), bomb, "bom.png")
    assert response.status_code == 415
    assert response.json()["reason"] == "image_too_large"
    assert uploads.stored_files() == []
    small = await uploads.upload(await uploads.citizen(), _png((100, 100)), "nho.png")
    assert small.status_code == 201


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


def _spin(seconds: float) -> None:
    """A parser stuck in a loop (pure Python, so only a kill stops it)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def _allocate(size: int) -> int:
    return len(bytearray(size))


async def test_a_stuck_check_is_killed_at_its_time_limit() -> None:
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        await isolation.run_isolated(_spin, 60.0, timeout_seconds=0.5, memory_bytes=1 << 30)
    assert time.monotonic() - started < 5
    # the child is gone, not left spinning: no live child process of ours remains
    assert [p for p in multiprocessing.active_children() if p.name.startswith("Process")] == []


async def test_the_check_runs_in_another_process_with_its_memory_capped() -> None:
    assert await isolation.run_isolated(os.getpid, timeout_seconds=10, memory_bytes=1 << 30) != (
        os.getpid()
    )
    assert await isolation.run_isolated(
        _allocate, 1 << 20, timeout_seconds=10, memory_bytes=1 << 30
    ) == (1 << 20)
    with pytest.raises(MemoryError):
        await isolation.run_isolated(_allocate, 2 << 30, timeout_seconds=10, memory_bytes=1 << 30)


async def test_a_timed_out_content_check_is_refused_as_415() -> None:
    limits = upload_content.ContentLimits(
        max_bytes=1024, timeout_seconds=0.000001, max_image_pixels=100
    )
    with pytest.raises(UnsupportedMediaType) as refused:
        await upload_content.check_stored(_chunks(PDF), PDF_TYPE, limits)
    assert refused.value.extra == {"reason": "check_timeout"}


async def test_a_stored_file_over_the_size_limit_is_not_checked() -> None:
    limits = upload_content.ContentLimits(
        max_bytes=len(PDF) - 1, timeout_seconds=5, max_image_pixels=100
    )
    with pytest.raises(UnsupportedMediaType) as refused:
        await upload_content.check_stored(_chunks(PDF), PDF_TYPE, limits)
    assert refused.value.extra == {"reason": "too_large_to_check"}
    ok = upload_content.ContentLimits(max_bytes=len(PDF), timeout_seconds=5, max_image_pixels=100)
    await upload_content.check_stored(_chunks(PDF), PDF_TYPE, ok)


def _unpicklable() -> object:
    return lambda: None


async def test_an_answer_that_cannot_cross_the_pipe_is_a_child_failure() -> None:
    with pytest.raises(isolation.ChildFailed):
        await isolation.run_isolated(_unpicklable, timeout_seconds=10, memory_bytes=1 << 30)
