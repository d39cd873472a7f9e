"""A fake VNPay (API 2.1.0) over real HTTP, for tests: plays the gateway's side.

* ``GET /paymentv2/vpcpay.html?...`` — the payment URL: checks our ``vnp_SecureHash`` with the
  reference's signer, the version, command, currency and a plain ``vnp_OrderInfo``; accepts the order
  (200, a payment page) or refuses it (400, the reason; real VNPay shows an error page, code 70);
* ``send_ipn(url, ref, kind)`` — GETs an IPN to ``url`` as VNPay does (success, failure, cancel,
  wrong amount, bad signature; a duplicate is the same call again) and returns the response;
* ``POST /merchant_webapi/api/transaction`` — ``querydr``: checks the request's hash and answers with
  the configured truth (``ledger.truth``), signed as VNPay signs.

Never imports ``app.services.payments``: it signs with ``tests.fakes.signing`` (reference §6).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from tests.fakes.common import FakeOrder, Kind, Ledger, Truth
from tests.fakes.server import serve
from tests.fakes.signing import (
    VNPAY_QUERYDR_REQUEST,
    VNPAY_QUERYDR_RESPONSE,
    vnpay_ipn_query,
    vnpay_pipe_sign,
    vnpay_sign,
)

PAY_PATH = "/paymentv2/vpcpay.html"
API_PATH = "/merchant_webapi/api/transaction"
GMT7 = timezone(timedelta(hours=7))
PLAIN = re.compile(r"[A-Za-z0-9 .,:/_-]{1,255}")
REQUIRED = [
    "vnp_Version",
    "vnp_Command",
    "vnp_TmnCode",
    "vnp_Amount",
    "vnp_CreateDate",
    "vnp_CurrCode",
    "vnp_IpAddr",
    "vnp_Locale",
    "vnp_OrderInfo",
    "vnp_OrderType",
    "vnp_ReturnUrl",
    "vnp_TxnRef",
    "vnp_ExpireDate",
]

# kind -> (vnp_ResponseCode, vnp_TransactionStatus)
CODES = {
    Kind.success: ("00", "00"),
    Kind.failure: ("51", "02"),  # insufficient balance
    Kind.cancel: ("24", "02"),  # the payer cancelled
    Kind.wrong_amount: ("00", "00"),
    Kind.bad_signature: ("00", "00"),
}


class FakeVnpay:
    def __init__(self, terminals: dict[str, str]) -> None:
        self.terminals = terminals  # vnp_TmnCode -> hash secret
        self.ledger = Ledger()
        self.base_url = ""
        self.app = Starlette(
            routes=[
                Route(PAY_PATH, self.payment_page, methods=["GET"]),
                Route(API_PATH, self.transaction_api, methods=["POST"]),
            ]
        )

    @contextmanager
    def running(self) -> Iterator[FakeVnpay]:
        with serve(self.app) as base_url:
            self.base_url = base_url
            yield self

    @property
    def pay_url(self) -> str:
        return self.base_url + PAY_PATH

    @property
    def api_url(self) -> str:
        return self.base_url + API_PATH

    # -- the payment URL ---------------------------------------------------------------------
    async def payment_page(self, request: Request) -> Response:
        pairs = list(request.query_params.multi_items())
        params = dict(pairs)
        refusal = self._check_payment(params, len(pairs))
        if refusal:
            self.ledger.reject(refusal)
            return PlainTextResponse(refusal, status_code=400)
        self.ledger.accept(
            FakeOrder(
                merchant=params["vnp_TmnCode"],
                ref=params["vnp_TxnRef"],
                amount=int(params["vnp_Amount"]) // 100,
                return_url=params["vnp_ReturnUrl"],
                description=params["vnp_OrderInfo"],
                fields=params,
            )
        )
        return HTMLResponse(
            "<html><body><h1>Thanh toán qua VNPAY</h1>"
            f"<p>{params['vnp_OrderInfo']}</p><p>{int(params['vnp_Amount']) // 100} VND</p>"
            "</body></html>"
        )

    def _check_payment(self, params: dict[str, str], count: int) -> str | None:
        if count != len(params):
            return "a parameter is repeated"
        secret = self.terminals.get(params.get("vnp_TmnCode", ""))
        if secret is None:
            return "unknown terminal"
        if vnpay_sign(params, secret) != params.get("vnp_SecureHash", "").lower():
            return "invalid signature"
        missing = [name for name in REQUIRED if not params.get(name)]
        if missing:
            return f"missing {', '.join(missing)}"
        if "vnp_SecureHashType" in params:
            return "vnp_SecureHashType is not sent in 2.1.0"
        if (params["vnp_Version"], params["vnp_Command"], params["vnp_CurrCode"]) != (
            "2.1.0",
            "pay",
            "VND",
        ):
            return "version, command or currency"
        if not params["vnp_Amount"].isdigit() or int(params["vnp_Amount"]) % 100:
            return "vnp_Amount is VND x 100"
        if not PLAIN.fullmatch(params["vnp_OrderInfo"]):
            return "vnp_OrderInfo must be Vietnamese without diacritics or special characters"
        for name in ("vnp_CreateDate", "vnp_ExpireDate"):
            try:
                datetime.strptime(params[name], "%Y%m%d%H%M%S")  # GMT+7 wall time
            except ValueError:
                return f"{name} is yyyyMMddHHmmss"
        return None

    # -- the IPN -----------------------------------------------------------------------------
    def ipn_params(
        self, ref: str, kind: Kind, *, merchant: str | None = None, amount: int | None = None
    ) -> dict[str, str]:
        """The IPN's parameters for ``ref`` (an unknown ref needs ``merchant`` and ``amount``)."""
        order = self.ledger.orders.get(ref)
        merchant = merchant or (order.merchant if order else next(iter(self.terminals)))
        amount = amount if amount is not None else (order.amount if order else 10_000)
        if kind is Kind.wrong_amount:
            amount += 1_000
        response_code, status = CODES[kind]
        params = {
            "vnp_Amount": str(amount * 100),
            "vnp_BankCode": "NCB" if kind is not Kind.cancel else "VNPAY",
            "vnp_CardType": "ATM" if kind is not Kind.cancel else "QRCODE",
            "vnp_OrderInfo": order.description if order else "Thanh toan",
            "vnp_PayDate": datetime.now(GMT7).strftime("%Y%m%d%H%M%S"),
            "vnp_ResponseCode": response_code,
            "vnp_TmnCode": merchant,
            "vnp_TransactionNo": "0",
            "vnp_TransactionStatus": status,
            "vnp_TxnRef": ref,
        }
        if kind in (Kind.success, Kind.wrong_amount, Kind.bad_signature):
            number = str(self.ledger.next_number())
            params["vnp_TransactionNo"] = number
            params["vnp_BankTranNo"] = f"VNP{number}"
        return params

    def ipn_query(self, params: dict[str, str], kind: Kind) -> str:
        secret = self.terminals[params["vnp_TmnCode"]]
        if kind is Kind.bad_signature:
            secret = secret + "-wrong"
        return vnpay_ipn_query(params, secret)

    def send_ipn(
        self,
        url: str,
        ref: str,
        kind: Kind,
        *,
        merchant: str | None = None,
        amount: int | None = None,
    ) -> httpx.Response:
        """GETs one IPN to ``url``, as VNPay does."""
        params = self.ipn_params(ref, kind, merchant=merchant, amount=amount)
        response = httpx.get(f"{url}?{self.ipn_query(params, kind)}", timeout=10)
        if kind is not Kind.bad_signature:
            self.ledger.settle(ref, kind)
        return response

    # -- querydr -----------------------------------------------------------------------------
    async def transaction_api(self, request: Request) -> Response:
        body = await request.json()
        secret = self.terminals.get(str(body.get("vnp_TmnCode")))
        command = body.get("vnp_Command")
        answer = {
            "vnp_ResponseId": f"R{self.ledger.next_number()}",
            "vnp_Command": command,
            "vnp_TmnCode": body.get("vnp_TmnCode"),
            "vnp_TxnRef": body.get("vnp_TxnRef"),
        }
        if secret is None or command != "querydr":
            return JSONResponse({**answer, "vnp_ResponseCode": "99", "vnp_Message": "Invalid"})
        if vnpay_pipe_sign(body, VNPAY_QUERYDR_REQUEST, secret) != body.get("vnp_SecureHash"):
            self.ledger.reject("querydr: invalid signature")
            answer.update(vnp_ResponseCode="97", vnp_Message="Invalid Checksum")
        else:
            ref = str(body["vnp_TxnRef"])
            self.ledger.queries.append(ref)
            truth = self.ledger.truth.get(ref)
            order = self.ledger.orders.get(ref)
            if truth is None or order is None:
                answer.update(vnp_ResponseCode="91", vnp_Message="Not found")
            else:
                status = {Truth.paid: "00", Truth.pending: "01", Truth.failed: "02"}[truth]
                answer.update(
                    vnp_ResponseCode="00",
                    vnp_Message="Query success",
                    vnp_Amount=str(order.amount * 100),
                    vnp_BankCode="NCB",
                    vnp_PayDate=datetime.now(GMT7).strftime("%Y%m%d%H%M%S"),
                    vnp_TransactionNo=str(self.ledger.next_number())
                    if truth is Truth.paid
                    else "0",
                    vnp_TransactionType="01",
                    vnp_TransactionStatus=status,
                    vnp_OrderInfo=order.description,
                )
        answer["vnp_SecureHash"] = vnpay_pipe_sign(answer, VNPAY_QUERYDR_RESPONSE, secret)
        return JSONResponse(answer)
