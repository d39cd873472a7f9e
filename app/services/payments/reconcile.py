"""Reconciliation: ask the gateway about payments whose word never came (issue 15; GOV.UK Pay's
"mop-up job").

A payment still open ``MOTCUA_PAYMENT_RECONCILE_AFTER_MINUTES`` after its creation is queried (VNPay
``querydr``, MoMo and ZaloPay query). What the gateway says is applied as a callback's word would be
(``settle.apply``); ZaloPay sends no failure callbacks, so its failures come from here. A payment
expires only after the query says it is unpaid (no such order, or still pending past its expiry):
never on our clock alone. The job also purges raw callbacks older than their retention.
"""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db import SessionFactory
from app.models.dossier import Dossier
from app.models.payment import (
    OPEN_PAYMENT_STATUSES,
    AlertKind,
    Payment,
    PaymentCallback,
    PaymentStatus,
)
from app.services.payments import outbound, settle
from app.services.payments.gateways.base import PaymentQuery, QueryStatus
from app.services.payments.merchants import merchants
from app.services.system.registry import PeriodicJob, WorkerContext

log = logging.getLogger(__name__)
BATCH = 100


async def settle_from_query(
    session: AsyncSession,
    settings: Settings,
    payment: Payment,
    *,
    now: datetime,
    expire_unpaid: bool = False,
) -> Payment:
    """Ask the gateway about ``payment`` and apply its answer; with ``expire_unpaid`` (another
    provider chosen) or past its expiry, an order the gateway says is unpaid expires."""
    gateway = merchants(settings).gateway(payment.provider)
    if gateway is None:
        return payment
    query = PaymentQuery(
        order_ref=payment.order_ref,
        order_created_at=payment.created_at,
        request_id=secrets.token_hex(8).upper(),
        requested_at=now,
        server_ip="127.0.0.1",
    )
    try:
        body = await outbound.send(
            gateway.query(payment.merchant_code, query), settings.payment_http_timeout_seconds
        )
    except httpx.HTTPError:
        log.warning("payment_query_failed", extra={"payment": str(payment.id)})
        return payment
    result = gateway.parse_query_response(payment.merchant_code, body)
    if not result.verified or result.status is QueryStatus.error:
        return payment
    if result.status is QueryStatus.found and result.outcome is not None:
        if result.amount is not None and result.amount != payment.amount:
            await settle.alert(
                session, payment, AlertKind.amount_mismatch, now,
                source="query", amount=result.amount, expected=payment.amount,
            )  # fmt: skip
            return payment
        word = settle.Word(result.outcome, result.provider_txn_id, result.provider_code)
        await settle.apply(session, settings, payment, word, now=now)
        if payment.status not in OPEN_PAYMENT_STATUSES:
            return payment
    unpaid = result.status is QueryStatus.no_such_order or result.outcome is not None
    if unpaid and (expire_unpaid or now >= payment.expires_at):
        await session.execute(
            update(Payment)
            .where(Payment.id == payment.id, Payment.status.in_(OPEN_PAYMENT_STATUSES))
            .values(status=PaymentStatus.expired, settled_at=now)
            .execution_options(synchronize_session=False)
        )
        await session.refresh(payment)
    return payment


async def reconcile_due(settings: Settings, factory: SessionFactory, now: datetime) -> int:
    """Query every payment open longer than the configured time; one transaction each."""
    cutoff = now - timedelta(minutes=settings.payment_reconcile_after_minutes)
    async with factory() as session:
        ids = list(
            await session.scalars(
                select(Payment.id)
                .where(Payment.status.in_(OPEN_PAYMENT_STATUSES), Payment.created_at <= cutoff)
                .order_by(Payment.created_at)
                .limit(BATCH)
            )
        )
    settled = 0
    for payment_id in ids:
        async with factory() as session, session.begin():
            # the dossier first, then the payment: the order of a payment's start and of a callback
            # (two transactions taking the same two rows in opposite orders could deadlock); one
            # busy now (an officer's action, the callback itself) is reconciled at the next run
            dossier = await session.scalar(
                select(Dossier.id)
                .where(
                    Dossier.id
                    == select(Payment.dossier_id).where(Payment.id == payment_id).scalar_subquery()
                )
                .with_for_update(skip_locked=True)
            )
            if dossier is None:
                continue
            payment = await session.scalar(
                select(Payment).where(Payment.id == payment_id).with_for_update()
            )
            if payment is None or payment.status not in OPEN_PAYMENT_STATUSES:
                continue
            await settle_from_query(session, settings, payment, now=now)
            if payment.status not in OPEN_PAYMENT_STATUSES:
                settled += 1
    return settled


async def reconcile_job(ctx: WorkerContext, period: datetime) -> int:
    """The periodic job: reconcile, then purge raw callbacks past their retention."""
    now = datetime.now(UTC)
    settled = await reconcile_due(ctx.settings, ctx.session_factory, now)
    async with ctx.session_factory() as session, session.begin():
        await session.execute(
            delete(PaymentCallback).where(
                PaymentCallback.received_at
                < now - timedelta(days=ctx.settings.payment_callback_retention_days)
            )
        )
    return settled


JOBS = (PeriodicJob("payments.reconcile", reconcile_job, every=timedelta(minutes=5)),)
