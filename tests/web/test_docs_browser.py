"""Swagger UI renders in a headless browser with every request outside 127.0.0.1 refused.

Acceptance of issue 11: ``/docs`` works offline. Debian's Chromium (``make test`` installs it when it
is missing) is driven by Playwright; the test is skipped only where no Chromium can be installed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Route, sync_playwright

from app.db import create_engine, create_session_factory
from app.main import create_app
from app.models.user import Role
from app.services.identity import users as users_service
from tests.conftest import make_settings
from tests.samples import PDF
from tests.web.browser import BROWSER_ARGS, CHROMIUM
from tests.web.live import serve

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Debian's chromium is not installed (make test installs it: apt-get install chromium)",
)


def test_swagger_ui_renders_with_no_network_access(db_url: str, tmp_path: Path) -> None:
    app = create_app(make_settings(db_url, data_dir=tmp_path))
    outside: list[str] = []

    def only_loopback(route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with serve(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", only_loopback)
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"{base}/docs")
            # one operation of the rendered list (Swagger UI's element id names its operationId)
            operation = page.locator("#operations-catalog-search_procedures")
            operation.wait_for(state="visible", timeout=30_000)
            assert page.locator(".opblock").count() > 40
            assert "MotCua API" in page.locator(".info .title").inner_text()
            storage = page.evaluate("() => JSON.stringify(window.localStorage)")
        finally:
            browser.close()
    assert outside == []
    assert errors == []
    assert "authorized" not in storage  # persistAuthorization is off


def _officer_in(url: str) -> tuple[str, str]:
    """An officer account in the database at ``url`` (username, password)."""

    async def create() -> None:
        engine = create_engine(url, make_settings(url))
        try:
            async with create_session_factory(engine)() as session, session.begin():
                await users_service.create_user(
                    session,
                    users_service.NewUser(
                        "swagger.officer",
                        "Cán bộ thử Swagger",
                        "mat-khau-swagger-2026",
                        frozenset({("000.00.01.H99", Role.receptionist)}),
                    ),
                )
        finally:
            await engine.dispose()

    asyncio.run(create())
    return "swagger.officer", "mat-khau-swagger-2026"


def test_an_upload_through_swagger_ui_succeeds(
    clone_database: Callable[[], str], tmp_path: Path
) -> None:
    """Authorize with the officer password flow, then ``POST /api/v1/uploads`` from its form."""
    url = clone_database()
    username, password = _officer_in(url)
    sample = tmp_path / "giay-to.pdf"
    sample.write_bytes(PDF)
    app = create_app(make_settings(url, data_dir=tmp_path))
    with serve(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.goto(f"{base}/docs")
            page.locator("#operations-uploads-upload_create").wait_for(timeout=30_000)
            page.locator("button.authorize").first.click()
            page.locator("#oauth_username").fill(username)
            page.locator("#oauth_password").fill(password)
            page.locator(".auth-btn-wrapper button.authorize").first.click()
            page.locator(".auth-btn-wrapper button.btn-done").first.click()
            operation = page.locator("#operations-uploads-upload_create")
            operation.locator(".opblock-summary").first.click()
            operation.locator("button.try-out__btn").click()
            operation.locator("input[type=file]").set_input_files(str(sample))
            operation.locator("button.execute").click()
            status = operation.locator(".live-responses-table .response .response-col_status")
            status.first.wait_for(timeout=30_000)
            answered = status.first.inner_text().strip()
            body = operation.locator(".live-responses-table .response-col_description pre").first
            text = body.inner_text()
        finally:
            browser.close()
    assert answered == "201", text
    assert "giay-to.pdf" in text


def test_authorize_offers_the_officer_password_flow_and_the_citizen_bearer_token(
    db_url: str, tmp_path: Path
) -> None:
    """Issue 18: Swagger UI's Authorize dialog shows both schemes; a citizen token from the
    development issuer, entered as CitizenBearer, calls a citizen operation."""
    app = create_app(make_settings(db_url, data_dir=tmp_path))
    token, _ = asyncio.run(app.state.dev_issuer.mint("citizen-swagger", "Công Dân Swagger"))
    with serve(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.goto(f"{base}/docs")
            page.locator("#operations-auth-auth_citizen_me").wait_for(timeout=30_000)
            page.locator("button.authorize").first.click()
            dialog = page.locator(".dialog-ux .modal-ux")
            dialog.wait_for(timeout=10_000)
            headings = [h.strip() for h in dialog.locator(".auth-container h4").all_inner_texts()]
            officer = dialog.locator(".auth-container", has_text="OAuth2PasswordBearer")
            has_password_form = officer.locator("#oauth_username").count() == 1
            citizen = dialog.locator(".auth-container", has_text="CitizenBearer")
            citizen.locator("input").first.fill(token)
            citizen.locator("button.authorize").click()
            dialog.locator("button.btn-done").first.click()
            operation = page.locator("#operations-auth-auth_citizen_me")
            operation.locator(".opblock-summary").first.click()
            operation.locator("button.try-out__btn").click()
            operation.locator("button.execute").click()
            status = operation.locator(".live-responses-table .response .response-col_status")
            status.first.wait_for(timeout=30_000)
            answered = status.first.inner_text().strip()
            text = operation.locator(".live-responses-table .response-col_description pre").first
            body = text.inner_text()
        finally:
            browser.close()
    assert any(h.startswith("OAuth2PasswordBearer") for h in headings), headings
    assert any(h.startswith("CitizenBearer") for h in headings), headings
    assert has_password_form
    assert answered == "200", body
    assert "citizen-swagger" in body
