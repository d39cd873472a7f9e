"""A fake ZaloPay (OpenAPI v2) over real HTTP, for tests: plays the gateway's side.

* ``POST /v2/create`` (form) — checks the create ``mac`` (key1, §3); accepts the order
  (``return_code`` 1 and an ``order_url``) or refuses it (``return_code`` 2);
* ``send_callback(url, ref, kind)`` — POSTs a callback as ZaloPay does (success, wrong amount, bad
  signature; a duplicate is the same call again). ZaloPay sends **no** callback for a failure or a
  cancellation: those kinds only change what the query says (``send_callback`` returns None);
* ``POST /v2/query`` (form) — checks the query ``mac``; answers with the configured truth.

Never imports ``app.services.payments``: it signs with ``tests.fakes.signing`` (reference §6).
"""

from __future__ import annotations

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
from tests.fakes.signing import (
    zalopay_callback,
    zalopay_create_mac,
    zalopay_query_mac,
)

CREATE_PATH = "/v2/create"
QUERY_PATH = "/v2/query"
TRUTH_CODES = {Truth.paid: 1, Truth.failed: 2, Truth.pending: 3}


@dataclass(frozen=True)
class App:
    key1: str = field(repr=False)
    key2: str = field(repr=False)


class FakeZalopay:
    def __init__(self, apps: dict[str, App]) -> None:
        self.apps = apps  # app_id -> keys
        self.ledger = Ledger()  # keyed by app_trans_id
        self.base_url = ""
        self.app = Starlette(
            routes=[
                Route(CREATE_PATH, self.create, methods=["POST"]),
                Route(QUERY_PATH, self.query, methods=["POST"]),
            ]
        )

    @contextmanager
    def running(self) -> Iterator[FakeZalopay]:
        with serve(self.app) as base_url:
            self.base_url = base_url
            yield self

    async def create(self, request: Request) -> Response:
        form = {key: str(value) for key, value in (await request.form()).items()}
        app = self.apps.get(form.get("app_id", ""))
        if app is None or zalopay_create_mac(form, app.key1) != form.get("mac"):
            self.ledger.reject("create: invalid mac")
            return JSONResponse({"return_code": 2, "return_message": "Giao dịch thất bại", "sub_return_code": -402, "sub_return_message": "Mac không hợp lệ"})  # fmt: skip
        trans_id = form["app_trans_id"]
        self.ledger.accept(
            FakeOrder(
                merchant=form["app_id"],
                ref=trans_id,
                amount=int(form["amount"]),
                notify_url=form.get("callback_url", ""),
                description=form.get("description", ""),
                fields=form,
            )
        )
        return JSONResponse(
            {
                "return_code": 1,
                "return_message": "Giao dịch thành công",
                "sub_return_code": 1,
                "sub_return_message": "Giao dịch thành công",
                "order_url": f"{self.base_url}/openinapp?order={trans_id}",
                "zp_trans_token": f"AC{trans_id}",
                "order_token": f"AC{trans_id}",
            }
        )

    def callback_body(
        self,
        trans_id: str,
        kind: Kind,
        *,
        merchant: str | None = None,
        amount: int | None = None,
    ) -> dict[str, object]:
        order = self.ledger.orders.get(trans_id)
        merchant = merchant or (order.merchant if order else next(iter(self.apps)))
        amount = amount if amount is not None else (order.amount if order else 10_000)
        if kind is Kind.wrong_amount:
            amount += 1_000
        now = int(time.time() * 1000)
        data = {
            "app_id": int(merchant),
            "app_trans_id": trans_id,
            "app_time": int(order.fields["app_time"]) if order else now,
            "app_user": order.fields["app_user"] if order else "demo",
            "amount": amount,
            "embed_data": order.fields["embed_data"] if order else "{}",
            "item": order.fields["item"] if order else "[]",
            "zp_trans_id": self.ledger.next_number(),
            "server_time": now,
            "channel": 38,
            "merchant_user_id": "fake-merchant-user",
            "user_fee_amount": 0,
            "discount_amount": 0,
        }
        app = self.apps[merchant]
        return zalopay_callback(data, app.key1 if kind is Kind.bad_signature else app.key2)

    def send_callback(
        self,
        url: str,
        trans_id: str,
        kind: Kind,
        *,
        merchant: str | None = None,
        amount: int | None = None,
    ) -> httpx.Response | None:
        """POSTs one callback to ``url`` as ZaloPay does; None for kinds ZaloPay never sends."""
        if kind in (Kind.failure, Kind.cancel):
            self.ledger.settle(trans_id, kind)
            return None
        body = self.callback_body(trans_id, kind, merchant=merchant, amount=amount)
        response = httpx.post(url, json=body, timeout=10)
        if kind is not Kind.bad_signature:
            self.ledger.settle(trans_id, kind)
        return response

    async def query(self, request: Request) -> Response:
        form = {key: str(value) for key, value in (await request.form()).items()}
        app_id, trans_id = form.get("app_id", ""), form.get("app_trans_id", "")
        app = self.apps.get(app_id)
        if app is None or zalopay_query_mac(app_id, trans_id, app.key1) != form.get("mac"):
            self.ledger.reject("query: invalid mac")
            return JSONResponse({"return_code": 2, "return_message": "Giao dịch thất bại", "sub_return_code": -402, "sub_return_message": "Mac không hợp lệ"})  # fmt: skip
        self.ledger.queries.append(trans_id)
        truth, order = self.ledger.truth.get(trans_id), self.ledger.orders.get(trans_id)
        if truth is None or order is None:
            return JSONResponse({"return_code": 2, "return_message": "Giao dịch thất bại", "sub_return_code": -54, "sub_return_message": "Giao dịch không tồn tại", "is_processing": False, "amount": 0, "zp_trans_id": 0})  # fmt: skip
        return JSONResponse(
            {
                "return_code": TRUTH_CODES[truth],
                "return_message": "",
                "sub_return_code": TRUTH_CODES[truth],
                "sub_return_message": "",
                "is_processing": truth is Truth.pending,
                "amount": order.amount,
                "discount_amount": 0,
                "zp_trans_id": self.ledger.next_number() if truth is Truth.paid else 0,
                "server_time": int(time.time() * 1000),
            }
        )
