"""An app whose uploads go to a temporary folder, and tokens for citizens and officers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.services.identity.dev_issuer import generate_private_key_pem
from tests.conftest import build_app, make_settings
from tests.samples import JPEG, PDF, PNG

__all__ = ["HTML", "JPEG", "PDF", "PNG"]

HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture(scope="session")
def dev_key() -> bytes:
    return generate_private_key_pem()


@dataclass
class UploadApp:
    app: FastAPI
    client: AsyncClient
    upload_dir: Path

    async def citizen(self, subject: str = "citizen-1") -> dict[str, str]:
        token, _ = await self.app.state.dev_issuer.mint(subject, "Nguyễn Văn An", "001099000123")
        return {"Authorization": f"Bearer {token}"}

    def stored_files(self) -> list[Path]:
        return sorted(p for p in self.upload_dir.rglob("*") if p.is_file())

    async def upload(
        self, headers: dict[str, str], content: bytes, name: str = "tep.pdf", declared: str = ""
    ) -> Any:
        files = {"file": (name, content, declared or "application/octet-stream")}
        return await self.client.post("/api/v1/uploads", files=files, headers=headers)


UploadAppFactory = Callable[..., Awaitable[UploadApp]]


@pytest.fixture
async def make_upload_app(
    db_url: str,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    tmp_path: Path,
    dev_key: bytes,
) -> AsyncIterator[UploadAppFactory]:
    clients: list[AsyncClient] = []

    async def factory(**overrides: Any) -> UploadApp:
        upload_dir = tmp_path / "uploads"
        settings = make_settings(db_url, upload_dir=upload_dir, data_dir=tmp_path, **overrides)
        app = build_app(settings, engine, session_factory)
        app.state.dev_issuer.private_key_pem = dev_key
        client = AsyncClient(transport=ASGITransport(app=app), base_url="http://test")
        clients.append(client)
        return UploadApp(app, client, upload_dir)

    yield factory
    for client in clients:
        await client.aclose()


@pytest.fixture
async def uploads(make_upload_app: UploadAppFactory) -> UploadApp:
    return await make_upload_app()
