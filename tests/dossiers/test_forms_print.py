"""Every form prints (issue 14, acceptance 2): Debian's Chromium, driven by Playwright, prints each
printable page to PDF with no network, on A5; the PDF's text (pypdf) holds the Vietnamese headings,
the applicant's name and the appointment (or date) in words. The images of the pages are kept for
review under ``test-artifacts/forms/`` (ignored by git), and the QR code read from the receipt's image
is the lookup link.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from playwright.async_api import Route, async_playwright
from pypdf import PdfReader

from tests.dossiers import form_cases
from tests.dossiers.conftest import World
from tests.web.browser import BROWSER_ARGS, CHROMIUM

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "forms"
A5_POINTS = (419.5, 595.3)  # 148 x 210 mm (Chromium rounds to whole points)
# 148 x 210 mm at 96 px per inch
A5_VIEWPORT = {"width": 559, "height": 794}

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Debian's chromium is not installed (make test installs it: apt-get install chromium)",
)


def _nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _expected(form: dict) -> list[str]:
    """What the printed text must hold: the headings, the applicant, the appointment in words."""
    when = (
        form.get("new_appointment_text")
        or form.get("appointment_text")
        or form.get("deadline_text")
        or form["place_and_date"]
    )
    return [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        form["title"].upper(),
        form["applicant"]["name"],
        when,
    ]


async def test_every_form_prints_on_a5_with_its_vietnamese_text(world: World) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pages: list[tuple[str, dict, str]] = []
    for make in form_cases.ALL:
        case = await make(world)
        url = f"/api/v1/dossiers/{case.code}/forms/{case.form}"
        form = (await world.client.get(url, headers=case.headers)).json()
        page = await world.client.get(url, params={"format": "html"}, headers=case.headers)
        assert page.status_code == 200, page.text
        pages.append((make.__name__, form, page.text))

    requested: list[str] = []

    async def nothing_from_outside(route: Route) -> None:
        requested.append(route.request.url)
        await route.abort()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            for name, form, html in pages:
                tab = await browser.new_page(viewport=A5_VIEWPORT, device_scale_factor=2)
                await tab.route("**/*", nothing_from_outside)
                await tab.set_content(html, wait_until="load")
                pdf = await tab.pdf(prefer_css_page_size=True, print_background=True)
                (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
                png = await tab.screenshot(full_page=True)
                (ARTIFACTS / f"{name}.png").write_bytes(png)
                await tab.close()

                reader = PdfReader(io.BytesIO(pdf))
                box = reader.pages[0].mediabox
                size = (float(box.width), float(box.height))
                assert all(abs(got - want) <= 1 for got, want in zip(size, A5_POINTS, strict=True))
                text = _nfc(" ".join(p.extract_text() for p in reader.pages))
                for wanted in _expected(form):
                    assert _nfc(wanted) in text, (name, wanted, text[:400])
                if name == "receipt":
                    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
                    assert code.text == form["lookup_url"]
        finally:
            await browser.close()
    assert requested == []  # the pages load nothing: fonts are local, the QR code a data: image
    print(f"\nprinted forms (PDF and PNG): {ARTIFACTS}")
    assert (ARTIFACTS / "receipt.png").exists() and (ARTIFACTS / "supplement_request.png").exists()
