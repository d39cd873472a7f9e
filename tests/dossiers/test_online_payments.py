"""Online fee payments end to end (issue 15, acceptance 1-3): the app served by a real uvicorn on a
committed clone of the demo database, the gateways played by the fakes of ``tests/fakes`` over real
HTTP with their real signatures."""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import func, select, update

from app.db import create_engine, create_session_factory
from app.main import create_app
from app.models.dossier import Dossier, DossierEvent, DossierFeeLine
from app.models.payment import Payment, PaymentAlert, PaymentCallback, PaymentStatus
from app.services.payments import reconcile
from tests.conftest import make_settings
from tests.dossiers.conftest import BIRTH, COMMUNE, World
from tests.fakes.common import Kind, Truth
from tests.fakes.momo_fake import FakeMomo, Partner
from tests.fakes.vnpay_fake import FakeVnpay
from tests.fakes.zalopay_fake import App, FakeZalopay
from tests.web.live import serve

pytestmark = pytest.mark.committed
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

HOUSEHOLD = "1.001612"  # household business: 150,000 đ online, due on submission
TMN = "MOTCUA01"
VNPAY_SECRET = "vnpay-test-secret-0123456789"
MOMO_PARTNER = "MOMOBKUN20180529"
MOMO_ACCESS = "klm05TvNBzhg7h7j"
MOMO_SECRET = "at67qH6mk8w5Y1nAyMoYKMWACiEi2bsa"
ZALO_APP = "2553"
ZALO_KEY1 = "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL"
ZALO_KEY2 = "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz"


@dataclass
class Live:
    world: World
    base: str
    vnpay: FakeVnpay
    momo: FakeMomo
    zalopay: FakeZalopay

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def fakes() -> Iterator[tuple[FakeVnpay, FakeMomo, FakeZalopay]]:
    vnpay = FakeVnpay({TMN: VNPAY_SECRET})
    momo = FakeMomo({MOMO_PARTNER: Partner(MOMO_ACCESS, MOMO_SECRET)})
    zalopay = FakeZalopay({ZALO_APP: App(ZALO_KEY1, ZALO_KEY2)})
    with vnpay.running(), momo.running(), zalopay.running():
        yield vnpay, momo, zalopay


@pytest.fixture
async def live(
    clone_demo: Callable[[], str],
    dev_key: bytes,
    tmp_path: Path,
    fakes: tuple[FakeVnpay, FakeMomo, FakeZalopay],
) -> AsyncIterator[Live]:
    vnpay, momo, zalopay = fakes
    url = clone_demo()
    merchants = {
        "vnpay": {TMN: {"hash_secret": VNPAY_SECRET, "pay_url": vnpay.pay_url,
                        "api_url": vnpay.api_url}},
        "momo": {MOMO_PARTNER: {"access_key": MOMO_ACCESS, "secret_key": MOMO_SECRET,
                                "endpoint": momo.base_url}},
        "zalopay": {ZALO_APP: {"key1": ZALO_KEY1, "key2": ZALO_KEY2,
                               "endpoint": zalopay.base_url}},
    }  # fmt: skip
    settings = make_settings(
        url,
        data_dir=tmp_path,
        upload_dir=tmp_path / "uploads",
        payment_merchants=SecretStr(json.dumps(merchants)),
        payment_agency_merchants=json.dumps(
            {"*": {"vnpay": TMN, "momo": MOMO_PARTNER, "zalopay": ZALO_APP}}
        ),
        db_pool_size=25,
    )
    app = create_app(settings)
    app.state.dev_issuer.private_key_pem = dev_key
    engine = create_engine(url, settings)
    with serve(app) as base:
        settings.public_base_url = base
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            world = World(app, client, create_session_factory(engine), settings)  # type: ignore[arg-type]
            yield Live(world, base, vnpay, momo, zalopay)
    await engine.dispose()


async def _submitted(live: Live, subject: str = "payer") -> tuple[str, dict[str, str]]:
    citizen = await live.world.citizen(subject)
    response = await live.world.submit_online(citizen, HOUSEHOLD, COMMUNE)
    assert response.status_code == 201, response.text
    return response.json()["code"], citizen


