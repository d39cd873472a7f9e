"""Gateway callbacks (IPN): verified, handled exactly once, answered in the gateway's own protocol.

Order of checks (issue 15; reference §1.4, §1.9): the merchant key chosen by the merchant code in
the request and the signature (inside the gateway module's ``parse_callback``), the order, the amount
against the payment row, the state. Every callback is appended raw with its verification outcome and
what we concluded, whatever it was (no uniqueness: VNPay sends ``vnp_TransactionNo=0`` on every
failure and repeats IPNs). An unverified callback carries no outcome, so it is never recorded as a
payment result (DESIGN.md section 10). Our own failure is answered as the protocol's "try again".
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.errors import DomainError
from app.models.payment import AlertKind, Payment, PaymentCallback, PaymentProvider
from app.services.payments import settle
from app.services.payments.gateways.base import (
    CallbackAnswer,
    CallbackResult,
    Disposition,
    Gateway,
    PaymentOutcome,
    RawCallback,
)
from app.services.payments.gateways.momo import MomoGateway
from app.services.payments.gateways.national import FakeNationalPlatform, NationalPlatformConfig
from app.services.payments.gateways.vnpay import VnpayGateway
from app.services.payments.gateways.zalopay import ZalopayGateway
from app.services.payments.merchants import merchants

log = logging.getLogger(__name__)

# answers when no merchant of the provider is configured (every callback is then a bad signature)
_UNCONFIGURED: dict[PaymentProvider, Gateway] = {
    PaymentProvider.vnpay: VnpayGateway({}),
    PaymentProvider.momo: MomoGateway({}),
    PaymentProvider.zalopay: ZalopayGateway({}),
    # no partner: every callback is refused, in the fake's words [U] (the platform's are not public)
    PaymentProvider.national: FakeNationalPlatform(NationalPlatformConfig()),
}


# Statements built once (their SQL cache key too), every value bound: a callback builds none.
_PAYMENT_OF_ORDER = select(Payment).where(*settle.OF_ORDER)
_RAW_CALLBACK = insert(PaymentCallback)  # on the connection: no ORM object, nothing reads it


async def _decide(
    session: AsyncSession,
    settings: Settings,
    provider: PaymentProvider,
    result: CallbackResult,
    now: datetime,
    refused: DomainError | None = None,
) -> tuple[Disposition, Payment | None]:
    rejected = result.disposition_if_rejected
    if rejected is not None:
        return rejected, None
    assert result.order_ref is not None and result.outcome is not None
    word = settle.Word(result.outcome, result.provider_txn_id, result.provider_code)
    if result.outcome is PaymentOutcome.succeeded:  # the common case first, in one statement
        order = settle.OrderOf(provider, result.merchant, result.order_ref, result.amount)
        paid = await settle.apply_success_of_order(
            session, settings, order, word, now=now, refused=refused
        )
        if paid is not None:
            return Disposition.recorded, paid
    payment = await session.scalar(
        _PAYMENT_OF_ORDER,
        {"w_order_ref": result.order_ref, "w_provider": provider, "w_merchant": result.merchant},
    )
    if payment is None:
        return Disposition.unknown_order, None
    if result.amount != payment.amount:
        await settle.alert(
            session, payment, AlertKind.amount_mismatch, now,
            source="callback", amount=result.amount, expected=payment.amount,
            outcome=result.outcome.value,
        )  # fmt: skip
        return Disposition.wrong_amount, payment
    change = await settle.apply(
        session, settings, payment, word, now=now, isolated=False, refused=refused
    )
    if change is settle.Change.applied:
        return Disposition.recorded, payment
    return Disposition.duplicate, payment


async def handle(
    session: AsyncSession,
    settings: Settings,
    provider: PaymentProvider,
    raw: RawCallback,
    *,
    now: datetime,
) -> CallbackAnswer:
    """Handle one callback of ``provider`` and return its protocol's answer.

    The callback owns ``session``'s transaction (its route writes nothing else): on our failure the
    whole of it is rolled back (no savepoint to pay for on every callback) and the raw row is then
    written alone, in the transaction the route commits."""
    gateway = merchants(settings).gateway(provider) or _UNCONFIGURED[provider]
    result = gateway.parse_callback(raw)
    payment: Payment | None = None
    try:
        try:
            disposition, payment = await _decide(session, settings, provider, result, now)
        except settle.NotPayable as refusal:
            # the dossier refused the payment: nothing of the attempt stays, and the same callback
            # is applied again, recording the refund alert instead of the dossier's change
            await session.rollback()
            disposition, payment = await _decide(
                session, settings, provider, result, now, refused=refusal.error
            )
        await session.flush()  # a failing write is our failure too (an alert's row)
    except Exception:  # our failure: the gateway tries again (VNPay 99, MoMo 500, ZaloPay 0)
        log.exception("payment_callback_failed", extra={"provider": provider.value})
        await session.rollback()
        disposition, payment = Disposition.error, None
    # the raw row as one Core INSERT (no unit of work: nothing reads it back in this transaction)
    await (await session.connection()).execute(
        _RAW_CALLBACK,
        {
            "provider": provider,
            "payment_id": payment.id if payment is not None else None,
            "received_at": now,
            "query": raw.query.replace("\x00", "\ufffd"),
            "body": raw.body.decode("utf-8", errors="replace").replace("\x00", "\ufffd"),
            "verified": result.verified,
            "rejection": result.rejection.value if result.rejection else None,
            "outcome": result.outcome.value if result.outcome else None,
            "disposition": disposition.value,
            "order_ref": (result.order_ref or "")[:64] or None,
        },
    )
    return gateway.callback_answer(disposition)
