"""The demo's sandbox gateway in a headless browser (issue 15, acceptance 4): a citizen's dossier,
a payment, the sandbox's page, "Thanh toán", the return page, the dossier paid. And the sandbox is
absent outside demo mode."""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from playwright.sync_api import sync_playwright
from pydantic import SecretStr

from app.config import Environment
from app.db import create_engine, create_session_factory
from app.main import create_app
from tests.conftest import make_settings
from tests.dossiers.conftest import BIRTH, COMMUNE, World
from tests.web.live import free_port, serve
from tests.web.test_docs_browser import BROWSER_ARGS, CHROMIUM

pytestmark = [
    pytest.mark.committed,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


def _sandbox_settings(url: str, base: str, tmp: Path, env: Environment) -> object:
    terminal = {
        "hash_secret": secrets.token_urlsafe(32),
        "pay_url": base + "/sandbox/vnpay/pay",
        "api_url": base + "/sandbox/vnpay/api",
    }
    return make_settings(
        url,
        env=env,
        data_dir=tmp,
        upload_dir=tmp / "uploads",
        public_base_url=base,
        payment_sandbox=True,
        payment_merchants=SecretStr(json.dumps({"vnpay": {"SANDBOX1": terminal}})),
        payment_agency_merchants=json.dumps({"*": {"vnpay": "SANDBOX1"}}),
    )


def _paths(app: FastAPI) -> list[str]:
    return [str(getattr(c.route, "path", "")) for c in iter_route_contexts(app.routes)]


def test_the_sandbox_exists_only_in_demo_mode(tmp_path: Path) -> None:
    url = "postgresql+asyncpg://u@localhost/unused"
    base = "http://127.0.0.1:8000"
    demo = create_app(_sandbox_settings(url, base, tmp_path, Environment.demo))  # type: ignore[arg-type]
    test = create_app(_sandbox_settings(url, base, tmp_path, Environment.test))  # type: ignore[arg-type]
    assert any(path.startswith("/sandbox/") for path in _paths(demo))
    assert not any(path.startswith("/sandbox/") for path in _paths(test))
    with pytest.raises(ValueError, match="MOTCUA_PAYMENT_SANDBOX"):
        make_settings(url, env=Environment.production, secret_key=SecretStr("k" * 40),
                      payment_sandbox=True)  # fmt: skip


async def test_a_citizen_pays_in_the_sandbox_page(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path
) -> None:
    url = clone_demo()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings = _sandbox_settings(url, base, tmp_path, Environment.demo)
    app = create_app(settings)  # type: ignore[arg-type]
    app.state.dev_issuer.private_key_pem = dev_key
    engine = create_engine(url, settings)  # type: ignore[arg-type]
    try:
        with serve(app, port):
            async with httpx.AsyncClient(base_url=base, timeout=30) as client:
                world = World(app, client, create_session_factory(engine), settings)  # type: ignore[arg-type]
                citizen = await world.citizen("sandbox-payer")
                submitted = await world.submit_online(
                    citizen, BIRTH, COMMUNE, fee_choices=[{"index": 1, "copies": 2}]
                )
                assert submitted.status_code == 201, submitted.text
                code = submitted.json()["code"]
                started = await client.post(
                    f"/api/v1/dossiers/{code}/payments", json={"provider": "vnpay"},
                    headers=citizen,
                )  # fmt: skip
                assert started.status_code == 201, started.text
                pay_url = started.json()["pay_url"]
                assert pay_url.startswith(base + "/sandbox/vnpay/pay?")
                final_text, final_url = await asyncio.to_thread(_pay_in_browser, pay_url)
                assert "/api/v1/payments/vnpay/return" in final_url
                assert "Đã thanh toán" in final_text
                view = (await world.get(code, citizen)).json()
                copy_line = view["fee_lines"][1]
                assert copy_line["amount"] == 16_000 and copy_line["paid_at"] is not None
                assert copy_line["receipt_number"].startswith("BLDT-")
    finally:
        await engine.dispose()


def _pay_in_browser(pay_url: str) -> tuple[str, str]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.goto(pay_url)
            assert "16.000 đồng" in page.inner_text("body")
            page.get_by_role("button", name="Thanh toán").click()
            page.wait_for_url("**/api/v1/payments/vnpay/return**")
            return page.inner_text("body"), page.url
        finally:
            browser.close()