async def _pay(live: Live, code: str, citizen: dict[str, str], provider: str) -> dict[str, Any]:
    response = await live.world.client.post(
        f"/api/v1/dossiers/{code}/payments", json={"provider": provider}, headers=citizen
    )
    assert response.status_code in (200, 201), response.text
    body: dict[str, Any] = response.json()
    return body


def _trans_id(live: Live, order_ref: str) -> str:
    """ZaloPay's app_trans_id of our order (``yymmdd_`` + the reference)."""
    return next(t for t in live.zalopay.ledger.orders if t.endswith("_" + order_ref))


async def _count(live: Live, model: Any, *where: Any) -> int:
    async with live.world.factory() as session:
        return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


async def test_vnpay_before_receipt_exactly_once(live: Live) -> None:
    code, citizen = await _submitted(live)
    desk = await live.world.officer("tiepnhan.xa")
    blocked = await live.world.act(code, "receive", desk)
    assert blocked.status_code == 409 and blocked.json()["code"] == "fees_unpaid", blocked.text
    assert blocked.json()["detail"] == (
        "Hồ sơ còn 150.000 đồng phí, lệ phí phải nộp trước khi tiếp nhận hồ sơ."
    )

    view = (await live.world.get(code, citizen)).json()
    due = sum(line["amount"] for line in view["fee_lines"] if line["confirmed"])
    payment = await _pay(live, code, citizen, "vnpay")
    assert payment["status"] == "pending" and payment["amount"] == due > 0
    assert payment["pay_url"].startswith(live.vnpay.pay_url)
    assert VNPAY_SECRET not in json.dumps(payment)
    again = await _pay(live, code, citizen, "vnpay")
    assert again["id"] == payment["id"]  # at most one open payment: the open one again
    page = await asyncio.to_thread(httpx.get, payment["pay_url"])
    assert page.status_code == 200, page.text  # the fake checked our signature
    ref = payment["order_ref"]
    ipn = live.url("/api/v1/payments/vnpay/ipn")

    def rsp(kind: Kind, **extra: Any) -> str:
        response = live.vnpay.send_ipn(ipn, ref, kind, **extra)
        assert response.status_code == 200 and response.headers["content-type"].startswith(
            "application/json"
        )
        return str(response.json()["RspCode"])

    assert await asyncio.to_thread(rsp, Kind.bad_signature) == "97"
    assert await asyncio.to_thread(rsp, Kind.wrong_amount) == "04"
    unknown = await asyncio.to_thread(
        live.vnpay.send_ipn, ipn, "NOSUCHORDER1", Kind.success, merchant=TMN, amount=5_000
    )
    assert unknown.json()["RspCode"] == "01"
    empty = await asyncio.to_thread(httpx.get, ipn)
    assert empty.status_code == 200 and empty.json()["RspCode"] == "99"
    assert await _count(live, PaymentAlert, PaymentAlert.kind == "amount_mismatch") == 1

    # 20 identical successes at once: one state change, one event, every answer per protocol
    params = live.vnpay.ipn_params(ref, Kind.success)
    query = live.vnpay.ipn_query(params, Kind.success)
    barrier = threading.Barrier(20)

    def send() -> httpx.Response:
        barrier.wait()
        return httpx.get(f"{ipn}?{query}", timeout=30)

    with ThreadPoolExecutor(20) as pool:
        answers = list(
            await asyncio.gather(*(asyncio.wrap_future(pool.submit(send)) for _ in range(20)))
        )
    codes = sorted(a.json()["RspCode"] for a in answers)
    assert codes == ["00"] + ["02"] * 19, [a.text for a in answers]
    assert all(a.status_code == 200 for a in answers)
    live.vnpay.ledger.settle(ref, Kind.success)

    # a late failure never overturns the success
    assert await asyncio.to_thread(rsp, Kind.failure) == "02"
    read = await live.world.client.get(f"/api/v1/payments/{payment['id']}", headers=citizen)
    assert read.status_code == 200, read.text
    assert read.json()["status"] == "succeeded" and read.json()["receipt_number"]
    async with live.world.factory() as session:
        dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None
        events = await session.scalar(
            select(func.count()).select_from(DossierEvent).where(
                DossierEvent.dossier_id == dossier.id, DossierEvent.action == "record_payment"
            )
        )  # fmt: skip
        unpaid = await session.scalar(
            select(func.count()).select_from(DossierFeeLine).where(
                DossierFeeLine.dossier_id == dossier.id, DossierFeeLine.amount > 0,
                DossierFeeLine.paid_at.is_(None),
            )
        )  # fmt: skip
    assert events == 1 and unpaid == 0 and dossier.status.value == "submitted"
    assert await _count(live, PaymentCallback) == 1 + 1 + 1 + 1 + 20 + 1  # every one, raw
    # the return page shows our truth and changes nothing
    shown = await live.world.client.get(f"/api/v1/payments/vnpay/return?vnp_TxnRef={ref}")
    assert "Đã thanh toán" in shown.text
    received = await live.world.act(code, "receive", desk)
    assert received.status_code == 200, received.text


