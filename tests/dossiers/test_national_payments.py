"""The national payment platform wired as a provider (issue 15; docs/payments.md): configured by
``MOTCUA_PAYMENT_NATIONAL``, its adapter picked by name (the fake by default, a province's from a
``MOTCUA_PAYMENT_NATIONAL_PLUGINS`` module), played over real HTTP by ``tests/fakes/national_fake``
in the fake's invented wire format [U]."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import func, select, update

from app.db import create_engine, create_session_factory
from app.main import create_app
from app.models.dossier import DossierEvent
from app.models.payment import Payment, PaymentAlert, PaymentCallback
from app.services.payments import merchants as merchants_service
from app.services.payments import reconcile
from app.services.payments.gateways.national import FakeNationalPlatform as FakeAdapter
from tests.conftest import make_settings
from tests.dossiers.conftest import COMMUNE, World
from tests.fakes.common import Kind, Truth
from tests.fakes.national_fake import FakeNationalPlatform
from tests.web.live import serve

pytestmark = pytest.mark.committed

HOUSEHOLD = "1.001612"  # household business: 150,000 đ online, due on submission
PARTNER = "UBND-TINH-01"
SECRET = "national-platform-secret-0123456789"
CALLBACK = "/api/v1/payments/national/callback"

# a province's adapter, registered by a plugin module (this one) under its own name
NATIONAL_PAYMENT_ADAPTERS = {"province-lgsp": FakeAdapter}


@dataclass
class Live:
    world: World
    base: str
    platform: FakeNationalPlatform


@pytest.fixture
def platform() -> Iterator[FakeNationalPlatform]:
    fake = FakeNationalPlatform({PARTNER: SECRET})
    with fake.running():
        yield fake


@pytest.fixture
async def live(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path, platform: FakeNationalPlatform
) -> AsyncIterator[Live]:
    url = clone_demo()
    national = {
        "adapter": "province-lgsp",
        "endpoint": platform.base_url,
        "partner_code": PARTNER,
        "secret_key": SECRET,
        "options": {"channel": "test"},
    }
    settings = make_settings(
        url,
        data_dir=tmp_path,
        upload_dir=tmp_path / "uploads",
        payment_national=SecretStr(json.dumps(national)),
        payment_national_plugins=[__name__],
        db_pool_size=10,
    )
    app = create_app(settings)
    app.state.dev_issuer.private_key_pem = dev_key
    engine = create_engine(url, settings)
    with serve(app) as base:
        settings.public_base_url = base
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            world = World(app, client, create_session_factory(engine), settings)  # type: ignore[arg-type]
            yield Live(world, base, platform)
    await engine.dispose()


async def _payment(live: Live, subject: str) -> tuple[str, dict[str, str], dict[str, Any]]:
    citizen = await live.world.citizen(subject)
    response = await live.world.submit_online(citizen, HOUSEHOLD, COMMUNE)
    assert response.status_code == 201, response.text
    code = response.json()["code"]
    started = await live.world.client.post(
        f"/api/v1/dossiers/{code}/payments", json={"provider": "national"}, headers=citizen
    )
    assert started.status_code == 201, started.text
    return code, citizen, started.json()


async def _count(live: Live, model: Any, *where: Any) -> int:
    async with live.world.factory() as session:
        return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def test_the_setting_builds_the_named_adapter_and_refuses_an_unknown_one() -> None:
    national = json.dumps(
        {"adapter": "province-lgsp", "partner_code": PARTNER, "secret_key": "top-secret-key"}
    )
    configured = merchants_service._parse("", "{}", national, (__name__,))
    gateway = configured.gateway(merchants_service.PaymentProvider.national)
    assert isinstance(gateway, FakeAdapter) and gateway.config.partner_code == PARTNER
    # its partner collects for every agency unless the agency map names another
    assert configured.account_for("any-agency", merchants_service.PaymentProvider.national) == (
        PARTNER
    )
    assert "top-secret-key" not in repr(gateway)
    unknown = json.dumps({"adapter": "paygov", "partner_code": PARTNER})
    with pytest.raises(ValueError, match="no national payment adapter"):
        merchants_service._parse("", "{}", unknown, ())


async def test_national_payment_success_bad_signature_duplicate_and_wrong_amount(
    live: Live,
) -> None:
    code, citizen, payment = await _payment(live, "national-payer")
    assert payment["status"] == "pending" and payment["amount"] > 0
    assert payment["pay_url"].startswith(live.platform.base_url)
    assert SECRET not in json.dumps(payment)
    ref = payment["order_ref"]
    order = live.platform.ledger.orders[ref]
    assert order.notify_url == live.base + CALLBACK and order.amount == payment["amount"]
    url = live.base + CALLBACK

    async def answer(kind: Kind) -> str:
        response = await asyncio.to_thread(live.platform.send_callback, url, ref, kind)
        assert response.status_code == 200, response.text
        return str(response.json()["code"])

    assert await answer(Kind.bad_signature) == "97"
    assert await answer(Kind.wrong_amount) == "04"
    assert await _count(live, PaymentAlert, PaymentAlert.kind == "amount_mismatch") == 1
    malformed = await asyncio.to_thread(httpx.post, url, content=b"not json", timeout=10)
    assert malformed.status_code == 200 and malformed.json()["code"] == "99"
    assert await answer(Kind.success) == "00"
    assert await answer(Kind.success) == "02"  # the duplicate changes nothing
    assert await answer(Kind.failure) == "02"  # nor does a late failure
    read = await live.world.client.get(f"/api/v1/payments/{payment['id']}", headers=citizen)
    assert read.json()["status"] == "succeeded" and read.json()["receipt_number"]
    assert await _count(live, DossierEvent, DossierEvent.action == "record_payment") == 1
    assert await _count(live, PaymentCallback, PaymentCallback.provider == "national") == 6
    shown = await live.world.client.get(f"/api/v1/payments/national/return?orderRef={ref}")
    assert "Đã thanh toán" in shown.text
    desk = await live.world.officer("tiepnhan.xa")
    received = await live.world.act(code, "receive", desk)
    assert received.status_code == 200, received.text


async def test_the_query_settles_a_national_payment_whose_callback_never_came(live: Live) -> None:
    _, citizen, payment = await _payment(live, "national-quiet")
    live.platform.ledger.truth[payment["order_ref"]] = Truth.paid
    async with live.world.factory() as session:
        await session.execute(
            update(Payment)
            .where(Payment.id == uuid.UUID(payment["id"]))
            .values(created_at=datetime.now(UTC) - timedelta(hours=1))
        )
        await session.commit()
    settled = await reconcile.reconcile_due(
        live.world.settings, live.world.factory, datetime.now(UTC)
    )
    assert settled == 1 and live.platform.ledger.queries == [payment["order_ref"]]
    read = await live.world.client.get(f"/api/v1/payments/{payment['id']}", headers=citizen)
    assert read.json()["status"] == "succeeded"
    assert await _count(live, DossierEvent, DossierEvent.action == "record_payment") == 1
