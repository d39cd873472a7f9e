"""The gateways' callbacks on their lean route (app/lean.py; issue 15, acceptance 5): each callback is
matched before FastAPI's routing and handled by the same code, in one transaction committed before
the answer, so the answers and the writes are the documented route's (the app without the lean
route is the reference here)."""

from __future__ import annotations

import json
import secrets
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.config import Settings
from app.lean import LeanAPI
from app.models.dossier import Dossier, DossierEvent, DossierFeeLine, DossierStatus
from app.models.outbox import OutboxMessage
from app.models.payment import Payment, PaymentCallback, PaymentProvider, PaymentStatus
from app.routers import payments as payments_router
from app.services.payments.gateways.vnpay import secure_hash
from tests.conftest import build_app
from tests.dossiers.conftest import World

TMN = "LEAN0001"
SECRET = "lean-route-test-secret-0123456789"
AMOUNT = 50_000


def _settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "payment_merchants": SecretStr(json.dumps({"vnpay": {TMN: {"hash_secret": SECRET}}})),
            "payment_agency_merchants": json.dumps({"*": {"vnpay": TMN}}),
        }
    )


def _app(
    settings: Settings,
    engine: AsyncEngine,
    factory: async_sessionmaker[AsyncSession],
    dev_key: bytes,
    *,
    lean: bool,
) -> FastAPI:
    app = build_app(_settings(settings), engine, factory)
    app.state.dev_issuer.private_key_pem = dev_key
    assert isinstance(app, LeanAPI)
    if not lean:  # the reference: every callback through FastAPI's routing
        app.lean_routes.remove(payments_router.LEAN_ROUTE)
    return app


def _ipn(ref: str, number: int, amount: int = AMOUNT) -> str:
    params = {
        "vnp_Amount": str(amount * 100),
        "vnp_BankCode": "NCB",
        "vnp_BankTranNo": f"VNP{number}",
        "vnp_CardType": "ATM",
        "vnp_OrderInfo": "Thanh toan phi le phi ho so",
        "vnp_PayDate": datetime.now(UTC).strftime("%Y%m%d%H%M%S"),
        "vnp_ResponseCode": "00",
        "vnp_TmnCode": TMN,
        "vnp_TransactionNo": str(number),
        "vnp_TransactionStatus": "00",
        "vnp_TxnRef": ref,
    }
    query = httpx.QueryParams(sorted(params.items()))
    return f"/api/v1/payments/vnpay/ipn?{query}&vnp_SecureHash={secure_hash(params, SECRET)}"


async def _awaiting_payment(world: World) -> tuple[str, str]:
    """A dossier received at the desk, waiting for payment, with a line and an open VNPay payment
    (as ``bench/payments_bench.py`` prepares them); its code and the payment's order reference."""
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(desk)
    assert created.status_code == 201, created.text
    code = created.json()["code"]
    ref = "MC" + secrets.token_hex(9).upper()
    async with world.factory() as session:
        dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None
        dossier.resume_status, dossier.resume_step = dossier.status, dossier.current_step
        dossier.status = DossierStatus.awaiting_payment
        dossier.paused_at = datetime.now(UTC) - timedelta(hours=1)
        line = DossierFeeLine(
            dossier_id=dossier.id, name="Lệ phí", kind="levy", amount=AMOUNT,
            requires_confirmation=False, confirmed=True, due="on_request",
        )  # fmt: skip
        session.add(line)
        await session.flush()
        session.add(
            Payment(
                id=uuid.uuid4(), dossier_id=dossier.id, provider=PaymentProvider.vnpay,
                merchant_code=TMN, agency_code="lean", order_ref=ref, amount=AMOUNT,
                status=PaymentStatus.pending, fee_line_ids=[line.id],
                expires_at=datetime.now(UTC) + timedelta(hours=1),
            )
        )  # fmt: skip
        await session.commit()
    return code, ref


async def _written(world: World, code: str, ref: str) -> dict[str, object]:
    """What a callback wrote: the payment, the dossier, its last event and outbox messages."""
    async with world.factory() as session:
        payment = await session.scalar(select(Payment).where(Payment.order_ref == ref))
        dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
        assert payment is not None and dossier is not None
        event = await session.scalar(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier.id)
            .order_by(DossierEvent.seq.desc())
            .limit(1)
        )
        assert event is not None
        topics = await session.scalars(
            select(OutboxMessage.topic)
            .where(OutboxMessage.ordering_key.contains(code))
            .where(OutboxMessage.payload["event_seq"].as_integer() == event.seq)
            .order_by(OutboxMessage.id)
        )
        callbacks = await session.scalar(
            select(func.count())
            .select_from(PaymentCallback)
            .where(PaymentCallback.order_ref == ref)
        )
        return {
            "payment": (payment.status, payment.provider_txn_id is not None),
            "dossier": (dossier.status, dossier.paused_at, dossier.resume_status),
            "event": (event.action, event.actor_kind.value, event.actor_id, event.to_status),
            "topics": list(topics),
            "callbacks": callbacks,
        }


