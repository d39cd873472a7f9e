"""The demo's sandbox gateway: VNPay's protocol played by MotCua itself, so a newcomer completes a
payment with no internet (issue 15). Mounted only in demo mode, only when a VNPay merchant's
``pay_url`` points at it (``Settings.payment_sandbox_on``); never in production (the settings refuse
``MOTCUA_PAYMENT_SANDBOX`` there).

* ``GET /sandbox/vnpay/pay?<the signed payment URL's query>``: checks our signature with the demo
  merchant's secret (the sandbox's own, made per data folder), shows the order with the buttons
  "Thanh toán" and "Hủy";
* ``POST /sandbox/vnpay/pay``: the payer's choice. The sandbox signs the IPN as VNPay would
  (success 00/00 or cancel 24/02), hands it to the callback handling exactly as an IPN (same checks,
  same transaction), then redirects the browser to the return URL with the same signed parameters.
"""

from __future__ import annotations

import html
import secrets
from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import parse_qsl, urlencode

from fastapi import Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.config import Settings
from app.models.payment import PaymentProvider
from app.routing import NO_STORE, Router, Session
from app.services.payments import callbacks as callback_service
from app.services.payments.gateways.base import GATEWAY_TIME, RawCallback
from app.services.payments.gateways.vnpay import HASH_FIELDS, VnpayGateway, secure_hash
from app.services.payments.merchants import merchants

router = Router(
    prefix="/sandbox/vnpay", tags=["demo sandbox"], response_headers=NO_STORE,
    include_in_schema=False,
)  # fmt: skip


def _secret(settings: Settings, params: dict[str, str]) -> str | None:
    """The demo terminal's secret, for a terminal whose payment page is this sandbox."""
    gateway = merchants(settings).gateway(PaymentProvider.vnpay)
    if not isinstance(gateway, VnpayGateway):
        return None
    terminal = gateway.merchants.get(params.get("vnp_TmnCode", ""))
    if terminal is None or terminal.pay_url != settings.sandbox_pay_url:
        return None
    return terminal.hash_secret


def _verified(settings: Settings, query: str) -> dict[str, str] | None:
    params = dict(parse_qsl(query, keep_blank_values=True))
    secret = _secret(settings, params)
    if secret is None:
        return None
    expected = secure_hash({k: v for k, v in params.items() if k not in HASH_FIELDS}, secret)
    if not secrets.compare_digest(expected, params.get("vnp_SecureHash", "").lower()):
        return None
    return params


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title></head><body><h1>{html.escape(title)}</h1>"
        f"{body}</body></html>",
        status_code=status,
    )


@router.get("/pay", operation_id="sandbox_vnpay_page")
async def payment_page(request: Request) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    params = _verified(settings, request.url.query)
    if params is None:
        return _page("Cổng thanh toán thử nghiệm", "<p>Sai chữ ký giao dịch.</p>", 400)
    amount = int(params["vnp_Amount"]) // 100
    query = html.escape(request.url.query, quote=True)
    return _page(
        "Cổng thanh toán thử nghiệm (demo)",
        f"<p>{html.escape(params['vnp_OrderInfo'])}</p>"
        f"<p>Số tiền: <strong>{amount:,} đồng</strong></p>".replace(",", ".")
        + "<form method='post'>"
        f"<input type='hidden' name='query' value='{query}'>"
        "<button type='submit' name='choice' value='pay'>Thanh toán</button> "
        "<button type='submit' name='choice' value='cancel'>Hủy</button></form>"
        "<p><small>Môi trường demo: không có tiền thật.</small></p>",
    )


@router.post("/pay", operation_id="sandbox_vnpay_choose")
async def choose(
    request: Request,
    session: Session,
    query: Annotated[str, Form(max_length=8000)],
    choice: Annotated[str, Form(pattern="^(pay|cancel)$")],
) -> Response:
    settings: Settings = request.app.state.settings
    params = _verified(settings, query)
    if params is None:
        return _page("Cổng thanh toán thử nghiệm", "<p>Sai chữ ký giao dịch.</p>", 400)
    secret = _secret(settings, params)
    assert secret is not None
    paid = choice == "pay"
    result = {
        "vnp_Amount": params["vnp_Amount"],
        "vnp_BankCode": "SANDBOX",
        "vnp_CardType": "ATM",
        "vnp_OrderInfo": params["vnp_OrderInfo"],
        "vnp_PayDate": datetime.now(UTC).astimezone(GATEWAY_TIME).strftime("%Y%m%d%H%M%S"),
        "vnp_ResponseCode": "00" if paid else "24",
        "vnp_TmnCode": params["vnp_TmnCode"],
        "vnp_TransactionNo": str(secrets.randbelow(10**8) + 10**7) if paid else "0",
        "vnp_TransactionStatus": "00" if paid else "02",
        "vnp_TxnRef": params["vnp_TxnRef"],
    }
    signed = urlencode(sorted(result.items())) + "&vnp_SecureHash=" + secure_hash(result, secret)
    # the IPN, handled as VNPay's would be (its answer is the gateway's business, not the payer's)
    await callback_service.handle(
        session, settings, PaymentProvider.vnpay, RawCallback(query=signed), now=datetime.now(UTC)
    )
    return RedirectResponse(f"{params['vnp_ReturnUrl']}?{signed}", status_code=303)
