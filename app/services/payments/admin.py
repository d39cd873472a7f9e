"""What administrators (the finance office) do with payments: the list with filters, one payment's
callback history, the open alerts, refunds, and the daily settlement report per merchant account.

Province-wide: the payments of every agency (the province administrator). A refund is recorded
(status ``refunded``, the reason and the gateway's or the treasury's reference), never made from
here, and written to the admin audit log.
"""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import VIETNAM_TZ_NAME
from app.errors import Conflict, NotFound, ProblemCode
from app.models.audit import AdminAction, AuditTarget
from app.models.dossier import Dossier
from app.models.payment import (
    Payment,
    PaymentAlert,
    PaymentCallback,
    PaymentProvider,
    PaymentStatus,
)
from app.services.system import audit
from app.services.system.audit import AuditActor

VIETNAM = ZoneInfo(VIETNAM_TZ_NAME)
PAGE = 100


@dataclass(frozen=True)
class PaymentFilter:
    status: PaymentStatus | None = None
    provider: PaymentProvider | None = None
    agency_code: str | None = None
    merchant_code: str | None = None
    dossier_code: str | None = None
    created_from: datetime | None = None
    created_until: datetime | None = None
    limit: int = PAGE


async def list_payments(session: AsyncSession, query: PaymentFilter) -> list[tuple[Payment, str]]:
    """Payments matching the filters, newest first, with their dossier's code."""
    statement = select(Payment, Dossier.code).join(Dossier, Dossier.id == Payment.dossier_id)
    if query.status is not None:
        statement = statement.where(Payment.status == query.status)
    if query.provider is not None:
        statement = statement.where(Payment.provider == query.provider)
    if query.agency_code:
        statement = statement.where(Payment.agency_code == query.agency_code)
    if query.merchant_code:
        statement = statement.where(Payment.merchant_code == query.merchant_code)
    if query.dossier_code:
        statement = statement.where(Dossier.code == query.dossier_code)
    if query.created_from is not None:
        statement = statement.where(Payment.created_at >= query.created_from)
    if query.created_until is not None:
        statement = statement.where(Payment.created_at < query.created_until)
    rows = await session.execute(
        statement.order_by(Payment.created_at.desc(), Payment.id).limit(query.limit)
    )
    return [(payment, code) for payment, code in rows.all()]


async def _payment(session: AsyncSession, payment_id: uuid.UUID) -> Payment:
    payment = await session.get(Payment, payment_id)
    if payment is None:
        raise NotFound("Không tìm thấy giao dịch thanh toán.", code=ProblemCode.payment_not_found)
    return payment


async def callbacks_of(session: AsyncSession, payment_id: uuid.UUID) -> list[PaymentCallback]:
    """Every callback received about one payment, oldest first (raw, with its outcome)."""
    await _payment(session, payment_id)
    return list(
        await session.scalars(
            select(PaymentCallback)
            .where(PaymentCallback.payment_id == payment_id)
            .order_by(PaymentCallback.id)
        )
    )


async def open_alerts(session: AsyncSession) -> list[PaymentAlert]:
    return list(
        await session.scalars(
            select(PaymentAlert)
            .where(PaymentAlert.resolved_at.is_(None))
            .order_by(PaymentAlert.id)
            .limit(1000)
        )
    )


async def refund(
    session: AsyncSession,
    actor: AuditActor,
    payment_id: uuid.UUID,
    *,
    reason: str,
    reference: str,
    now: datetime,
) -> Payment:
    """Record a refund made through the gateway or the treasury: a succeeded payment becomes
    ``refunded`` (its fee lines stay paid: the dossier's history is not rewritten); the payment's
    refund alerts are resolved; the admin audit log names who recorded it."""
    payment = await _payment(session, payment_id)
    changed = await session.scalar(
        update(Payment)
        .where(Payment.id == payment_id, Payment.status == PaymentStatus.succeeded)
        .values(status=PaymentStatus.refunded, refund_reason=reason, refund_reference=reference)
        .returning(Payment.id)
        .execution_options(synchronize_session=False)
    )
    if changed is None:
        raise Conflict(
            "Chỉ hoàn tiền được cho giao dịch đã thanh toán thành công.",
            code=ProblemCode.refund_not_allowed,
        )
    await session.execute(
        update(PaymentAlert)
        .where(PaymentAlert.payment_id == payment_id, PaymentAlert.resolved_at.is_(None))
        .values(resolved_at=now)
    )
    await session.refresh(payment)
    await audit.record(
        session,
        actor,
        AdminAction.payment_refund,
        AuditTarget.payment,
        str(payment_id),
        {"reason": reason, "reference": reference, "amount": payment.amount},
    )
    return payment


SETTLEMENT_COLUMNS = (
    "settled_at_local",
    "merchant_code",
    "provider",
    "order_ref",
    "provider_txn_id",
    "receipt_number",
    "dossier_code",
    "agency_code",
    "amount",
    "status",
)


async def settlement_csv(session: AsyncSession, day: date, merchant_code: str | None = None) -> str:
    """The payments settled on one local (Asia/Ho_Chi_Minh) day, per merchant account, as CSV for
    the finance office: succeeded ones, and refunded ones (the money came in that day too)."""
    start = datetime.combine(day, time.min, VIETNAM)
    end = start + timedelta(days=1)
    statement = (
        select(Payment, Dossier.code)
        .join(Dossier, Dossier.id == Payment.dossier_id)
        .where(
            Payment.status.in_((PaymentStatus.succeeded, PaymentStatus.refunded)),
            Payment.settled_at >= start,
            Payment.settled_at < end,
        )
        .order_by(Payment.merchant_code, Payment.settled_at, Payment.id)
    )
    if merchant_code:
        statement = statement.where(Payment.merchant_code == merchant_code)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(SETTLEMENT_COLUMNS)
    for payment, code in (await session.execute(statement)).all():
        assert payment.settled_at is not None
        writer.writerow(
            (
                payment.settled_at.astimezone(VIETNAM).isoformat(timespec="seconds"),
                payment.merchant_code,
                payment.provider.value,
                payment.order_ref,
                payment.provider_txn_id or "",
                payment.receipt_number or "",
                code,
                payment.agency_code,
                payment.amount,
                payment.status.value,
            )
        )
    return out.getvalue()


async def dossier_code_of(session: AsyncSession, payment: Payment) -> str:
    code = await session.scalar(select(Dossier.code).where(Dossier.id == payment.dossier_id))
    assert code is not None
    return code