async def test_momo_success_duplicate_and_bad_signature(live: Live) -> None:
    code, citizen = await _submitted(live, "momo-payer")
    payment = await _pay(live, code, citizen, "momo")
    assert payment["pay_url"], payment
    ipn = live.url("/api/v1/payments/momo/ipn")
    ref = payment["order_ref"]
    bad = await asyncio.to_thread(live.momo.send_ipn, ipn, ref, Kind.bad_signature)
    assert bad.status_code != 204 and bad.content == b""
    ok = await asyncio.to_thread(live.momo.send_ipn, ipn, ref, Kind.success)
    assert ok.status_code == 204 and ok.content == b""
    again = await asyncio.to_thread(live.momo.send_ipn, ipn, ref, Kind.success)
    assert again.status_code == 204
    read = await live.world.client.get(f"/api/v1/payments/{payment['id']}", headers=citizen)
    assert read.json()["status"] == "succeeded"
    assert await _count(live, DossierEvent, DossierEvent.action == "record_payment") == 1


async def test_zalopay_callback_and_failure_found_by_reconciliation(live: Live) -> None:
    code, citizen = await _submitted(live, "zalo-payer")
    payment = await _pay(live, code, citizen, "zalopay")
    callback = live.url("/api/v1/payments/zalopay/callback")
    ref = _trans_id(live, payment["order_ref"])
    bad = await asyncio.to_thread(live.zalopay.send_callback, callback, ref, Kind.bad_signature)
    assert bad is not None and bad.json()["return_code"] == -1
    # ZaloPay sends no failure callback: the query finds it, then the payment expires only once
    # the query has said unpaid
    live.zalopay.ledger.truth[ref] = Truth.failed
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
    assert settled == 1
    read = await live.world.client.get(f"/api/v1/payments/{payment['id']}", headers=citizen)
    assert read.json()["status"] == "failed"
    # a new payment, then its success comes by callback
    second = await _pay(live, code, citizen, "zalopay")
    assert second["id"] != payment["id"]
    second_ref = _trans_id(live, second["order_ref"])
    ok = await asyncio.to_thread(live.zalopay.send_callback, callback, second_ref, Kind.success)
    assert ok is not None and ok.json() == {"return_code": 1, "return_message": "success"}
    dup = await asyncio.to_thread(live.zalopay.send_callback, callback, second_ref, Kind.success)
    assert dup is not None and dup.json()["return_code"] == 2


async def test_reconciliation_settles_a_vnpay_payment_whose_ipn_never_came(live: Live) -> None:
    code, citizen = await _submitted(live, "silent-payer")
    payment = await _pay(live, code, citizen, "vnpay")
    await asyncio.to_thread(httpx.get, payment["pay_url"])
    live.vnpay.ledger.truth[payment["order_ref"]] = Truth.paid
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
    assert settled == 1
    async with live.world.factory() as session:
        row = await session.get(Payment, uuid.UUID(payment["id"]))
        assert row is not None and row.status is PaymentStatus.succeeded
    desk = await live.world.officer("tiepnhan.xa")
    assert (await live.world.act(code, "receive", desk)).status_code == 200


