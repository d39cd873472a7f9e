"""The leaders' report page (issue 17, acceptance 4): the password sign-in, the caller's scope, the
charts; and in headless Chromium (Debian's, through Playwright) with a screenshot kept as an artifact
under ``.motcua/test-artifacts/``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg
import pytest
from playwright.sync_api import Route, sync_playwright
from sqlalchemy.ext.asyncio import AsyncSession

from app.main import create_app
from tests.conftest import make_settings
from tests.dossiers.conftest import COMMUNE, World
from tests.web.live import serve
from tests.web.test_docs_browser import BROWSER_ARGS, CHROMIUM

DEMO_PASSWORD = "motcua-demo-2026"  # app/demo/accounts.json
ARTIFACTS = Path(__file__).resolve().parents[2] / ".motcua" / "test-artifacts"


async def _signed_in(world: World, username: str) -> dict[str, str]:
    response = await world.client.post(
        "/reports/sign-in", data={"username": username, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 303, response.text
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/reports" in cookie
    return {"Cookie": cookie.split(";", 1)[0]}


async def test_the_page_asks_for_a_password_then_shows_the_callers_scope(
    world: World, session: AsyncSession
) -> None:
    anonymous = await world.client.get("/reports")
    assert anonymous.status_code == 200 and 'action="/reports/sign-in"' in anonymous.text
    assert "default-src 'none'" in anonymous.headers["content-security-policy"]
    wrong = await world.client.post(
        "/reports/sign-in", data={"username": "lanhdao.xa", "password": "sai-mat-khau"}
    )
    assert (
        wrong.status_code == 200
        and "không đúng" in wrong.text
        and "set-cookie" not in wrong.headers
    )
    commune = await world.client.get(
        "/reports", params={"period": "2026"}, headers=await _signed_in(world, "lanhdao.xa")
    )
    assert commune.status_code == 200
    assert f"phạm vi: {COMMUNE}" in commune.text and "<svg" in commune.text
    for section in ("index", "trend", "online", "late-agencies", "late-procedures"):
        assert f'id="{section}"' in commune.text
    province = await world.client.get("/reports", headers=await _signed_in(world, "admin"))
    assert "phạm vi: toàn tỉnh" in province.text
    out = await world.client.post("/reports/sign-out")
    assert out.status_code == 303 and 'motcua_reports=""' in out.headers["set-cookie"]


async def _seed_rollups(url: str) -> None:
    """Rollup rows of 2026 for the commune and a department, as the handler writes them."""
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    try:
        procedure = await conn.fetchval("SELECT id FROM procedures WHERE code = '1.001193' LIMIT 1")
        rows = []
        for month in range(1, 12):
            for agency, channel, received, online_share, late in (
                (COMMUNE, "online", 40, 1.0, month % 4),
                (COMMUNE, "desk", 30, 0.0, 1),
                ("000.00.12.H99", "desk", 20, 0.0, 3),
                ("000.00.12.H99", "online", 10, 1.0, 0),
            ):
                day = date(2026, month, 10)
                rows.append(
                    (
                        day,
                        agency,
                        "",
                        procedure,
                        channel,
                        received,
                        int(received * online_share),
                        received,
                        received - late,
                    )
                )
        await conn.executemany(
            "INSERT INTO stats_daily"  # noqa: S608 - fixed column names
            " (day, agency_code, unit_code, procedure_id, channel, "
            + ", ".join(f"{c}" for c in _COUNTERS)
            + ") VALUES ($1, $2, $3, $4, $5, "
            + ", ".join(_VALUES)
            + ")",
            rows,
        )
    finally:
        await conn.close()


_COUNTERS = (
    "submitted",
    "rejected",
    "received",
    "received_online",
    "received_postal",
    "synced",
    "fee_bearing",
    "paid_online",
    "digitised",
    "reused",
    "population_data",
    "with_result",
    "e_result",
    "rated",
    "rating_sum",
    "dissatisfied",
    "ended",
    "ended_early",
    "ended_on_time",
    "ended_resolved",
    "ended_stopped",
    "ended_refused",
    "ended_withdrawn",
    "ended_paused",
    "processing_seconds",
    "open_delta",
    "open_late_delta",
)
# submitted, received, received_online, ended, ended_resolved, ended_on_time from the row; zeros else
_VALUES = tuple(
    {
        "submitted": "$6",
        "received": "$6",
        "received_online": "$7",
        "ended": "$8",
        "ended_resolved": "$8",
        "ended_on_time": "$9",
        "open_delta": "$6::int - $8::int",
    }.get(c, "0")
    for c in _COUNTERS
)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_the_report_page_renders_in_headless_chromium(
    clone_demo: Callable[[], str], tmp_path: Path
) -> None:
    url = clone_demo()
    asyncio.run(_seed_rollups(url))
    app = create_app(make_settings(url, data_dir=tmp_path))
    outside: list[str] = []

    def only_loopback(route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "reports.png"
    with serve(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.route("**/*", only_loopback)
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"{base}/reports?period=2026")
            page.locator("input[name=username]").fill("admin")
            page.locator("input[name=password]").fill(DEMO_PASSWORD)
            page.locator("button[type=submit]").click()
            page.locator("#trend").wait_for(timeout=30_000)
            charts = page.locator("svg.chart")
            bars = page.locator("svg.chart rect").count()
            chart_count = charts.count()
            title = page.locator("h1").inner_text()
            late_rows = page.locator("h2#late-agencies + table tr").count()
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert outside == [] and errors == []
    assert "766" in title
    assert chart_count == 3  # groups, monthly trend, online share by agency
    assert bars >= 11 + 2  # a column per month, a bar per agency at least
    assert late_rows == 3  # header + the two agencies with late dossiers
    assert shot.stat().st_size > 10_000
