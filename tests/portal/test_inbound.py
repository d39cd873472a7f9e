"""Dossiers the national portal forwards (acceptance 3): signed with HMAC over timestamp and body,
their files fetched over HTTP from the fake portal (a configured host), on a committed database.

A bad signature, an old timestamp, a malformed body and a file link to an unlisted host are each
refused with a clear problem and create nothing; a valid forward sent twice creates one dossier;
its status changes go back to the portal through the sync. One forward goes the whole way over
real HTTP: the fake portal signs it and posts it to our app served on a socket.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from httpx import ASGITransport, AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.config import Settings
from app.db import create_engine, create_session_factory
from app.devtools.fake_portal.runner import serving_app
from app.devtools.fake_portal.server import FakePortal, sign
from app.models.dossier import Dossier, DossierEvent
from app.models.outbox import OutboxMessage
from app.models.upload import Upload
from app.services.portal import payloads
from app.services.portal import snapshot as portal_snapshot
from tests.conftest import build_app, make_settings
from tests.dossiers.conftest import COMMUNE, World, clone_demo  # noqa: F401 - a fixture
from tests.portal.conftest import DSTCODE, PORTAL_PASSWORD, PORTAL_USER, PUBLIC_BASE
from tests.portal.scenarios import PROCEDURE
from tests.samples import PDF

pytestmark = pytest.mark.committed

SECRET = "khoa-bi-mat-chuyen-ho-so-tu-cong-dvcqg"
PATH = "/api/v1/integrations/national-portal/dossiers"


@dataclass
class Inbound:
    world: World
    engine: AsyncEngine
    settings: Settings
    portal_url: str
    http: httpx.AsyncClient

    async def file(self, name: str, content: bytes = PDF, **params: Any) -> str:
        response = await self.http.put(
            f"{self.portal_url}/_fake/files/{name}",
            content=content,
            headers={"Content-Type": "application/pdf"},
            params=params,
        )
        url: str = response.json()["url"]
        return url

    async def dossier(self, ref: str, **overrides: Any) -> dict[str, Any]:
        documents = []
        for code in await self.world.mandatory_documents(PROCEDURE, "online"):
            documents.append(
                {
                    "MaThanhPhanHoSo": code,
                    "TenTepDinhKem": f"{code}.pdf",
                    "DuongDanTaiTepTin": await self.file(f"{ref}-{code}.pdf"),
                }
            )
        return {
            "MaHoSo": ref,
            "MaTTHC": PROCEDURE,
            "MaCoQuan": COMMUNE,
            "ChuHoSo": "Trần Thị Bình",
            "LoaiDoiTuong": "1",
            "SoGiayToChuHoSo": "001199004567",
            "SoDienThoaiChuHoSo": "0912345678",
            "DiaChiChuHoSo": "Thôn Đông, xã Mẫu",
            "HinhThuc": "0",
            "TaiLieuNop": documents,
            **overrides,
        }

    async def post(
        self,
        document: dict[str, Any] | bytes,
        *,
        secret: str = SECRET,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> httpx.Response:
        body = document if isinstance(document, bytes) else json.dumps(document).encode()
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "X-Portal-Timestamp": stamp,
            "X-Portal-Signature": signature or sign(secret, stamp, body),
        }
        return await self.world.client.post(PATH, content=body, headers=headers)

    async def counts(self) -> tuple[int, int, int]:
        async with self.engine.connect() as conn:
            dossiers = await conn.scalar(select(func.count()).select_from(Dossier))
            uploads = await conn.scalar(select(func.count()).select_from(Upload))
            messages = await conn.scalar(select(func.count()).select_from(OutboxMessage))
        return int(dossiers or 0), int(uploads or 0), int(messages or 0)


def _settings(url: str, tmp_path: Path, portal_url: str) -> Settings:
    return make_settings(
        url,
        data_dir=tmp_path,
        upload_dir=tmp_path / "uploads",
        portal_base_url=portal_url,
        portal_username=PORTAL_USER,
        portal_password=PORTAL_PASSWORD,
        portal_dstcode=DSTCODE,
        public_base_url=PUBLIC_BASE,
        portal_inbound_secret=SECRET,
        portal_file_hosts=[urlsplit(portal_url).netloc],
        portal_file_timeout_seconds=1.0,
    )


@pytest.fixture
async def inbound(
    clone_demo: Callable[[], str],  # noqa: F811
    dev_key: bytes,
    tmp_path: Path,
    fake_portal: tuple[FakePortal, str],
) -> AsyncIterator[Inbound]:
    url = clone_demo()
    settings = _settings(url, tmp_path, fake_portal[1])
    engine = create_engine(url, settings)
    factory = create_session_factory(engine)
    app = build_app(settings, engine, factory)
    app.state.dev_issuer.private_key_pem = dev_key
    async with (
        AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client,
        httpx.AsyncClient() as http,
    ):
        await http.post(f"{fake_portal[1]}/_fake/reset")
        yield Inbound(World(app, client, factory, settings), engine, settings, fake_portal[1], http)
    await engine.dispose()


async def test_a_forward_sent_twice_creates_one_dossier_on_the_portal_channel(
    inbound: Inbound,
) -> None:
    before = await inbound.counts()
    document = await inbound.dossier("G22.99-261130-000001")

    first = await inbound.post(document)
    assert first.status_code == 201, first.text
    created = first.json()
    assert created["created"] is True
    assert (created["status"], created["channel"]) == ("submitted", "national_portal")
    assert created["portal_ref"] == "G22.99-261130-000001"
    again = await inbound.post(document)
    assert again.status_code == 200, again.text
    assert again.json() == {**created, "created": False}

    dossiers, uploads, _ = await inbound.counts()
    files = len(document["TaiLieuNop"])
    assert (dossiers, uploads) == (before[0] + 1, before[1] + files)
    async with inbound.world.factory() as session:
        dossier = await session.scalar(select(Dossier).where(Dossier.code == created["code"]))
        assert dossier is not None
        assert dossier.applicant_name == "Trần Thị Bình"
        assert (dossier.owner_issuer, dossier.owner_subject) == ("dvcqg", "001199004567")
        # the files are the portal's bytes, checked as uploads are
        stored = list(
            await session.scalars(
                select(Upload.sha256).where(Upload.owner_subject == "001199004567")
            )
        )
        assert len(stored) == files
        # its changes go back to the portal, on the portal's own ordering key
        keys = set(
            await session.scalars(
                select(OutboxMessage.ordering_key).where(OutboxMessage.topic == "portal.sync")
            )
        )
        assert f"portal:{created['code']}" in keys
        events = list(
            await session.scalars(
                select(DossierEvent.action).where(DossierEvent.dossier_id == dossier.id)
            )
        )
        assert events == ["submit"]
        # what the sync sends names the dossier by the portal's own code
        snap = await portal_snapshot.load(session, created["code"])
    links = payloads.LinkPolicy(PUBLIC_BASE, "k", datetime.now(UTC) + timedelta(days=1))
    assert payloads.dossier_payload(snap, links)["MaHoSo"] == "G22.99-261130-000001"
    assert {row["MaHoSo"] for row in payloads.progress_rows(snap)} == {"G22.99-261130-000001"}
    assert payloads.dossier_payload(snap, links)["KenhThucHien"] == "2"


async def test_refused_forwards_create_nothing(inbound: Inbound) -> None:
    document = await inbound.dossier("G22.99-261130-000002")
    before = await inbound.counts()
    body = json.dumps(document).encode()
    stamp = str(int(time.time()))

    cases: list[tuple[str, httpx.Response, int, str]] = [
        (
            "bad signature",
            await inbound.post(document, signature=sign("not-the-secret", stamp, body)),
            401,
            "portal_signature_invalid",
        ),
        (
            "tampered body",
            await inbound.post(
                json.dumps({**document, "ChuHoSo": "Người khác"}).encode(),
                timestamp=int(stamp),
                signature=sign(SECRET, stamp, body),
            ),
            401,
            "portal_signature_invalid",
        ),
        (
            "old timestamp",
            await inbound.post(document, timestamp=int(time.time()) - 301),
            401,
            "portal_signature_invalid",
        ),
        ("malformed body", await inbound.post(b"{not json"), 422, "validation_failed"),
        (
            "missing fields",
            await inbound.post({"MaHoSo": "G22.99-261130-000002"}),
            422,
            "validation_failed",
        ),
        (
            "unlisted host",
            await inbound.post(
                {
                    **document,
                    "TaiLieuNop": [
                        *document["TaiLieuNop"][1:],
                        {
                            **document["TaiLieuNop"][0],
                            "DuongDanTaiTepTin": "https://tai-lieu.example.com/a.pdf",
                        },
                    ],
                }
            ),
            422,
            "portal_file_host_not_allowed",
        ),
    ]
    for name, response, status, code in cases:
        assert response.status_code == status, (name, response.text)
        problem = response.json()
        assert response.headers["content-type"].startswith("application/problem+json"), name
        assert (problem["status"], problem["code"]) == (status, code), name
        assert problem["detail"], name
    unlisted = cases[-1][1].json()
    assert unlisted["errors"][0]["field"].startswith("TaiLieuNop.")
    assert await inbound.counts() == before

    # still accepted afterwards, once
    assert (await inbound.post(document)).status_code == 201


async def test_a_file_that_is_not_what_it_claims_or_too_slow_creates_nothing(
    inbound: Inbound,
) -> None:
    document = await inbound.dossier("G22.99-261130-000003")
    before = await inbound.counts()
    first = document["TaiLieuNop"][0]

    fake_pdf = await inbound.file("not-a-pdf.pdf", b"<html>trang dang nhap</html>")
    response = await inbound.post(
        {**document, "TaiLieuNop": [{**first, "DuongDanTaiTepTin": fake_pdf}]}
    )
    assert response.status_code == 415, response.text
    slow = await inbound.file("slow.pdf", delay=3)
    response = await inbound.post(
        {**document, "TaiLieuNop": [{**first, "DuongDanTaiTepTin": slow}]}
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "portal_file_unavailable"
    missing = f"{inbound.portal_url}/files/khong-co.pdf"
    response = await inbound.post(
        {**document, "TaiLieuNop": [{**first, "DuongDanTaiTepTin": missing}]}
    )
    assert response.status_code == 422 and response.json()["code"] == "portal_file_unavailable"
    assert await inbound.counts() == before
    # the files stored while the forward was checked are gone with it
    assert not any(p.is_file() for p in inbound.settings.upload_root.rglob("*"))


async def test_the_fake_portal_forwards_a_signed_dossier_over_http(
    clone_demo: Callable[[], str],  # noqa: F811
    tmp_path: Path,
    inbound: Inbound,
) -> None:
    """The whole way: the fake portal signs the dossier and posts it to our app on a socket."""
    # the app served in a thread of its own, with an engine of its own (never used from this loop)
    url = clone_demo()
    settings = _settings(url, tmp_path / "served", inbound.portal_url)
    engine = create_engine(url, settings)
    app = build_app(settings, engine, create_session_factory(engine))
    document = await inbound.dossier("G22.99-261130-000004")
    with serving_app(app) as base:
        forwards = []
        for _ in range(2):
            answer = await inbound.http.post(
                f"{inbound.portal_url}/_fake/forward",
                json={"url": base + PATH, "secret": SECRET, "dossier": document},
            )
            forwards.append(answer.json())
        refused = await inbound.http.post(
            f"{inbound.portal_url}/_fake/forward",
            json={"url": base + PATH, "secret": "sai-khoa", "dossier": document},
        )
    assert [f["status"] for f in forwards] == [201, 200]
    first, second = (json.loads(f["body"]) for f in forwards)
    assert first["code"] == second["code"] and first["channel"] == "national_portal"
    assert refused.json()["status"] == 401
    check = create_engine(url, settings)
    async with check.connect() as conn:
        count = await conn.scalar(
            select(func.count())
            .select_from(Dossier)
            .where(Dossier.portal_ref == "G22.99-261130-000004")
        )
    await check.dispose()
    assert count == 1