async def test_reconciliation_takes_the_dossier_before_the_payment(live: Live) -> None:
    """The order of a payment's start and of a callback (dossier, then payment), so neither can
    deadlock with it: while a callback holds the dossier, reconciliation passes this payment over
    (it neither waits nor takes the payment's row) and settles it at the next run."""
    code, citizen = await _submitted(live, "busy-payer")
    payment = await _pay(live, code, citizen, "vnpay")
    await asyncio.to_thread(httpx.get, payment["pay_url"])
    live.vnpay.ledger.truth[payment["order_ref"]] = Truth.paid
    async with live.world.factory() as session:
        await session.execute(
            update(Payment)
            .where(Payment.id == uuid.UUID(payment["id"]))
            .values(created_at=datetime.now(UTC) - timedelta(hours=1))
        )
        await session.commit()
    async with live.world.factory() as holder, holder.begin():
        await holder.execute(select(Dossier.id).where(Dossier.code == code).with_for_update())
        settled = await asyncio.wait_for(
            reconcile.reconcile_due(live.world.settings, live.world.factory, datetime.now(UTC)),
            10,
        )
        assert settled == 0
        async with live.world.factory() as observer:  # the payment's row was not taken either
            free = await observer.scalar(
                select(Payment.id)
                .where(Payment.id == uuid.UUID(payment["id"]))
                .with_for_update(nowait=True)
            )
            assert free is not None
            await observer.rollback()
    settled = await reconcile.reconcile_due(
        live.world.settings, live.world.factory, datetime.now(UTC)
    )
    assert settled == 1


async def test_finance_office_sees_payments_callbacks_alerts_and_settlement(live: Live) -> None:
    code, citizen = await _submitted(live, "finance-payer")
    payment = await _pay(live, code, citizen, "vnpay")
    await asyncio.to_thread(httpx.get, payment["pay_url"])
    ipn = live.url("/api/v1/payments/vnpay/ipn")
    ref = payment["order_ref"]
    await asyncio.to_thread(live.vnpay.send_ipn, ipn, ref, Kind.wrong_amount)
    await asyncio.to_thread(live.vnpay.send_ipn, ipn, ref, Kind.success)
    admin = await live.world.officer("admin")  # the demo's province administrator
    client = live.world.client
    listed = await client.get(
        "/api/v1/admin/payments", params={"dossier_code": code}, headers=admin
    )
    assert listed.status_code == 200, listed.text
    assert [p["status"] for p in listed.json()] == ["succeeded"]
    assert listed.json()[0]["merchant_code"] == TMN
    assert VNPAY_SECRET not in listed.text
    history = await client.get(f"/api/v1/admin/payments/{payment['id']}/callbacks", headers=admin)
    assert [c["disposition"] for c in history.json()] == ["wrong_amount", "recorded"]
    alerts = await client.get("/api/v1/admin/payments/alerts", headers=admin)
    assert any(
        a["payment_id"] == payment["id"] and a["kind"] == "amount_mismatch" for a in alerts.json()
    )
    day = datetime.now(UTC).astimezone(VIETNAM).date().isoformat()
    report = await client.get(
        "/api/v1/admin/payments/settlement", params={"day": day, "merchant_code": TMN},
        headers=admin,
    )  # fmt: skip
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/csv")
    lines = report.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("settled_at_local,merchant_code")
    assert any(ref in line and line.endswith(f",{payment['amount']},succeeded") for line in lines)
    refused = await client.post(
        f"/api/v1/admin/payments/{payment['id']}/refund",
        json={"reason": "Nộp thừa", "reference": "HT-1"}, headers=citizen,
    )  # fmt: skip
    assert refused.status_code == 403
    refunded = await client.post(
        f"/api/v1/admin/payments/{payment['id']}/refund",
        json={"reason": "Hồ sơ nộp trùng", "reference": "VNP-REFUND-1"}, headers=admin,
    )  # fmt: skip
    assert refunded.status_code == 200 and refunded.json()["status"] == "refunded"
    again = await client.post(
        f"/api/v1/admin/payments/{payment['id']}/refund",
        json={"reason": "Hồ sơ nộp trùng", "reference": "VNP-REFUND-1"}, headers=admin,
    )  # fmt: skip
    assert again.status_code == 409 and again.json()["code"] == "refund_not_allowed"


