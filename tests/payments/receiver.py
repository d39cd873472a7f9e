"""A stand-in for the callback routes (the next step of issue 15), so the fakes can call our gateway
modules over real HTTP: it answers with the module's ``callback_answer`` after the checks of issue 15,
in their order (merchant key by the request's code and signature inside ``parse_callback``, then the
order, the amount, the state), over an in-memory order book instead of the payments table."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.services.payments.gateways.base import (
    CallbackResult,
    Disposition,
    Gateway,
    PaymentOutcome,
    RawCallback,
)
from tests.fakes.server import serve


@dataclass
class Order:
    amount: int
    outcome: PaymentOutcome | None = None  # None: open
    applied: int = 0  # how many callbacks changed it


@dataclass
class Receiver:
    gateway: Gateway
    orders: dict[str, Order] = field(default_factory=dict)
    seen: list[tuple[CallbackResult, Disposition]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base_url: str = ""

    def handle(self, raw: RawCallback) -> Disposition:
        result = self.gateway.parse_callback(raw)
        with self.lock:
            disposition = self._decide(result)
            self.seen.append((result, disposition))
        return disposition

    def _decide(self, result: CallbackResult) -> Disposition:
        rejected = result.disposition_if_rejected
        if rejected is not None:
            return rejected
        assert result.order_ref is not None and result.outcome is not None
        order = self.orders.get(result.order_ref)
        if order is None:
            return Disposition.unknown_order
        if result.amount != order.amount:
            return Disposition.wrong_amount
        if order.outcome is not None or result.outcome is PaymentOutcome.pending:
            return Disposition.duplicate if order.outcome is not None else Disposition.recorded
        order.outcome = result.outcome
        order.applied += 1
        return Disposition.recorded

    async def endpoint(self, request: Request) -> Response:
        raw = RawCallback(query=request.url.query, body=await request.body())
        answer = self.gateway.callback_answer(self.handle(raw))
        return Response(answer.body, status_code=answer.status_code, media_type=answer.media_type)

    @contextmanager
    def running(self) -> Iterator[str]:
        """Serves the callback at ``<base>/callback`` (GET and POST); yields that URL."""
        app = Starlette(routes=[Route("/callback", self.endpoint, methods=["GET", "POST"])])
        with serve(app) as base_url:
            self.base_url = base_url
            yield f"{base_url}/callback"