@pytest.mark.parametrize("lean", [True, False], ids=["lean", "documented"])
async def test_a_success_ipn_is_recorded_once_on_either_route(
    settings: Settings,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    dev_key: bytes,
    lean: bool,
) -> None:
    app = _app(settings, engine, session_factory, dev_key, lean=lean)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        world = World(app, c, session_factory, app.state.settings)
        code, ref = await _awaiting_payment(world)
        first = await c.get(_ipn(ref, 7001), headers={"X-Request-ID": "ipn-1"})
        again = await c.get(_ipn(ref, 7001))
        written = await _written(world, code, ref)
    assert first.status_code == 200 and first.headers["x-request-id"] == "ipn-1"
    assert first.json() == {"RspCode": "00", "Message": "Confirm Success"}
    assert again.json()["RspCode"] == "02"  # already confirmed: one state change
    assert written["payment"] == (PaymentStatus.succeeded, True)
    status, paused_at, resume_status = written["dossier"]  # type: ignore[misc]
    assert status is not DossierStatus.awaiting_payment and (paused_at, resume_status) == (
        None,
        None,
    )
    assert written["event"] == ("record_payment", "gateway", "vnpay", status)  # resumed
    assert written["topics"]  # the event's messages queued in the same transaction
    assert written["callbacks"] == 2  # both raw callbacks stored


async def test_the_lean_route_answers_every_callback_like_the_documented_route(
    settings: Settings,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    dev_key: bytes,
) -> None:
    lean = _app(settings, engine, session_factory, dev_key, lean=True)
    routed = _app(settings, engine, session_factory, dev_key, lean=False)
    requests: list[tuple[str, str, bytes]] = [
        ("GET", _ipn("NOSUCHORDER1", 1), b""),  # unknown order
        ("GET", _ipn("NOSUCHORDER1", 1) + "0", b""),  # bad signature
        ("GET", "/api/v1/payments/vnpay/ipn", b""),  # nothing at all
        ("GET", "/api/v1/payments/vnpay/ipn?vnp_TxnRef=%00", b""),  # a NUL reaches the handler
        ("POST", "/api/v1/payments/momo/ipn", b"{}"),
        ("POST", "/api/v1/payments/momo/ipn", b"not json"),
        ("POST", "/api/v1/payments/zalopay/callback", b'{"data": "{}", "mac": "x", "type": 1}'),
        ("POST", "/api/v1/payments/national/callback", b'{"data": "e30=", "signature": "x"}'),
    ]
    transports = (httpx.ASGITransport(app=lean), httpx.ASGITransport(app=routed))
    async with (
        httpx.AsyncClient(transport=transports[0], base_url="http://t") as lean_client,
        httpx.AsyncClient(transport=transports[1], base_url="http://t") as routed_client,
    ):
        for method, url, body in requests:
            a = await lean_client.request(method, url, content=body)
            b = await routed_client.request(method, url, content=body)
            assert (a.status_code, a.content, a.headers.get("content-type")) == (
                b.status_code,
                b.content,
                b.headers.get("content-type"),
            ), (method, url)
    # only the documented path and method are lean; the rest is FastAPI's (405, redirect...)
    scope = {"type": "http", "method": "HEAD", "path": "/api/v1/payments/vnpay/ipn"}
    assert payments_router.lean_request(scope) is None
    scope = {"type": "http", "method": "GET", "path": "/api/v1/payments/momo/ipn"}
    assert payments_router.lean_request(scope) is None


async def test_our_failure_rolls_everything_back_and_keeps_the_raw_callback(
    settings: Settings,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    dev_key: bytes,
) -> None:
    """A failure while handling (here the database refuses to mark the fee lines paid, after the
    payment's change) is VNPay's 99 (it calls again): the payment's change already made is rolled
    back, the raw callback is stored with disposition ``error``."""
    app = _app(settings, engine, session_factory, dev_key, lean=True)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        world = World(app, c, session_factory, app.state.settings)
        code, ref = await _awaiting_payment(world)
        async with world.factory() as session:  # the test's own transaction drops it again
            await session.execute(
                text(
                    "CREATE FUNCTION refuse_line_payment() RETURNS trigger LANGUAGE plpgsql "
                    "AS $$ BEGIN RAISE EXCEPTION 'no fee line may be paid'; END $$"
                )
            )
            await session.execute(
                text(
                    "CREATE TRIGGER refuse_line_payment BEFORE UPDATE ON dossier_fee_lines "
                    "FOR EACH ROW EXECUTE FUNCTION refuse_line_payment()"
                )
            )
            await session.commit()
        answer = await c.get(_ipn(ref, 7002))
    assert answer.status_code == 200 and answer.json()["RspCode"] == "99"
    async with world.factory() as session:
        payment = await session.scalar(select(Payment).where(Payment.order_ref == ref))
        dossier = await session.scalar(select(Dossier).where(Dossier.code == code))
        raw = (
            await session.scalars(select(PaymentCallback).where(PaymentCallback.order_ref == ref))
        ).all()
    assert payment is not None and payment.status is PaymentStatus.pending
    assert dossier is not None and dossier.status is DossierStatus.awaiting_payment
    assert [(r.disposition, r.payment_id, r.verified) for r in raw] == [("error", None, True)]