async def test_an_on_return_fee_is_paid_online_after_resolution(live: Live) -> None:
    world = live.world
    citizen = await world.citizen("return-payer")
    submitted = await world.submit_online(
        citizen, BIRTH, COMMUNE, fee_choices=[{"index": 1, "copies": 1}]
    )
    assert submitted.status_code == 201, submitted.text
    code = submitted.json()["code"]
    async with world.factory() as session:  # the copy is paid when it is handed over
        await session.execute(
            update(DossierFeeLine)
            .where(DossierFeeLine.amount > 0, DossierFeeLine.dossier_id == select(Dossier.id)
                   .where(Dossier.code == code).scalar_subquery())
            .values(due="on_return")
        )  # fmt: skip
        await session.commit()
    desk = await world.officer("tiepnhan.xa")
    for action, who in (("receive", desk), ("forward", desk)):
        assert (await world.act(code, action, who)).status_code == 200
    specialist = await world.officer("chuyenvien.xa")
    assert (await world.act(code, "forward", specialist, note="Đủ")).status_code == 200
    leader = await world.officer("lanhdao.xa")
    attached = await world.client.post(
        f"/api/v1/dossiers/{code}/documents",
        json={"documents": [{"requirement_code": "KQ", "upload_id": await world.upload(leader)}]},
        headers=leader,
    )
    assert attached.status_code == 200, attached.text
    assert (await world.act(code, "resolve", leader)).status_code == 200
    blocked = await world.act(code, "return_result", desk)
    assert blocked.status_code == 409 and blocked.json()["code"] == "fees_unpaid"
    payment = await _pay(live, code, citizen, "vnpay")
    assert payment["amount"] == 8_000
    await asyncio.to_thread(httpx.get, payment["pay_url"])
    ipn = live.url("/api/v1/payments/vnpay/ipn")
    answer = await asyncio.to_thread(live.vnpay.send_ipn, ipn, payment["order_ref"], Kind.success)
    assert answer.json()["RspCode"] == "00"
    view = (await world.get(code, citizen)).json()
    assert view["status"] == "resolved"
    returned = await world.act(code, "return_result", desk)
    assert returned.status_code == 200, returned.text


async def test_another_provider_expires_the_unpaid_open_payment_first(live: Live) -> None:
    code, citizen = await _submitted(live, "switcher")
    first = await _pay(live, code, citizen, "vnpay")
    await asyncio.to_thread(httpx.get, first["pay_url"])  # VNPay knows it, still unpaid
    second = await _pay(live, code, citizen, "momo")
    assert second["id"] != first["id"] and second["provider"] == "momo"
    assert first["order_ref"] in live.vnpay.ledger.queries  # asked before expiring
    old = await live.world.client.get(f"/api/v1/payments/{first['id']}", headers=citizen)
    assert old.json()["status"] == "expired"
    # a success for the expired payment still comes: recorded, no dossier change, refund alert
    ipn = live.url("/api/v1/payments/vnpay/ipn")
    answer = await asyncio.to_thread(live.vnpay.send_ipn, ipn, first["order_ref"], Kind.success)
    assert answer.json()["RspCode"] == "00"
    old = await live.world.client.get(f"/api/v1/payments/{first['id']}", headers=citizen)
    assert old.json()["status"] == "succeeded"
    assert await _count(live, DossierEvent, DossierEvent.action == "record_payment") == 0
    assert (
        await _count(
            live,
            PaymentAlert,
            PaymentAlert.kind == "refund_needed",
            PaymentAlert.payment_id == uuid.UUID(first["id"]),
        )
        == 1
    )


