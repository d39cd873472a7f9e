"""The documented path behind the portal's download links (``DuongDanTaiTepTin``,
``DuongDanTepTinKetQua``): the links the fake portal received serve the file to whoever holds them,
without any token; a tampered, expired or foreign link is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import func, select

from app.models.dossier import Dossier, DossierDocument
from app.services.portal import links
from tests.dossiers.conftest import PDF, World
from tests.portal.conftest import PUBLIC_BASE, Portal
from tests.portal.scenarios import Builder


def _path(link: str) -> str:
    assert link.startswith(PUBLIC_BASE)
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}"


async def test_the_links_the_portal_received_serve_the_files(world: World, portal: Portal) -> None:
    builder = Builder(world, "online")
    await builder.login()
    code = await builder.build("returned")
    await portal.send(world, code)
    current = (await portal.dossiers())[code]["current"]
    submitted = [d["DuongDanTaiTepTin"] for d in current["TaiLieuNop"] if d["DuongDanTaiTepTin"]]
    results = [r["DuongDanTepTinKetQua"] for r in current["DanhSachGiayToKetQua"]]
    assert submitted and results

    for link in submitted + results:
        response = await world.client.get(_path(link))  # anonymous: the link is the permission
        assert response.status_code == 200, response.text
        assert response.content == PDF
        assert response.headers["content-type"] == "application/pdf"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "no-store" in response.headers["cache-control"]


async def test_tampered_expired_and_fileless_links_are_refused(world: World) -> None:
    builder = Builder(world, "online")
    await builder.login()
    code = await builder.build("received")
    async with world.factory() as session:
        document_id = await session.scalar(
            select(func.min(DossierDocument.id))
            .join(Dossier, Dossier.id == DossierDocument.dossier_id)
            .where(Dossier.code == code, DossierDocument.upload_id.is_not(None))
        )
    assert document_id is not None
    secret = world.settings.secret_key.get_secret_value()
    now = datetime.now(UTC)
    good = links.document_link(PUBLIC_BASE, secret, document_id, now + timedelta(days=1))
    assert (await world.client.get(_path(good))).status_code == 200

    other_doc = _path(good).replace(f"/files/{document_id}?", f"/files/{document_id + 1}?")
    tampered_sig = _path(good)[:-1] + ("0" if good[-1] != "0" else "1")
    expired = links.document_link(PUBLIC_BASE, secret, document_id, now - timedelta(seconds=1))
    foreign = links.document_link(
        PUBLIC_BASE, "a-different-key", document_id, now + timedelta(days=1)
    )
    for path in (other_doc, tampered_sig, _path(expired), _path(foreign)):
        response = await world.client.get(path)
        assert response.status_code == 403, (path, response.text)
        problem = response.json()
        assert problem["code"] == "file_link_invalid"
        assert response.headers["content-type"].startswith("application/problem+json")

    # a valid signature for a document id that has no file: not found
    missing = links.document_link(PUBLIC_BASE, secret, 10**12, now + timedelta(days=1))
    response = await world.client.get(_path(missing))
    assert response.status_code == 404 and response.json()["code"] == "upload_not_found"
