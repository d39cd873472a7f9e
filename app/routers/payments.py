"""Payments: start one for a dossier, read one, the gateways' callbacks and the browser's return.

The callbacks answer in their gateway's protocol, never as problem+json (bad input included: their
paths are exempt from the input guard, ``PAYMENT_CALLBACK_PREFIXES``); each is one transaction (the
VNPay IPN is a GET that writes). The return page changes nothing: it shows what our API knows.
"""

from __future__ import annotations

import html
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import Depends, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.types import Receive, Scope, Send

from app.admission import FairLimit
from app.callers import Audience, callers
from app.config import Settings
from app.errors import ProblemCode
from app.lean import LEAN_KEY, LeanRoute
from app.models.payment import Payment, PaymentProvider
from app.problems import JSON_BODY, problem_responses
from app.routing import NO_STORE, ReadSession, Router, Session, write_transaction
from app.schemas.payments import (
    NationalCallbackAnswer,
    PaymentCreate,
    PaymentRead,
    VnpayIpnAnswer,
    ZalopayCallbackAnswer,
)
from app.security import CALLER_PROBLEMS, client_address, get_caller
from app.services.identity.principals import Principal
from app.services.payments import callbacks as callback_service
from app.services.payments import payments as payment_service
from app.services.payments.gateways.base import CallbackAnswer, RawCallback
from app.services.payments.gateways.zalopay import order_ref_of

PAYMENT_CALLBACK_PREFIXES = (
    "/api/v1/payments/vnpay/ipn",
    "/api/v1/payments/momo/ipn",
    "/api/v1/payments/zalopay/callback",
    "/api/v1/payments/national/callback",
)

router = Router(tags=["payments"], response_headers=NO_STORE)
callback_router = Router(prefix="/api/v1/payments", tags=["payment callbacks"])

Caller = Annotated[Principal, Depends(get_caller)]


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def _read(session: AsyncSession, payment: Payment) -> PaymentRead:
    code = await payment_service.dossier_code(session, payment)
    return PaymentRead(
        id=payment.id,
        dossier_code=code,
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
    )


@router.post(
    "/api/v1/dossiers/{code}/payments",
    operation_id="start_payment",
    summary="Thanh toán trực tuyến phí, lệ phí của hồ sơ",
    response_model=PaymentRead,
    status_code=201,
    responses={
        200: {"model": PaymentRead, "description": "The open payment of this provider, again"},
        **problem_responses(
            CALLER_PROBLEMS,
            JSON_BODY,
            ProblemCode.dossier_not_found,
            ProblemCode.nothing_due,
            ProblemCode.conflict,
            ProblemCode.provider_unavailable,
            ProblemCode.payment_gateway_unavailable,
        ),
    },
)
async def start_payment(
    code: str, body: PaymentCreate, request: Request, response: Response, session: Session,
    caller: Caller,
) -> PaymentRead:  # fmt: skip
    """Creates a payment for the dossier's confirmed, unpaid fees due now and returns the URL to
    send the payer to. An open payment with the same provider is returned again (200)."""
    settings = _settings(request)
    started = await payment_service.start(
        session,
        settings,
        caller,
        code,
        body.provider,
        client_ip=client_address(request, settings.trusted_proxies),
        now=datetime.now(UTC),
    )
    if not started.created:
        response.status_code = 200
    return await _read(session, started.payment)


@router.get(
    "/api/v1/payments/{payment_id}",
    operation_id="get_payment",
    summary="Một giao dịch thanh toán",
    response_model=PaymentRead,
    responses=problem_responses(CALLER_PROBLEMS, ProblemCode.payment_not_found),
)
async def get_payment(payment_id: uuid.UUID, session: ReadSession, caller: Caller) -> PaymentRead:
    """One payment of a dossier the caller may see: provider, amount, status, the fee lines it
    pays."""
    return await _read(session, await payment_service.get(session, caller, payment_id))


