"""Dossier tests run on the demo catalog and demo accounts.

A second template database (the migrated template plus ``demo.seed``: demo accounts and the demo
catalog) is built once; the rolled-back per-test database and the committed clones come from it.
``settings`` and ``engine`` are overridden here for the tests of this folder only.
"""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient, Response
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.config import Settings
from app.db import create_engine, create_session_factory
from app.demo import seed as demo
from app.models.user import Role
from app.schemas.catalog import Document
from app.services.identity import users as users_service
from app.services.identity.dev_issuer import generate_private_key_pem
from app.services.identity.tokens import TokenService
from tests.conftest import TEMPLATE_DB, PgServer, build_app, make_settings
from tests.samples import PDF

DEMO_TEMPLATE = "motcua_demo_template"
DEMO_TEST_DB = "motcua_dossiers"

# Demo catalog facts the tests rely on (app/demo/catalog.json).
CENTRE = "000.00.01.H99"
COMMUNE = "000.31.00.H99"
COMMUNE_UNIT = "H99.31"
CONSTRUCTION = "000.00.12.H99"  # Sở Xây dựng
ENVIRONMENT = "000.00.13.H99"  # Sở Nông nghiệp và Môi trường
LAND_OFFICE = "000.01.13.H99"  # Văn phòng đăng ký đất đai (provincial)
CITIZEN_ID = "001099012345"  # the personal id of the default online applicant and citizen token
BIRTH = "1.001193"  # single agency, commune, 1 working day
BUILDING = "1.013236"  # same level: Sở Xây dựng then Sở NN&MT, 20 working days
LAND = "1.013978"  # cross level: commune -> provincial land office -> commune, 27 working days


def _run(coro: Any) -> Any:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


@pytest.fixture(scope="session")
def demo_template(pg_server: PgServer, migrated_template: str) -> str:
    pg_server.admin(
        f'DROP DATABASE IF EXISTS "{DEMO_TEMPLATE}" WITH (FORCE)',
        f'CREATE DATABASE "{DEMO_TEMPLATE}" TEMPLATE "{TEMPLATE_DB}"',
    )
    url = pg_server.url(DEMO_TEMPLATE)
    _run(demo.seed(url, settings=make_settings(url)))
    return url


@pytest.fixture(scope="session")
def clone_demo(pg_server: PgServer, demo_template: str) -> Iterator[Callable[[], str]]:
    created: list[str] = []

    def clone() -> str:
        name = f"motcua_d_{uuid.uuid4().hex[:12]}"
        created.append(name)
        pg_server.admin(f'CREATE DATABASE "{name}" TEMPLATE "{DEMO_TEMPLATE}"')
        return pg_server.url(name)

    yield clone
    for name in created:
        pg_server.drop(name)


@pytest.fixture(scope="session")
def dev_key() -> bytes:
    return generate_private_key_pem()


