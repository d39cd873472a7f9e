"""What the fake gateways share: the orders they were asked to collect, the truth their query APIs
tell, and the kinds of callback a test can make them send."""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The callbacks a fake sends (a duplicate is the same kind sent again)."""

    success = "success"
    failure = "failure"
    cancel = "cancel"
    wrong_amount = "wrong_amount"  # a success for another amount than the order's
    bad_signature = "bad_signature"  # a success signed with a wrong key


class Truth(StrEnum):
    """What the fake's query API says of an order."""

    paid = "paid"
    failed = "failed"
    pending = "pending"


@dataclass
class FakeOrder:
    """An order the fake accepted (from the payment URL or the create call)."""

    merchant: str
    ref: str
    amount: int  # đồng
    return_url: str = ""
    notify_url: str = ""
    description: str = ""
    fields: dict[str, str] = field(default_factory=dict)  # as received


class Ledger:
    """The fake gateway's memory: orders, the truth of each, transaction numbers. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.orders: dict[str, FakeOrder] = {}
        self.truth: dict[str, Truth] = {}  # absent: the gateway never saw the order
        self.rejected: list[str] = []  # why requests were refused (bad signatures, ...)
        self.queries: list[str] = []  # refs asked about
        self._numbers = itertools.count(14422574)

    def accept(self, order: FakeOrder) -> None:
        with self._lock:
            self.orders[order.ref] = order
            self.truth.setdefault(order.ref, Truth.pending)

    def reject(self, reason: str) -> None:
        with self._lock:
            self.rejected.append(reason)

    def next_number(self) -> int:
        with self._lock:
            return next(self._numbers)

    def settle(self, ref: str, kind: Kind) -> None:
        """A sent callback is what happened, for the query API too (a forged one changes nothing)."""
        with self._lock:
            if kind is Kind.success:
                self.truth[ref] = Truth.paid
            elif kind in (Kind.failure, Kind.cancel) and self.truth.get(ref) is not Truth.paid:
                self.truth[ref] = Truth.failed