def _answer(answer: CallbackAnswer) -> Response:
    return Response(answer.body, status_code=answer.status_code, media_type=answer.media_type)


async def _callback(request: Request, session: AsyncSession, provider: PaymentProvider) -> Response:
    """One callback of ``provider`` handled in ``session`` (the query of VNPay's GET, the others'
    body as received) and answered in its protocol: the same for the documented and lean routes."""
    if provider is PaymentProvider.vnpay:
        raw = RawCallback(query=request.url.query)
    else:
        raw = RawCallback(body=await request.body())
    return _answer(
        await callback_service.handle(
            session, _settings(request), provider, raw, now=datetime.now(UTC)
        )
    )


@callback_router.get(
    "/vnpay/ipn", operation_id="vnpay_ipn", summary="VNPay IPN", response_class=JSONResponse,
    responses={200: {"model": VnpayIpnAnswer, "description": "Every outcome, in VNPay's words"}},
)  # fmt: skip
@callers(Audience.gateway)
async def vnpay_ipn(request: Request, session: Session) -> Response:
    """VNPay's server-to-server IPN (GET with the signed `vnp_*` query parameters). Answered in
    VNPay's protocol, never as a problem: HTTP 200 with `RspCode` and `Message` whatever happened
    (a bad signature, an unknown order or a wrong amount included), so VNPay retries only what
    it should."""
    return await _callback(request, session, PaymentProvider.vnpay)


# MoMo's answers other than 204 are bodiless (gateways/momo.py); MoMo publishes no meaning for them [U]
_MOMO_REFUSALS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Not a MoMo IPN (no body)"},
    401: {"description": "Unknown partner or bad signature (no body)"},
    404: {"description": "Unknown order (no body)"},
    422: {"description": "Not the payment's amount: refused, alert raised (no body)"},
    500: {"description": "Our failure: MoMo may send it again (no body)"},
}


@callback_router.post(
    "/momo/ipn", operation_id="momo_ipn", summary="MoMo IPN", status_code=204,
    responses=_MOMO_REFUSALS,
)  # fmt: skip
@callers(Audience.gateway)
async def momo_ipn(request: Request, session: Session) -> Response:
    """MoMo's IPN (a signed JSON POST). Answered in MoMo's protocol, never as a problem: 204 once
    recorded, a bodiless 4xx for a refusal, 500 for our own failure (MoMo calls again)."""
    return await _callback(request, session, PaymentProvider.momo)


@callback_router.post(
    "/zalopay/callback", operation_id="zalopay_callback", summary="ZaloPay callback",
    response_class=JSONResponse,
    responses={200: {"model": ZalopayCallbackAnswer, "description": "Every outcome, in ZaloPay's words"}},
)  # fmt: skip
@callers(Audience.gateway)
async def zalopay_callback(request: Request, session: Session) -> Response:
    """ZaloPay's callback (a JSON POST of `data`, `mac`, `type`; the mac over `data` as received).
    Answered in ZaloPay's protocol, never as a problem: HTTP 200 with `return_code` and
    `return_message` whatever happened."""
    return await _callback(request, session, PaymentProvider.zalopay)


@callback_router.post(
    "/national/callback", operation_id="national_payment_callback",
    summary="Nền tảng thanh toán quốc gia: callback", response_class=JSONResponse,
    responses={200: {"model": NationalCallbackAnswer, "description": "Every outcome, in the adapter's words"}},
)  # fmt: skip
@callers(Audience.gateway)
async def national_payment_callback(request: Request, session: Session) -> Response:
    """The national payment platform's callback, in its configured adapter's protocol (the bundled
    fake's, [U]: a JSON POST of `data` (base64 JSON) and `signature`, answered HTTP 200 with
    `code` and `message` whatever happened; docs/payments.md). Never answered as a problem."""
    return await _callback(request, session, PaymentProvider.national)