@pytest.fixture(scope="session")
def settings(
    pg_server: PgServer, demo_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    pg_server.admin(
        f'DROP DATABASE IF EXISTS "{DEMO_TEST_DB}" WITH (FORCE)',
        f'CREATE DATABASE "{DEMO_TEST_DB}" TEMPLATE "{DEMO_TEMPLATE}"',
    )
    data = tmp_path_factory.mktemp("dossier-data")
    return make_settings(pg_server.url(DEMO_TEST_DB), data_dir=data, upload_dir=data / "uploads")


@pytest.fixture(scope="session")
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    assert settings.database_url is not None
    engine = create_engine(settings.database_url.get_secret_value(), settings)
    yield engine
    await engine.dispose()


@dataclass
class World:
    """The app and helpers to act as citizens and officers through HTTP."""

    app: FastAPI
    client: AsyncClient
    factory: async_sessionmaker[AsyncSession]
    settings: Settings
    _counter: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    async def citizen(
        self,
        subject: str = "citizen-1",
        name: str = "Nguyễn Văn An",
        personal_id: str = CITIZEN_ID,
        *,
        vneid_verified: bool = False,
    ) -> dict[str, str]:
        """A citizen token; its verified personal id is the default applicant's (``CITIZEN_ID``):
        an online citizen submits for themselves unless they declare a submitter."""
        token, _ = await self.app.state.dev_issuer.mint(
            subject, name, personal_id, vneid_verified=vneid_verified
        )
        return {"Authorization": f"Bearer {token}"}

    async def officer(self, username: str) -> dict[str, str]:
        """A token for an existing (demo) account."""
        async with self.factory() as session:
            user = await users_service.get_by_username(session, username)
        assert user is not None, username
        token, _ = TokenService(self.settings).issue_officer_token(
            user.id, user.username, [(r.agency_code, r.role) for r in user.roles]
        )
        return {"Authorization": f"Bearer {token}"}

    async def new_officer(self, *roles: tuple[str, Role]) -> tuple[str, dict[str, str]]:
        username = f"cb-{next(self._counter)}-{uuid.uuid4().hex[:6]}"
        async with self.factory() as session:
            user = await users_service.create_user(
                session,
                users_service.NewUser(
                    username, "Cán bộ kiểm thử", "mat-khau-kiem-thu", frozenset(roles)
                ),
            )
            await session.commit()
        token, _ = TokenService(self.settings).issue_officer_token(user.id, username, roles)
        return username, {"Authorization": f"Bearer {token}"}

    async def upload(self, headers: dict[str, str], content: bytes = PDF) -> str:
        response = await self.client.post(
            "/api/v1/uploads",
            files={"file": ("giay-to.pdf", content, "application/pdf")},
            headers=headers,
        )
        assert response.status_code == 201, response.text
        upload_id: str = response.json()["id"]
        return upload_id

    async def submit_online(
        self,
        citizen: dict[str, str],
        procedure: str = BIRTH,
        agency: str | None = COMMUNE,
        *,
        receiving_office: str | None = None,
        applicant: dict[str, Any] | None = None,
        documents: list[str] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> Response:
        codes = (
            documents
            if documents is not None
            else await self.mandatory_documents(procedure, "online")
        )
        body: dict[str, Any] = {
            "procedure_code": procedure,
            "agency_code": agency,
            "applicant": applicant
            or {
                "name": "Nguyễn Văn An",
                "id_kind": "personal_id",
                "id_number": "001099012345",
                "phone": "0912345678",
                "email": "an.nguyen@example.vn",
                "address": "Số 1 đường Lê Lợi",
                "unit_code": COMMUNE_UNIT,
            },
            "documents": [
                {"requirement_code": code, "upload_id": await self.upload(citizen)}
                for code in codes
            ],
            **extra,
        }
        if receiving_office:
            body["receiving_office_code"] = receiving_office
        return await self.client.post(
            "/api/v1/dossiers", json=body, headers={**citizen, **(headers or {})}
        )

    async def submit_at_desk(
        self,
        receptionist: dict[str, str],
        procedure: str = BIRTH,
        agency: str | None = COMMUNE,
        receiving_office: str = COMMUNE,
        outcome: str = "receive",
        **extra: Any,
    ) -> Response:
        codes = await self.mandatory_documents(procedure, "desk")
        body: dict[str, Any] = {
            "procedure_code": procedure,
            "agency_code": agency,
            "receiving_office_code": receiving_office,
            "applicant": {
                "name": "Trần Thị Bình",
                "id_kind": "personal_id",
                "id_number": "001199054321",
                "phone": "0987654321",
                "unit_code": COMMUNE_UNIT,
            },
            "documents": [{"requirement_code": c, "paper_original_checked": True} for c in codes],
            "outcome": outcome,
            "note": "Kiểm tra tại quầy",
            **extra,
        }
        return await self.client.post("/api/v1/dossiers", json=body, headers=receptionist)

    async def mandatory_documents(self, procedure: str, channel: str) -> list[str]:
        """The documents a dossier of ``channel`` must contain (the catalog's channels; a document
        only shown at the desk is ticked there, never uploaded online)."""
        from app.models.procedure import Procedure

        async with self.factory() as session:
            docs = await session.scalar(
                select(Procedure.documents).where(Procedure.code == procedure, Procedure.is_current)
            )
        return [d["code"] for d in docs or [] if Document.model_validate(d).required_in(channel)]

    async def act(self, code: str, action: str, headers: dict[str, str], **body: Any) -> Response:
        return await self.client.post(
            f"/api/v1/dossiers/{code}/actions/{action}", json=body, headers=headers
        )

    async def get(self, code: str, headers: dict[str, str]) -> Response:
        return await self.client.get(f"/api/v1/dossiers/{code}", headers=headers)


@pytest.fixture
async def world(
    settings: Settings,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    dev_key: bytes,
) -> AsyncIterator[World]:
    app = build_app(settings, engine, session_factory)
    app.state.dev_issuer.private_key_pem = dev_key
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        yield World(app, client, session_factory, settings)


async def committed_world(url: str, dev_key: bytes, tmp: Path) -> tuple[World, AsyncEngine]:
    """A world on a cloned database whose requests commit for real (concurrency tests)."""
    settings = make_settings(url, data_dir=tmp, upload_dir=tmp / "uploads")
    engine = create_engine(url, settings)
    factory = create_session_factory(engine)
    app = build_app(settings, engine, factory)
    app.state.dev_issuer.private_key_pem = dev_key
    client = AsyncClient(transport=ASGITransport(app=app), base_url="http://test")
    return World(app, client, factory, settings), engine
