"""Swagger UI and ReDoc are served from a package, never a CDN; they can be switched off.

Rule (issue 11): ``/docs`` renders with no network access, never keeps a token in the browser, and
exists in production only when ``MOTCUA_DOCS_ENABLED`` asks for it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from pydantic import SecretStr

from app.config import Environment, Settings
from app.main import create_app
from tests.conftest import make_settings

UNUSED_DB = "postgresql+asyncpg://unused@localhost/unused"
PAGES = ("/docs", "/redoc", "/docs/oauth2-redirect")


class _Assets(HTMLParser):
    """The URLs a page loads: scripts, stylesheets, icons, images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href"):
            if values.get(name):
                self.urls.append(values[name] or "")


def _client(app: FastAPI) -> AsyncClient:
    return AsyncClient(transport=ASGITransport(app=app), base_url="http://test")


async def test_docs_pages_and_every_asset_they_load_come_from_the_app() -> None:
    app = create_app(make_settings(UNUSED_DB))
    async with _client(app) as client:
        loaded = set()
        for page in PAGES:
            response = await client.get(page)
            assert response.status_code == 200, page
            assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", response.text, re.I), page
            parser = _Assets()
            parser.feed(response.text)
            loaded.update(parser.urls)
        assert {
            "/docs/static/swagger-ui-bundle.js",
            "/docs/static/swagger-ui.css",
            "/docs/static/redoc.standalone.js",
            "/docs/static/favicon.png",
        } <= loaded
        for url in sorted(loaded):
            assert url.startswith("/"), url
            asset = await client.get(url)
            assert asset.status_code == 200, url
            assert asset.content, url
        spec = await client.get("/openapi.json")
        assert spec.status_code == 200
        swagger = (await client.get("/docs")).text
    assert '"persistAuthorization": false' in swagger  # no token kept in localStorage
    assert '"validatorUrl": null' in swagger  # no badge from the public validator


@pytest.mark.parametrize(
    ("settings", "on"),
    [
        (make_settings(UNUSED_DB), True),
        (make_settings(UNUSED_DB, docs_enabled=False), False),
        (
            Settings(
                env=Environment.production,
                database_url=SecretStr(UNUSED_DB),
                secret_key=SecretStr("s" * 40),
                _env_file=None,  # type: ignore[call-arg]
            ),
            False,
        ),
        (
            Settings(
                env=Environment.production,
                database_url=SecretStr(UNUSED_DB),
                secret_key=SecretStr("s" * 40),
                docs_enabled=True,
                _env_file=None,  # type: ignore[call-arg]
            ),
            True,
        ),
    ],
    ids=["test-default-on", "switched-off", "production-default-off", "production-switched-on"],
)
async def test_docs_follow_the_setting(settings: Settings, on: bool) -> None:
    assert settings.docs_on is on
    app = create_app(settings)
    async with _client(app) as client:
        for path in (*PAGES, "/openapi.json", "/docs/static/swagger-ui.css"):
            response = await client.get(path)
            assert response.status_code == (200 if on else 404), path
        # the API itself is there either way
        assert (await client.get("/health")).status_code == 200
