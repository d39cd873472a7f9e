"""Starting an online payment and reading one (DESIGN.md sections 3 and 7; issue 15).

A payment is made for the dossier's confirmed, unpaid fee lines due at its current point (before
receipt: those due on submission; waiting for payment or resolved: all), records the lines it covers,
and goes to the competent agency's merchant account unless the procedure application names another
payee agency (``payee_of``; the payment's ``agency_code`` is the payee). At most one open payment per dossier: asking
again with the same provider returns the open one; another provider first asks the gateway about the
open one and expires it only when the gateway says it is unpaid (``reconcile.settle_from_query``).
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.errors import Conflict, NotFound, ProblemCode, ServiceUnavailable
from app.models.dossier import Dossier, DossierStatus
from app.models.payment import (
    OPEN_PAYMENT_STATUSES,
    Payment,
    PaymentProvider,
    PaymentStatus,
)
from app.models.procedure import ProcedureApplication
from app.services.dossiers import effects as dossier_effects
from app.services.dossiers.access import get_visible, visible_to
from app.services.identity.principals import CitizenPrincipal, Principal
from app.services.payments import outbound
from app.services.payments import reconcile as reconcile_service
from app.services.payments.gateways.base import PaymentOrder
from app.services.payments.merchants import merchants

# where confirmed fees are payable (the lifecycle's record_payment rows for the gateway actor)
PAYABLE_STATUSES = frozenset(
    {DossierStatus.submitted, DossierStatus.awaiting_payment, DossierStatus.resolved}
)
CALLBACK_PATHS = {
    PaymentProvider.vnpay: "/api/v1/payments/vnpay/ipn",
    PaymentProvider.momo: "/api/v1/payments/momo/ipn",
    PaymentProvider.zalopay: "/api/v1/payments/zalopay/callback",
    PaymentProvider.national: "/api/v1/payments/national/callback",
}


@dataclass(frozen=True)
class Started:
    payment: Payment
    created: bool  # False: the open payment returned again


def new_order_ref() -> str:
    """Our transaction reference: 20 upper-case letters and digits, random (never guessable)."""
    return "MC" + secrets.token_hex(9).upper()


def return_url(settings: Settings, provider: PaymentProvider) -> str:
    return f"{settings.public_base_url.rstrip('/')}/api/v1/payments/{provider.value}/return"


async def payee_of(session: AsyncSession, dossier: Dossier) -> str:
    """The agency whose merchant accounts collect the dossier's fees: the one its procedure
    application names, else the competent agency (issue 15)."""
    named = await session.scalar(
        select(ProcedureApplication.payee_agency_code).where(
            ProcedureApplication.id == dossier.application_id
        )
    )
    return named or dossier.competent_agency_code


async def _open_payment(session: AsyncSession, dossier: Dossier) -> Payment | None:
    return await session.scalar(
        select(Payment)
        .where(Payment.dossier_id == dossier.id, Payment.status.in_(OPEN_PAYMENT_STATUSES))
        .with_for_update()
    )


async def start(
    session: AsyncSession,
    settings: Settings,
    principal: Principal,
    code: str,
    provider: PaymentProvider,
    *,
    client_ip: str,
    now: datetime,
) -> Started:
    """Start (or return the open) payment of dossier ``code`` through ``provider``."""
    dossier = await get_visible(session, principal, code, for_update=True)
    configured = merchants(settings)
    gateway = configured.gateway(provider)
    payee = await payee_of(session, dossier)
    merchant = configured.account_for(payee, provider)
    assert gateway is not None  # account_for refuses a provider without a gateway
    if dossier.status not in PAYABLE_STATUSES:
        raise Conflict(
            "Hồ sơ không có khoản phí, lệ phí nào phải nộp lúc này.", code=ProblemCode.nothing_due
        )
    open_payment = await _open_payment(session, dossier)
    if open_payment is not None:
        if open_payment.provider is provider:
            return Started(open_payment, created=False)
        # another provider: ask the gateway first; only an unpaid answer expires it
        settled = await reconcile_service.settle_from_query(
            session, settings, open_payment, now=now, expire_unpaid=True
        )
        if settled.status in OPEN_PAYMENT_STATUSES or settled.status is PaymentStatus.succeeded:
            raise Conflict(
                "Hồ sơ đang có một giao dịch thanh toán chưa kết thúc; vui lòng thử lại sau.",
                code=ProblemCode.conflict,
            )
    lines = await dossier_effects.unpaid_lines(
        session, dossier, dossier_effects.payable_point(dossier.status)
    )
    amount = sum(line.amount for line in lines)
    if amount <= 0:
        raise Conflict(
            "Hồ sơ không có khoản phí, lệ phí nào phải nộp lúc này.", code=ProblemCode.nothing_due
        )
    payment = Payment(
        id=uuid.uuid4(),
        dossier_id=dossier.id,
        provider=provider,
        merchant_code=merchant,
        agency_code=payee,
        order_ref=new_order_ref(),
        amount=amount,
        status=PaymentStatus.created,
        fee_line_ids=[line.id for line in lines],
        owner_subject=principal.subject if isinstance(principal, CitizenPrincipal) else None,
        created_at=now,
        expires_at=now + timedelta(minutes=settings.payment_expiry_minutes),
    )
    order = PaymentOrder(
        order_ref=payment.order_ref,
        amount=amount,
        description=f"Thanh toan phi le phi ho so {dossier.code}",
        created_at=now,
        expires_at=payment.expires_at,
        return_url=return_url(settings, provider),
        notify_url=settings.public_base_url.rstrip("/") + CALLBACK_PATHS[provider],
        client_ip=client_ip,
    )
    request = gateway.create(merchant, order)
    if request.is_redirect:
        payment.pay_url = request.url
    else:
        try:
            body = await outbound.send(request, settings.payment_http_timeout_seconds)
        except httpx.HTTPError:
            raise ServiceUnavailable(
                "Cổng thanh toán đang không trả lời; vui lòng thử lại sau.",
                code=ProblemCode.payment_gateway_unavailable,
            ) from None
        result = gateway.parse_create_response(merchant, body)
        if not result.ok:
            raise ServiceUnavailable(
                "Cổng thanh toán từ chối tạo giao dịch; vui lòng thử lại hoặc chọn kênh khác.",
                code=ProblemCode.payment_gateway_unavailable,
            )
        payment.pay_url = result.pay_url
        payment.provider_code = result.provider_code
    payment.status = PaymentStatus.pending
    session.add(payment)
    await session.flush()
    return Started(payment, created=True)


async def get(session: AsyncSession, principal: Principal, payment_id: uuid.UUID) -> Payment:
    """One payment, for whoever may see its dossier (the owner, the officers handling it)."""
    payment = await session.scalar(
        select(Payment)
        .join(Dossier, Dossier.id == Payment.dossier_id)
        .where(Payment.id == payment_id, visible_to(principal))
    )
    if payment is None:
        raise NotFound("Không tìm thấy giao dịch thanh toán.", code=ProblemCode.payment_not_found)
    return payment


async def dossier_code(session: AsyncSession, payment: Payment) -> str:
    code = await session.scalar(select(Dossier.code).where(Dossier.id == payment.dossier_id))
    assert code is not None
    return code
