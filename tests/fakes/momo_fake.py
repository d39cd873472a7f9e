"""A fake MoMo (AIO v2) over real HTTP, for tests: plays the gateway's side.

* ``POST /v2/gateway/api/create`` — checks our create signature (the create key order of §2), the
  ``orderId`` pattern and the amount range; accepts the order (``resultCode`` 0 and a ``payUrl``) or
  refuses it (``resultCode`` 13 / 20 / 22, as MoMo's error list names them);
* ``send_ipn(url, ref, kind)`` — POSTs an IPN (JSON) as MoMo does (success, failure, cancel, wrong
  amount, bad signature; a duplicate is the same call again) and returns the response;
* ``POST /v2/gateway/api/query`` — checks the query signature; answers with the configured truth.

Never imports ``app.services.payments``: it signs with ``tests.fakes.signing`` (reference §6).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.common import FakeOrder, Kind, Ledger, Truth
from tests.fakes.server import serve
from tests.fakes.signing import MOMO_CREATE_KEYS, MOMO_QUERY_KEYS, momo_ipn_sign, momo_sign

CREATE_PATH = "/v2/gateway/api/create"
QUERY_PATH = "/v2/gateway/api/query"
ORDER_ID = re.compile(r"[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*")

# kind -> (resultCode, message)
CODES = {
    Kind.success: (0, "Successful."),
    Kind.failure: (1001, "Giao dịch thanh toán thất bại do tài khoản người dùng không đủ tiền."),
    Kind.cancel: (1006, "Giao dịch thất bại do người dùng đã từ chối xác nhận thanh toán."),
    Kind.wrong_amount: (0, "Successful."),
    Kind.bad_signature: (0, "Successful."),
}
TRUTH_CODES = {Truth.paid: 0, Truth.pending: 1000, Truth.failed: 1005}


@dataclass(frozen=True)
class Partner:
    access_key: str = field(repr=False)
    secret_key: str = field(repr=False)


class FakeMomo:
    def __init__(self, partners: dict[str, Partner]) -> None:
        self.partners = partners  # partnerCode -> keys
        self.ledger = Ledger()
        self.base_url = ""
        self.app = Starlette(
            routes=[
                Route(CREATE_PATH, self.create, methods=["POST"]),
                Route(QUERY_PATH, self.query, methods=["POST"]),
            ]
        )

    @contextmanager
    def running(self) -> Iterator[FakeMomo]:
        with serve(self.app) as base_url:
            self.base_url = base_url
            yield self

    def _refuse(self, body: dict[str, object], code: int, reason: str) -> Response:
        self.ledger.reject(reason)
        return JSONResponse(
            {
                "partnerCode": body.get("partnerCode"),
                "orderId": body.get("orderId"),
                "requestId": body.get("requestId"),
                "resultCode": code,
                "message": reason,
                "responseTime": int(time.time() * 1000),
            },
            status_code=400,
        )

    async def create(self, request: Request) -> Response:
        body = await request.json()
        partner = self.partners.get(str(body.get("partnerCode")))
        if partner is None:
            return self._refuse(body, 11, "access denied")
        signature = momo_sign(body, MOMO_CREATE_KEYS, partner.access_key, partner.secret_key)
        if signature != body.get("signature"):
            return self._refuse(body, 13, "invalid signature")
        amount = body.get("amount")
        if not isinstance(amount, int) or not 1_000 <= amount <= 50_000_000:
            return self._refuse(body, 22, "invalid amount")
        if not ORDER_ID.fullmatch(str(body.get("orderId"))):
            return self._refuse(body, 20, "bad format: orderId")
        ref = str(body["orderId"])
        self.ledger.accept(
            FakeOrder(
                merchant=str(body["partnerCode"]),
                ref=ref,
                amount=amount,
                return_url=str(body.get("redirectUrl")),
                notify_url=str(body.get("ipnUrl")),
                description=str(body.get("orderInfo")),
                fields={key: str(value) for key, value in body.items()},
            )
        )
        return JSONResponse(
            {
                "partnerCode": body["partnerCode"],
                "requestId": body["requestId"],
                "orderId": ref,
                "amount": amount,
                "responseTime": int(time.time() * 1000),
                "message": "Thành công.",
                "resultCode": 0,
                "payUrl": f"{self.base_url}/v2/gateway/pay?t={ref}",
            }
        )

    def ipn_body(
        self, ref: str, kind: Kind, *, merchant: str | None = None, amount: int | None = None
    ) -> dict[str, object]:
        """The IPN's body for ``ref`` (an unknown ref needs ``merchant`` and ``amount``)."""
        order = self.ledger.orders.get(ref)
        merchant = merchant or (order.merchant if order else next(iter(self.partners)))
        amount = amount if amount is not None else (order.amount if order else 10_000)
        if kind is Kind.wrong_amount:
            amount += 1_000
        code, message = CODES[kind]
        body: dict[str, object] = {
            "partnerCode": merchant,
            "orderId": ref,
            "requestId": order.fields.get("requestId", ref) if order else ref,
            "amount": amount,
            "orderInfo": order.description if order else "Thanh toán",
            "orderType": "momo_wallet",
            "transId": self.ledger.next_number() if code == 0 else 0,
            "resultCode": code,
            "message": message,
            "payType": "qr",
            "responseTime": int(time.time() * 1000),
            "extraData": "",
        }
        partner = self.partners[merchant]
        secret = partner.secret_key + ("-wrong" if kind is Kind.bad_signature else "")
        body["signature"] = momo_ipn_sign(body, partner.access_key, secret)
        return body

    def send_ipn(
        self,
        url: str,
        ref: str,
        kind: Kind,
        *,
        merchant: str | None = None,
        amount: int | None = None,
    ) -> httpx.Response:
        """POSTs one IPN to ``url``, as MoMo does."""
        response = httpx.post(
            url, json=self.ipn_body(ref, kind, merchant=merchant, amount=amount), timeout=10
        )
        if kind is not Kind.bad_signature:
            self.ledger.settle(ref, kind)
        return response

    async def query(self, request: Request) -> Response:
        body = await request.json()
        partner = self.partners.get(str(body.get("partnerCode")))
        if partner is None:
            return self._refuse(body, 11, "access denied")
        signature = momo_sign(body, MOMO_QUERY_KEYS, partner.access_key, partner.secret_key)
        if signature != body.get("signature"):
            return self._refuse(body, 13, "invalid signature")
        ref = str(body.get("orderId"))
        self.ledger.queries.append(ref)
        truth, order = self.ledger.truth.get(ref), self.ledger.orders.get(ref)
        answer: dict[str, object] = {
            "partnerCode": body["partnerCode"],
            "orderId": ref,
            "requestId": body.get("requestId"),
            "extraData": "",
            "responseTime": int(time.time() * 1000),
            "lastUpdated": int(time.time() * 1000),
            "payType": "qr",
            "refundTrans": [],
        }
        if truth is None or order is None:
            answer.update(resultCode=42, message="Yêu cầu bị từ chối vì orderId không tồn tại.")
        else:
            answer.update(
                resultCode=TRUTH_CODES[truth],
                message="Thành công." if truth is Truth.paid else "Giao dịch chưa hoàn tất.",
                amount=order.amount,
                transId=self.ledger.next_number() if truth is Truth.paid else 0,
            )
        return JSONResponse(answer)