async def test_a_success_for_an_ended_dossier_asks_for_a_refund(live: Live) -> None:
    code, citizen = await _submitted(live, "withdrawer")
    payment = await _pay(live, code, citizen, "vnpay")
    await asyncio.to_thread(httpx.get, payment["pay_url"])
    withdrawn = await live.world.act(code, "withdraw", citizen, note="Không còn nhu cầu")
    assert withdrawn.status_code == 200, withdrawn.text
    ipn = live.url("/api/v1/payments/vnpay/ipn")
    answer = await asyncio.to_thread(live.vnpay.send_ipn, ipn, payment["order_ref"], Kind.success)
    assert answer.json()["RspCode"] == "00"
    view = (await live.world.get(code, citizen)).json()
    assert view["status"] == "withdrawn"
    assert await _count(live, PaymentAlert, PaymentAlert.kind == "refund_needed") == 1
    # the dossier refused it (no savepoint: the attempt rolled back and the callback applied again)
    async with live.world.factory() as session:
        alert = await session.scalar(select(PaymentAlert))
        paid = await session.get(Payment, uuid.UUID(payment["id"]))
        callbacks = list(await session.scalars(select(PaymentCallback)))
    assert alert is not None and paid is not None
    assert alert.detail["reason"] == "dossier_not_payable"
    assert (alert.detail["dossier_status"], alert.detail["code"]) == (
        "withdrawn",
        "action_not_allowed",
    )
    assert paid.status is PaymentStatus.succeeded and paid.receipt_number
    assert [(c.disposition, c.payment_id) for c in callbacks] == [("recorded", paid.id)]
    assert await _count(live, DossierEvent, DossierEvent.action == "record_payment") == 0
    again = await asyncio.to_thread(live.vnpay.send_ipn, ipn, payment["order_ref"], Kind.success)
    assert again.json()["RspCode"] == "02"  # VNPay: already confirmed
    assert await _count(live, PaymentAlert, PaymentAlert.kind == "refund_needed") == 1


async def test_a_success_for_fees_paid_at_the_desk_meanwhile_asks_for_a_refund(live: Live) -> None:
    """The citizen pays in cash at the desk while the online payment is open; the gateway's success
    then finds the lines paid: recorded, no second payment of the lines, a refund alert."""
    code, citizen = await _submitted(live, "twice")
    payment = await _pay(live, code, citizen, "vnpay")
    await asyncio.to_thread(httpx.get, payment["pay_url"])
    desk = await live.world.officer("tiepnhan.xa")
    cash = await live.world.act(code, "record_payment", desk, receipt_number="BL-9")
    assert cash.status_code == 200, cash.text
    ipn = live.url("/api/v1/payments/vnpay/ipn")
    answer = await asyncio.to_thread(live.vnpay.send_ipn, ipn, payment["order_ref"], Kind.success)
    assert answer.json()["RspCode"] == "00"
    async with live.world.factory() as session:
        alerts = list(await session.scalars(select(PaymentAlert)))
        paid = await session.get(Payment, uuid.UUID(payment["id"]))
        receipts = set(await session.scalars(select(DossierFeeLine.receipt_number)))
    assert paid is not None and paid.status is PaymentStatus.succeeded
    assert [(a.kind, a.detail["reason"]) for a in alerts] == [("refund_needed", "already_paid")]
    assert receipts <= {"BL-9", None}  # the lines keep the desk's receipt
    assert await _count(live, DossierEvent, DossierEvent.action == "record_payment") == 1


async def test_the_desk_receives_a_dossier_by_post_and_records_its_fee(live: Live) -> None:
    """Only a dossier submitted online waits for its online payment: one the desk records (by post,
    forwarded by the portal) is received, then asked for its fee, which the desk records in cash."""
    desk = await live.world.officer("tiepnhan.xa")
    for channel in ("postal", "national_portal"):
        created = await live.world.submit_at_desk(desk, HOUSEHOLD, channel=channel)
        assert created.status_code == 201, created.text
        dossier = created.json()
        assert (dossier["channel"], dossier["status"]) == (channel, "received")
        asked = await live.world.act(dossier["code"], "request_payment", desk)
        assert asked.status_code == 200, asked.text
        paid = await live.world.act(dossier["code"], "record_payment", desk, receipt_number="BL-7")
        assert (paid.status_code, paid.json()["status"]) == (200, "received"), paid.text
