"""Per-owner caps on live unattached uploads: a count (429) and a total of bytes (413)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from httpx import ASGITransport, AsyncClient
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import create_engine, create_session_factory
from app.models.upload import Upload
from app.services.uploads import content as upload_content
from tests.conftest import build_app, make_settings
from tests.uploads.conftest import PDF, PNG, UploadAppFactory

URL = "/api/v1/uploads"


async def owned(session: AsyncSession, subject: str) -> int:
    query = select(func.count()).select_from(Upload).where(Upload.owner_subject == subject)
    return int(await session.scalar(query) or 0)


async def test_over_the_count_is_429_until_one_is_attached_or_expires(
    make_upload_app: UploadAppFactory, session: AsyncSession
) -> None:
    uploads = await make_upload_app(upload_max_pending_files=2)
    owner = await uploads.citizen("citizen-count")
    first = await uploads.upload(owner, PDF)
    assert first.status_code == 201
    assert (await uploads.upload(owner, PNG, "b.png")).status_code == 201
    refused = await uploads.upload(owner, PDF)
    assert refused.status_code == 429, refused.text
    assert refused.json()["code"] == "too_many_pending_uploads"
    assert refused.json()["max_pending_files"] == 2
    assert 0 < int(refused.headers["retry-after"]) <= 24 * 3600
    assert len(uploads.stored_files()) == 2
    # another owner has caps of their own
    other = await uploads.upload(await uploads.citizen("citizen-other"), PDF)
    assert other.status_code == 201

    # attached uploads no longer count, nor do expired ones
    await session.execute(
        update(Upload).where(Upload.id == first.json()["id"]).values(attached_at=datetime.now(UTC))
    )
    await session.commit()
    assert (await uploads.upload(owner, PDF)).status_code == 201
    assert (await uploads.upload(owner, PDF)).status_code == 429
    await session.execute(
        update(Upload)
        .where(Upload.owner_subject == "citizen-count", Upload.attached_at.is_(None))
        .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    )
    await session.commit()
    assert (await uploads.upload(owner, PDF)).status_code == 201


async def test_over_the_bytes_is_413_while_streaming(
    make_upload_app: UploadAppFactory, session: AsyncSession
) -> None:
    uploads = await make_upload_app(upload_max_pending_bytes=2 * len(PDF) + 10)
    owner = await uploads.citizen("citizen-bytes")
    assert (await uploads.upload(owner, PDF)).status_code == 201
    assert (await uploads.upload(owner, PDF)).status_code == 201
    refused = await uploads.upload(owner, PDF)
    assert refused.status_code == 413, refused.text
    problem = refused.json()
    assert problem["code"] == "pending_uploads_too_large"
    assert problem["pending_bytes"] == 2 * len(PDF)
    assert problem["max_pending_bytes"] == 2 * len(PDF) + 10
    assert len(uploads.stored_files()) == 2
    assert list(uploads.upload_dir.rglob("*.part")) == []
    assert await owned(session, "citizen-bytes") == 2


async def test_the_allowance_stops_the_stream_early(make_upload_app: UploadAppFactory) -> None:
    """A chunked body far beyond the remaining allowance is cut off, not read whole."""
    uploads = await make_upload_app(upload_max_pending_bytes=4096)
    boundary = "cap-boundary"
    sent = {"chunks": 0}

    async def body() -> AsyncIterator[bytes]:
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode() + PDF
        for _ in range(200):
            sent["chunks"] += 1
            yield b"0" * 65536
        yield f"\r\n--{boundary}--\r\n".encode()

    response = await uploads.client.post(
        URL,
        content=body(),
        headers={
            **(await uploads.citizen("citizen-stream")),
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        },
    )
    assert response.status_code == 413
    assert response.json()["code"] == "pending_uploads_too_large"
    assert sent["chunks"] < 3
    assert uploads.stored_files() == []


@pytest.fixture
def url(clone_database: Callable[[], str]) -> str:
    return clone_database()  # outside the test's event loop: cloning runs its own


async def test_parallel_uploads_cannot_both_slip_under_the_cap(
    url: str, tmp_path: Path, dev_key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real commits, two requests in parallel: both pass the early count (each body waits for the
    other's) and both finish their content check before either counts again, so only the owner's
    lock around the last count and the insert can refuse one (without it both are stored)."""
    checked = 0
    both_checked = asyncio.Event()
    check_stored = upload_content.check_stored

    async def check_then_wait(*args: Any) -> None:
        nonlocal checked
        await check_stored(*args)
        checked += 1
        if checked == 2:
            both_checked.set()
        await asyncio.wait_for(both_checked.wait(), 10)

    monkeypatch.setattr(upload_content, "check_stored", check_then_wait)
    settings = make_settings(
        url, upload_dir=tmp_path / "uploads", data_dir=tmp_path, upload_max_pending_files=1
    )
    engine = create_engine(url, settings)
    factory = create_session_factory(engine)
    boundary = "race-boundary"
    started = 0
    both_started = asyncio.Event()

    async def body() -> AsyncIterator[bytes]:
        nonlocal started
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        started += 1  # the body is read only after the early count
        if started == 2:
            both_started.set()
        await asyncio.wait_for(both_started.wait(), 10)
        yield PDF + f"\r\n--{boundary}--\r\n".encode()

    try:
        app = build_app(settings, engine, factory)
        app.state.dev_issuer.private_key_pem = dev_key
        token, _ = await app.state.dev_issuer.mint("citizen-race", "Trần Văn Bình", "001099000124")
        headers = {
            "Authorization": f"Bearer {token}",
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        }
        async with AsyncClient(transport=ASGITransport(app=app), base_url="http://t") as client:
            responses = await asyncio.gather(
                *(client.post(URL, content=body(), headers=headers) for _ in range(2))
            )
        statuses = sorted(r.status_code for r in responses)
        assert statuses == [201, 429], [r.text for r in responses]
        async with factory() as session:
            assert await owned(session, "citizen-race") == 1
        stored = [p for p in (tmp_path / "uploads").rglob("*") if p.is_file()]
        assert len(stored) == 1
    finally:
        await engine.dispose()
