"""Payments for the finance office (province administrator): the list, one payment's callbacks, the
open alerts, refunds, and the daily settlement report per merchant account (CSV)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import Depends, Query
from fastapi.responses import Response

from app.errors import ProblemCode
from app.models.payment import Payment
from app.openapi_docs import file_content
from app.problems import JSON_BODY, problem_responses
from app.routing import NO_STORE, ReadSession, Router, Session
from app.schemas.payments import (
    AdminPaymentQuery,
    AdminPaymentRead,
    PaymentAlertRead,
    PaymentCallbackRead,
    RefundCreate,
)
from app.security import PROVINCE_ADMIN_PROBLEMS, Administrator, require_province_admin
from app.services.payments import admin as payments_admin

router = Router(
    prefix="/api/v1/admin/payments", tags=["admin: payments"], response_headers=NO_STORE
)
province_admin = Depends(require_province_admin)


def _read(payment: Payment, dossier_code: str) -> AdminPaymentRead:
    return AdminPaymentRead(
        id=payment.id,
        dossier_code=dossier_code,
        provider=payment.provider,
        order_ref=payment.order_ref,
        amount=payment.amount,
        status=payment.status,
        fee_line_ids=payment.fee_line_ids,
        pay_url=payment.pay_url,
        receipt_number=payment.receipt_number,
        created_at=payment.created_at,
        expires_at=payment.expires_at,
        settled_at=payment.settled_at,
        merchant_code=payment.merchant_code,
        agency_code=payment.agency_code,
        provider_txn_id=payment.provider_txn_id,
        provider_code=payment.provider_code,
        refund_reason=payment.refund_reason,
        refund_reference=payment.refund_reference,
    )


@router.get(
    "",
    operation_id="admin_list_payments",
    summary="Danh sách giao dịch thanh toán (lọc theo trạng thái, kênh, cơ quan, tài khoản, hồ sơ, thời gian)",
    response_model=list[AdminPaymentRead],
    responses=problem_responses(PROVINCE_ADMIN_PROBLEMS, ProblemCode.validation_failed),
)
async def list_payments(
    session: ReadSession,
    query: Annotated[AdminPaymentQuery, Query()],
    admin: Administrator = province_admin,
) -> list[AdminPaymentRead]:
    """The finance office's list of payments, filtered by status, provider, agency, merchant
    account, dossier and time."""
    rows = await payments_admin.list_payments(
        session, payments_admin.PaymentFilter(**query.model_dump())
    )
    return [_read(payment, code) for payment, code in rows]


@router.get(
    "/alerts",
    operation_id="admin_payment_alerts",
    summary="Cảnh báo thanh toán đang mở (hoàn tiền, sai số tiền)",
    response_model=list[PaymentAlertRead],
    responses=problem_responses(PROVINCE_ADMIN_PROBLEMS),
)
async def payment_alerts(
    session: ReadSession, admin: Administrator = province_admin
) -> list[PaymentAlertRead]:
    """Open payment alerts for the finance office: money taken that must be refunded
    (`refund_needed`) and verified successes for another amount (`amount_mismatch`)."""
    return [PaymentAlertRead.model_validate(a) for a in await payments_admin.open_alerts(session)]


@router.get(
    "/settlement",
    operation_id="admin_payment_settlement",
    summary="Báo cáo đối soát trong ngày theo tài khoản thu (CSV, theo ngày giờ Việt Nam)",
    response_class=Response,
    responses={
        200: {
            "description": "Báo cáo đối soát (CSV)",
            "content": file_content("text/csv; charset=utf-8"),
        },
        **problem_responses(PROVINCE_ADMIN_PROBLEMS, ProblemCode.validation_failed),
    },
)
async def payment_settlement(
    session: ReadSession,
    day: Annotated[date, Query(description="Ngày (giờ Việt Nam)")],
    merchant_code: Annotated[str | None, Query(max_length=64)] = None,
    admin: Administrator = province_admin,
) -> Response:
    """The day's settlement report per merchant account (CSV; the day in Vietnam's time)."""
    text = await payments_admin.settlement_csv(session, day, merchant_code)
    name = f"doi-soat-{day.isoformat()}{'-' + merchant_code if merchant_code else ''}.csv"
    return Response(
        text.encode("utf-8-sig"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/{payment_id}/callbacks",
    operation_id="admin_payment_callbacks",
    summary="Lịch sử thông báo (callback) của cổng thanh toán về một giao dịch",
    response_model=list[PaymentCallbackRead],
    responses=problem_responses(PROVINCE_ADMIN_PROBLEMS, ProblemCode.payment_not_found),
)
async def payment_callbacks(
    payment_id: uuid.UUID, session: ReadSession, admin: Administrator = province_admin
) -> list[PaymentCallbackRead]:
    """Every callback a gateway sent about one payment (verified or not), for reconciliation."""
    return [
        PaymentCallbackRead.model_validate(c)
        for c in await payments_admin.callbacks_of(session, payment_id)
    ]


@router.post(
    "/{payment_id}/refund",
    operation_id="admin_refund_payment",
    summary="Ghi nhận hoàn tiền một giao dịch",
    response_model=AdminPaymentRead,
    responses=problem_responses(
        PROVINCE_ADMIN_PROBLEMS,
        JSON_BODY,
        ProblemCode.payment_not_found,
        ProblemCode.refund_not_allowed,
    ),
)
async def refund_payment(
    payment_id: uuid.UUID,
    body: RefundCreate,
    session: Session,
    admin: Administrator = province_admin,
) -> AdminPaymentRead:
    """Records that a payment was refunded (the money goes back through the gateway's or the
    treasury's own process). Recorded in the admin audit log."""
    payment = await payments_admin.refund(
        session,
        admin.actor,
        payment_id,
        reason=body.reason,
        reference=body.reference,
        now=datetime.now(UTC),
    )
    return _read(payment, await payments_admin.dossier_code_of(session, payment))
