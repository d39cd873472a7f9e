"""A fake national payment platform (PayGov or a provincial LGSP) over real HTTP, for tests.

The platform publishes no protocol (reference §4), so this fake speaks the wire format that
``gateways/national.py`` invents for its stand-in adapter, **[U] and not the platform's**: every
message is an envelope ``{"data": base64(JSON), "signature": hex HMAC-SHA256(secret, data)}``.

* ``POST /payment`` — checks the partner and the signature; accepts the order (``{"code": "00",
  "payUrl"}``) or refuses it (``97`` bad signature, ``01`` unknown partner, ``04`` bad amount);
* ``send_callback(url, ref, kind)`` — POSTs a signed callback (success ``00``, failure ``02``,
  cancel ``24``, wrong amount, bad signature; a duplicate is the same call again);
* ``POST /query`` — checks the signature; answers a signed envelope with the configured truth
  (``91``: no such order).

Never imports ``app``: it signs with its own few lines below.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.common import FakeOrder, Kind, Ledger, Truth
from tests.fakes.server import serve

RESULT_CODES = {
    Kind.success: "00",
    Kind.failure: "02",
    Kind.cancel: "24",
    Kind.wrong_amount: "00",
    Kind.bad_signature: "00",
}
TRUTH_CODES = {Truth.paid: "00", Truth.pending: "01", Truth.failed: "02"}
NOT_FOUND = "91"


def national_sign(data: str, secret: str) -> str:
    return hmac.new(secret.encode(), data.encode(), hashlib.sha256).hexdigest()


def envelope(fields: dict[str, object], secret: str) -> dict[str, str]:
    """A signed message of the invented format [U]."""
    text = json.dumps(fields, separators=(",", ":"), ensure_ascii=False)
    data = base64.b64encode(text.encode()).decode()
    return {"data": data, "signature": national_sign(data, secret)}


class FakeNationalPlatform:
    def __init__(self, partners: dict[str, str]) -> None:
        self.partners = partners  # partner code -> secret key
        self.ledger = Ledger()
        self.base_url = ""
        self.app = Starlette(
            routes=[
                Route("/payment", self.create, methods=["POST"]),
                Route("/query", self.query, methods=["POST"]),
            ]
        )

    @contextmanager
    def running(self) -> Iterator[FakeNationalPlatform]:
        with serve(self.app) as base_url:
            self.base_url = base_url
            yield self

    def _opened(self, body: object) -> tuple[dict[str, object], str] | str:
        """The verified fields and the partner, or the refusal's code."""
        if not isinstance(body, dict) or not isinstance(body.get("data"), str):
            return "99"
        try:
            fields = json.loads(base64.b64decode(body["data"], validate=True))
        except (ValueError, binascii.Error):
            return "99"
        partner = str(fields.get("partnerCode"))
        secret = self.partners.get(partner)
        if secret is None:
            return "01"
        if not hmac.compare_digest(national_sign(body["data"], secret), str(body.get("signature"))):
            return "97"
        return fields, partner

    async def create(self, request: Request) -> Response:
        opened = self._opened(await request.json())
        if isinstance(opened, str):
            self.ledger.reject(f"create refused: {opened}")
            return JSONResponse({"code": opened, "message": "refused"})
        fields, partner = opened
        amount = fields.get("amount")
        if not isinstance(amount, int) or amount <= 0:
            self.ledger.reject("create refused: amount")
            return JSONResponse({"code": "04", "message": "invalid amount"})
        ref = str(fields["orderRef"])
        self.ledger.accept(
            FakeOrder(
                merchant=partner,
                ref=ref,
                amount=amount,
                return_url=str(fields.get("returnUrl")),
                notify_url=str(fields.get("notifyUrl")),
                description=str(fields.get("description")),
                fields={key: str(value) for key, value in fields.items()},
            )
        )
        return JSONResponse(
            {"code": "00", "message": "ok", "payUrl": f"{self.base_url}/pay?orderRef={ref}"}
        )

    def callback_body(self, ref: str, kind: Kind) -> dict[str, str]:
        order = self.ledger.orders[ref]
        code = RESULT_CODES[kind]
        fields: dict[str, object] = {
            "partnerCode": order.merchant,
            "orderRef": ref,
            "amount": order.amount + (1_000 if kind is Kind.wrong_amount else 0),
            "resultCode": code,
            "transactionId": f"NP{self.ledger.next_number()}" if code == "00" else "",
            "paidAt": int(time.time() * 1000),
        }
        secret = self.partners[order.merchant]
        return envelope(fields, secret + ("-wrong" if kind is Kind.bad_signature else ""))

    def send_callback(self, url: str, ref: str, kind: Kind) -> httpx.Response:
        """POSTs one callback to ``url`` (the order's notify URL is what we gave at creation)."""
        response = httpx.post(url, json=self.callback_body(ref, kind), timeout=10)
        if kind is not Kind.bad_signature:
            self.ledger.settle(ref, kind)
        return response

    async def query(self, request: Request) -> Response:
        opened = self._opened(await request.json())
        if isinstance(opened, str):
            self.ledger.reject(f"query refused: {opened}")
            return JSONResponse({"code": opened, "message": "refused"}, status_code=400)
        fields, partner = opened
        ref = str(fields.get("orderRef"))
        self.ledger.queries.append(ref)
        truth, order = self.ledger.truth.get(ref), self.ledger.orders.get(ref)
        answer: dict[str, object] = {"partnerCode": partner, "orderRef": ref}
        if truth is None or order is None:
            answer["resultCode"] = NOT_FOUND
        else:
            code = TRUTH_CODES[truth]
            answer.update(
                resultCode=code,
                amount=order.amount,
                transactionId=f"NP{self.ledger.next_number()}" if code == "00" else "",
            )
        return JSONResponse(envelope(answer, self.partners[partner]))
