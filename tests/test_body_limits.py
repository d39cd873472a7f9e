"""Limits before work (issue 11): request bodies are capped while they stream in, before any route
reads them or authenticates the caller; uploads have their own, larger limit."""

from __future__ import annotations

from collections.abc import AsyncIterator

from httpx import ASGITransport, AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.config import Settings
from tests.conftest import build_app

LIMIT = 4096


def _client(
    settings: Settings, engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> AsyncClient:
    app = build_app(settings.model_copy(update={"max_body_bytes": LIMIT}), engine, session_factory)
    return AsyncClient(transport=ASGITransport(app=app), base_url="http://test")


async def test_a_declared_body_over_the_limit_is_refused_before_it_is_read(
    settings: Settings, engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    async with _client(settings, engine, session_factory) as client:
        big = await client.post(
            "/api/v1/dossiers",
            content=b"{" + b" " * LIMIT + b"}",
            headers={"Content-Type": "application/json"},
        )
        small = await client.post(
            "/api/v1/dossiers", content=b"{}", headers={"Content-Type": "application/json"}
        )
    assert big.status_code == 413
    assert big.headers["content-type"].startswith("application/problem+json")
    assert (big.json()["code"], big.json()["status"]) == ("payload_too_large", 413)
    assert small.status_code == 401  # under the limit: the route answers (no token)


async def test_a_streamed_body_is_cut_off_at_the_limit(
    settings: Settings, engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: chunked
        nonlocal sent
        for _ in range(1000):
            sent += 1024
            yield b" " * 1024

    async with _client(settings, engine, session_factory) as client:
        response = await client.post(
            "/api/v1/auth/token",
            content=chunks(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    assert sent < 1000 * 1024  # the rest of the body was never pulled in


async def test_uploads_have_their_own_limit(
    settings: Settings, engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    body = b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
    body += (
        b"Content-Type: application/pdf\r\n\r\n%PDF-1.4\n" + b" " * (LIMIT * 4) + b"\r\n--b--\r\n"
    )
    async with _client(settings, engine, session_factory) as client:
        response = await client.post(
            "/api/v1/uploads",
            content=body,
            headers={"Content-Type": "multipart/form-data; boundary=b"},
        )
    assert response.status_code == 401  # past the body limit of other routes: the route answers
