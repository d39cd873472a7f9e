"""A procedure application names another payee (issue 15): "the money goes to the competent
agency's merchant account unless the procedure application names another". The named agency's own
merchant account collects (the fake VNPay sees its terminal), the payment records it as its agency,
the settlement report shows it; the admin write refuses an unknown agency or one with no account."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import select, update

from app.db import create_engine, create_session_factory
from app.main import create_app
from app.models.catalog import Agency
from app.models.procedure import ProcedureApplication
from tests.conftest import make_settings
from tests.dossiers.conftest import COMMUNE, World
from tests.fakes.common import Kind
from tests.fakes.vnpay_fake import FakeVnpay
from tests.web.live import serve

pytestmark = pytest.mark.committed
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

HOUSEHOLD = "1.001612"  # household business: 150,000 đ online, due on submission
PROVINCE_TMN = "MOTCUA01"
PAYEE_TMN = "PAYEE001"
SECRETS = {PROVINCE_TMN: "province-terminal-secret-0123", PAYEE_TMN: "payee-terminal-secret-0123"}


@dataclass
class Live:
    world: World
    base: str
    vnpay: FakeVnpay
    payee: str  # the agency the application names
    competent: str


@pytest.fixture
def vnpay() -> Iterator[FakeVnpay]:
    fake = FakeVnpay(dict(SECRETS))
    with fake.running():
        yield fake


@pytest.fixture
async def live(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path, vnpay: FakeVnpay
) -> AsyncIterator[Live]:
    url = clone_demo()
    engine = create_engine(url, make_settings(url))
    factory = create_session_factory(engine)
    async with factory() as session:
        application = await session.scalar(
            select(ProcedureApplication).where(ProcedureApplication.procedure_code == HOUSEHOLD)
        )
        assert application is not None
        competent = application.agency_code
        payee = await session.scalar(
            select(Agency.code).where(Agency.code != competent).order_by(Agency.code).limit(1)
        )
        assert payee is not None
        # the application in force names the payee (as an administrator's new version would)
        await session.execute(
            update(ProcedureApplication)
            .where(ProcedureApplication.procedure_code == HOUSEHOLD)
            .values(payee_agency_code=payee)
        )
        await session.commit()
    terminals = {
        tmn: {"hash_secret": secret, "pay_url": vnpay.pay_url, "api_url": vnpay.api_url}
        for tmn, secret in SECRETS.items()
    }
    settings = make_settings(
        url,
        data_dir=tmp_path,
        upload_dir=tmp_path / "uploads",
        payment_merchants=SecretStr(json.dumps({"vnpay": terminals})),
        payment_agency_merchants=json.dumps(
            {"*": {"vnpay": PROVINCE_TMN}, payee: {"vnpay": PAYEE_TMN}}
        ),
        db_pool_size=10,
    )
    app = create_app(settings)
    app.state.dev_issuer.private_key_pem = dev_key
    with serve(app) as base:
        settings.public_base_url = base
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            world = World(app, client, factory, settings)  # type: ignore[arg-type]
            yield Live(world, base, vnpay, payee, competent)
    await engine.dispose()


async def test_a_dossier_of_the_application_pays_into_the_named_account(live: Live) -> None:
    citizen = await live.world.citizen("payee-payer")
    submitted = await live.world.submit_online(citizen, HOUSEHOLD, COMMUNE)
    assert submitted.status_code == 201, submitted.text
    code = submitted.json()["code"]
    started = await live.world.client.post(
        f"/api/v1/dossiers/{code}/payments", json={"provider": "vnpay"}, headers=citizen
    )
    assert started.status_code == 201, started.text
    payment = started.json()
    page = await asyncio.to_thread(httpx.get, payment["pay_url"])
    assert page.status_code == 200, page.text  # signed with the payee terminal's own secret
    ref = payment["order_ref"]
    assert live.vnpay.ledger.orders[ref].merchant == PAYEE_TMN
    ipn = live.base + "/api/v1/payments/vnpay/ipn"
    answer = await asyncio.to_thread(live.vnpay.send_ipn, ipn, ref, Kind.success)
    assert answer.json()["RspCode"] == "00", answer.text
    admin = await live.world.officer("admin")
    listed = await live.world.client.get(
        "/api/v1/admin/payments", params={"dossier_code": code}, headers=admin
    )
    assert listed.status_code == 200, listed.text
    [row] = listed.json()
    assert (row["merchant_code"], row["agency_code"]) == (PAYEE_TMN, live.payee)
    assert row["status"] == "succeeded"
    day = datetime.now(UTC).astimezone(VIETNAM).date().isoformat()
    report = await live.world.client.get(
        "/api/v1/admin/payments/settlement",
        params={"day": day, "merchant_code": PAYEE_TMN},
        headers=admin,
    )
    assert report.status_code == 200, report.text
    lines = report.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and ref in lines[1] and live.payee in lines[1]


async def test_the_admin_write_names_only_an_agency_with_an_account(live: Live) -> None:
    admin = await live.world.officer("admin")
    client = live.world.client
    path = f"/api/v1/admin/applications/{HOUSEHOLD}/{live.competent}"
    versions = await client.get(f"{path}/versions", headers=admin)
    assert versions.status_code == 200, versions.text
    latest = versions.json()[-1]
    assert latest["payee_agency"] == live.payee  # versioned with the application's other fields
    body = {
        key: latest[key]
        for key in (
            "receiving_offices",
            "province_wide_reception",
            "processing_time",
            "fees",
            "template",
            "template_version",
            "effective_from",
        )
    }
    for named in ("NO-SUCH-AGENCY", live.competent):  # unknown; known but no account of its own
        refused = await client.put(path, json={**body, "payee_agency": named}, headers=admin)
        assert refused.status_code == 422, refused.text
        problem = refused.json()
        assert problem["errors"][0]["field"] == "payee_agency"
        assert "tài khoản" in problem["detail"]
    accepted = await client.put(path, json={**body, "payee_agency": live.payee}, headers=admin)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["payee_agency"] == live.payee
    assert accepted.json()["version"] == latest["version"] + 1  # a new draft version
    cleared = await client.put(path, json={**body, "payee_agency": None}, headers=admin)
    assert cleared.status_code == 200 and cleared.json()["payee_agency"] is None
