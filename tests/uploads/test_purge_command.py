"""`motcua purge-uploads` run as a real subprocess against a committed database."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from app.models.upload import OwnerKind, Upload
from app.services.uploads.storage import LocalStorage
from tests.conftest import TEST_SECRET


@pytest.mark.committed
def test_purge_command_deletes_expired_rows_and_files(
    clone_database: Callable[[], str], tmp_path: Path
) -> None:
    url = clone_database()
    storage = LocalStorage(tmp_path / "uploads")
    now = datetime.now(UTC)

    async def seed() -> dict[str, str]:
        async def chunks() -> AsyncIterator[bytes]:
            yield b"%PDF-1.7\n"

        keys = {}
        engine = create_async_engine(url)
        async with engine.begin() as conn:
            for name, expires in (
                ("expired", now - timedelta(hours=1)),
                ("live", now + timedelta(hours=1)),
            ):
                keys[name] = await storage.put(chunks())
                await conn.execute(
                    Upload.__table__.insert().values(
                        id=uuid.uuid4(),
                        owner_kind=OwnerKind.citizen,
                        owner_issuer="motcua-dev-citizen",
                        owner_subject="c",
                        file_name="a.pdf",
                        content_type="application/pdf",
                        size=9,
                        sha256="0" * 64,
                        storage_key=keys[name],
                        expires_at=expires,
                    )
                )
        await engine.dispose()
        return keys

    async def remaining() -> set[str]:
        engine = create_async_engine(url)
        async with engine.connect() as conn:
            rows = set((await conn.scalars(select(Upload.storage_key))).all())
        await engine.dispose()
        return rows

    keys = asyncio.run(seed())
    env = {
        **os.environ,
        "MOTCUA_ENV": "test",
        "MOTCUA_DATABASE_URL": url,
        "MOTCUA_SECRET_KEY": TEST_SECRET,
        "MOTCUA_UPLOAD_DIR": str(tmp_path / "uploads"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "purge-uploads"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "purged 1 expired uploads" in result.stderr
    assert asyncio.run(remaining()) == {keys["live"]}
    assert not (tmp_path / "uploads" / keys["expired"]).exists()
    assert (tmp_path / "uploads" / keys["live"]).is_file()