# The gateways' callbacks as lean routes (app/lean.py): each is a write transaction under load from
# the gateways (issue 15, acceptance 5) whose handler takes no parameter FastAPI would parse, so the
# framework's routing and dependency solving are skipped; the same user middleware, the same
# ``_callback``, committed before the answer is sent (``write_transaction``). Another method (HEAD)
# or path (a trailing slash) is the documented route's.
_LEAN_CALLBACKS: dict[tuple[str, str], PaymentProvider] = {
    ("GET", "/api/v1/payments/vnpay/ipn"): PaymentProvider.vnpay,
    ("POST", "/api/v1/payments/momo/ipn"): PaymentProvider.momo,
    ("POST", "/api/v1/payments/zalopay/callback"): PaymentProvider.zalopay,
    ("POST", "/api/v1/payments/national/callback"): PaymentProvider.national,
}


def lean_request(scope: Scope) -> PaymentProvider | None:
    """The provider whose callback ``scope`` is (its documented method and path), else ``None``."""
    return _LEAN_CALLBACKS.get((scope["method"], scope["path"]))


async def lean_callback(scope: Scope, receive: Receive, send: Send) -> None:
    """Serves a callback :func:`lean_request` matched, in one transaction committed before the
    answer (an error rolls it back and becomes the 500 problem, as on the documented route).

    At most ``MOTCUA_CALLBACK_CONCURRENCY`` callbacks run at once in a process, the others waiting
    in arrival order (``admission.FairLimit``): a callback is CPU work in this process and a few
    round trips, so running more at once only stretches every one of them, and adds backends
    contending in the database (32 gateways: p99 238 -> 161 ms with 8 at once, bench/README.md)."""
    request = Request(scope, receive)
    admission: FairLimit = request.app.state.callback_admission  # create_app's, per process
    async with admission, write_transaction(request.app.state) as session:
        response = await _callback(request, session, scope[LEAN_KEY])
    await response(scope, receive, send)


LEAN_ROUTE = LeanRoute(match=lean_request, serve=lean_callback)


STATUS_VI = {
    "created": "Đang chờ thanh toán",
    "pending": "Đang chờ cổng thanh toán xác nhận",
    "succeeded": "Đã thanh toán",
    "failed": "Thanh toán không thành công",
    "expired": "Giao dịch đã hết hạn",
    "refunded": "Đã hoàn tiền",
}
# the parameter naming our order in each gateway's return URL
_RETURN_REF = {
    "vnpay": "vnp_TxnRef",
    "momo": "orderId",
    "zalopay": "apptransid",
    "national": "orderRef",  # the fake's [U]
}


@callback_router.get(
    "/{provider}/return",
    operation_id="payment_return",
    summary="Trang trở về sau khi thanh toán (chỉ hiển thị, không thay đổi trạng thái)",
    response_class=HTMLResponse,
)
async def payment_return(
    provider: PaymentProvider, request: Request, session: ReadSession
) -> HTMLResponse:
    """The payer's browser comes back here. The return carries no truth (GOV.UK Pay's rule): the
    page shows what our API knows of the payment, and changes nothing."""
    values = parse_qs(request.url.query)
    ref = (values.get(_RETURN_REF.get(provider.value, ""), [""])[0])[:64]
    if provider is PaymentProvider.zalopay:
        ref = order_ref_of(ref) or ""
    payment = await session.scalar(select(Payment).where(Payment.order_ref == ref)) if ref else None
    text = "Không tìm thấy giao dịch." if payment is None else STATUS_VI[payment.status.value]
    return HTMLResponse(
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>Kết quả thanh toán"
        f"</title></head><body><h1>Kết quả thanh toán</h1><p id='status'>{html.escape(text)}</p>"
        + (f"<p>Mã giao dịch: {html.escape(payment.order_ref)}</p>" if payment else "")
        + "</body></html>",
        headers={"Cache-Control": "no-store"},
    )
