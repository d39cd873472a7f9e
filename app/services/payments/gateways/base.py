"""The one interface every payment-gateway module speaks, and the values it exchanges.

A gateway module (``vnpay``, ``momo``, ``zalopay``, ``national``) signs, verifies, builds URLs and
request bodies and parses callbacks and answers exactly as its gateway specifies
(``reference/payment-gateways.md``), and does **no I/O**: no HTTP, no database, no clock, no logging.
The caller (the payments service, next step of issue 15) sends what a module builds and hands it what
came back. Merchant secrets arrive as arguments (each module's merchant settings, ``repr=False``) and
never appear in a value returned here, so nothing built here can leak one into a log or an answer.

DESIGN.md §10: the merchant key is chosen by the merchant code in the request, the signature is
verified before anything else, and an unverified callback carries no outcome, so it can never be
recorded as a payment result.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from typing import Protocol, TypeVar

# Every Vietnamese gateway writes its times on the fixed GMT+7 clock (Vietnam has no daylight saving).
GATEWAY_TIME = timezone(timedelta(hours=7), "GMT+7")

# One transaction reference fits every gateway: VNPay ``vnp_TxnRef`` (alphanumeric, 1-100), MoMo
# ``orderId`` (its regex admits it), ZaloPay ``app_trans_id`` (``yymmdd_`` + it, at most 40).
ORDER_REF = re.compile(r"[A-Za-z0-9]{1,32}")
HEX = re.compile(r"[0-9A-Fa-f]{1,256}")


class PaymentOutcome(StrEnum):
    """What the gateway says happened to the payment (GOV.UK Pay's finished states, simplified)."""

    succeeded = "succeeded"
    failed = "failed"
    cancelled = "cancelled"  # the payer gave up (VNPay 24, MoMo 1006): a failure that says why
    pending = "pending"  # not final yet: ask again later (the query)


class Rejection(StrEnum):
    """Why a callback was not verified; an unverified callback has no outcome."""

    malformed = "malformed"  # empty, not the protocol's shape, a field missing or of the wrong type
    unknown_merchant = "unknown_merchant"  # no key for the merchant code it names
    bad_signature = "bad_signature"


class Disposition(StrEnum):
    """What our handling of a callback concluded; each gateway turns it into its own answer."""

    recorded = "recorded"  # verified, and its result applied (a success or a failure)
    duplicate = "duplicate"  # verified, the payment was already final: nothing changed
    unknown_order = "unknown_order"
    wrong_amount = "wrong_amount"  # verified, but not the amount of the payment: refused, alerted
    bad_signature = "bad_signature"  # the signature failed or the merchant is unknown
    malformed = "malformed"  # not a callback of this protocol
    error = "error"  # our failure: the gateway should try again


class QueryStatus(StrEnum):
    """What a status query (reconciliation) established."""

    found = "found"  # the gateway knows the order: see the outcome
    no_such_order = "no_such_order"  # the gateway never saw it (the payer never reached it)
    error = "error"  # the query itself failed (bad request, throttled, gateway error): ask later


M = TypeVar("M")


def check_keyed_by_code(merchants: Mapping[str, M], code_of: Callable[[M], str]) -> None:
    """A gateway's merchant accounts are keyed by their own codes (the key picks the secret)."""
    if any(code != code_of(merchant) for code, merchant in merchants.items()):
        raise ValueError("each merchant is keyed by its own code")


def merchant_named(merchants: Mapping[str, M], code: str, what: str) -> M:
    """The merchant account ``code`` (``what`` names it as its gateway does, for the error)."""
    try:
        return merchants[code]
    except KeyError:
        raise ValueError(f"no {what} {code!r} is configured") from None


@dataclass(frozen=True)
class PaymentOrder:
    """What the payer is asked to pay. ``amount`` is in đồng; times are timezone-aware."""

    order_ref: str  # our unique transaction reference (``ORDER_REF``)
    amount: int
    description: str  # shown to the payer; gateways may restrict it (VNPay: no diacritics)
    created_at: datetime
    expires_at: datetime
    return_url: str  # where the payer's browser comes back (shows, never changes state)
    notify_url: str  # where the gateway calls back (MoMo ``ipnUrl``, ZaloPay ``callback_url``)
    client_ip: str
    request_id: str | None = None  # idempotency key of the create call (MoMo); default the ref
    locale: str = "vn"

    def __post_init__(self) -> None:
        check_order_ref(self.order_ref)
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount <= 0:
            raise ValueError("amount must be a positive whole number of đồng")
        for moment in (self.created_at, self.expires_at):
            if moment.tzinfo is None:
                raise ValueError("times must be timezone-aware")
        if self.expires_at <= self.created_at:
            raise ValueError("a payment must expire after it is created")


@dataclass(frozen=True)
class PaymentQuery:
    """A status query about one payment (reconciliation)."""

    order_ref: str
    order_created_at: datetime  # when the payment was created (VNPay and ZaloPay need it)
    request_id: str  # unique per query (VNPay: per day)
    requested_at: datetime  # now
    server_ip: str  # our address (VNPay ``vnp_IpAddr``)
    description: str = "Truy van giao dich"

    def __post_init__(self) -> None:
        check_order_ref(self.order_ref)
        if self.order_created_at.tzinfo is None or self.requested_at.tzinfo is None:
            raise ValueError("times must be timezone-aware")


@dataclass(frozen=True)
class OutboundCall:
    """An HTTP request to make: a redirect of the payer's browser (GET ``url``) or an API call."""

    method: str
    url: str
    json_body: Mapping[str, object] | None = None
    form_body: Mapping[str, str] | None = None

    @property
    def is_redirect(self) -> bool:
        """True when the payer's browser is sent to ``url``; false for a server-to-server call."""
        return self.method == "GET" and self.json_body is None and self.form_body is None


@dataclass(frozen=True)
class PaymentRequest(OutboundCall):
    """How a payment starts: the payment URL itself (VNPay) or the create-order call (MoMo, ZaloPay)."""


@dataclass(frozen=True)
class QueryRequest(OutboundCall):
    """A status-query call (VNPay ``querydr``, MoMo and ZaloPay query)."""


@dataclass(frozen=True)
class CreateResult:
    """The gateway's answer to a create-order call: where to send the payer, or why not."""

    ok: bool
    pay_url: str | None
    provider_code: str
    message: str


@dataclass(frozen=True)
class CallbackResult:
    """A parsed callback (IPN). ``outcome`` is None unless ``verified``."""

    verified: bool
    rejection: Rejection | None
    merchant: str | None  # the merchant code the request names (even when unknown to us)
    order_ref: str | None
    amount: int | None  # đồng; None when not a whole number of đồng (equal to no payment)
    provider_txn_id: str | None  # the gateway's transaction id (VNPay sends "0" on failures)
    outcome: PaymentOutcome | None
    provider_code: str | None  # the gateway's own result code, as sent

    @classmethod
    def rejected(cls, rejection: Rejection, merchant: str | None = None) -> CallbackResult:
        return cls(False, rejection, merchant, None, None, None, None, None)

    @property
    def disposition_if_rejected(self) -> Disposition | None:
        """The answer an unverified callback gets (before any order is looked up)."""
        if self.verified:
            return None
        if self.rejection is Rejection.malformed:
            return Disposition.malformed
        return Disposition.bad_signature


@dataclass(frozen=True)
class CallbackAnswer:
    """The HTTP answer the gateway's protocol expects for a callback."""

    status_code: int
    body: bytes
    media_type: str | None


@dataclass(frozen=True)
class QueryResult:
    """A parsed status-query answer.

    ``verified``: the answer's signature was checked, or the protocol signs no answer and the
    answer is trusted as the response to our own HTTPS request (MoMo, ZaloPay).
    """

    verified: bool
    status: QueryStatus
    outcome: PaymentOutcome | None
    amount: int | None
    provider_txn_id: str | None
    provider_code: str | None
    message: str

    @classmethod
    def unverified(cls, message: str) -> QueryResult:
        return cls(False, QueryStatus.error, None, None, None, None, message)


@dataclass(frozen=True)
class RawCallback:
    """A callback as received: the query string (VNPay's GET) and the body (MoMo, ZaloPay)."""

    query: str = ""
    body: bytes = b""


class Gateway(Protocol):
    """What every gateway module offers; one instance holds the merchants of one provider."""

    @property
    def provider(self) -> str: ...

    def create(self, merchant: str, order: PaymentOrder) -> PaymentRequest:
        """The payment URL or the create-order call for ``order`` to ``merchant``'s account."""
        ...

    def parse_create_response(self, merchant: str, body: bytes) -> CreateResult:
        """The answer to the create-order call (a redirect-only gateway never gets one)."""
        ...

    def parse_callback(self, raw: RawCallback) -> CallbackResult:
        """Merchant by its code, then the signature, then the fields."""
        ...

    def callback_answer(self, disposition: Disposition) -> CallbackAnswer:
        """The answer the gateway's protocol expects for what we concluded."""
        ...

    def query(self, merchant: str, query: PaymentQuery) -> QueryRequest:
        """The status-query call about one payment."""
        ...

    def parse_query_response(self, merchant: str, body: bytes) -> QueryResult:
        """The answer to a status query."""
        ...


def check_order_ref(order_ref: str) -> None:
    """Refuses a reference some gateway would refuse or mangle."""
    if not ORDER_REF.fullmatch(order_ref):
        raise ValueError("an order reference is 1 to 32 ASCII letters and digits")


def hmac_hex(algorithm: str, key: str, message: str) -> str:
    """Lower-case hex HMAC of the UTF-8 message under the UTF-8 key (every gateway's convention)."""
    return hmac.new(key.encode("utf-8"), message.encode("utf-8"), algorithm).hexdigest()


def same_signature(expected: str, received: str) -> bool:
    """Constant-time, case-insensitive comparison of two hex signatures."""
    if not HEX.fullmatch(received):
        return False
    return hmac.compare_digest(expected.lower().encode("ascii"), received.lower().encode("ascii"))


def gateway_time(moment: datetime) -> str:
    """``yyyyMMddHHmmss`` on the GMT+7 clock (VNPay dates)."""
    if moment.tzinfo is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(GATEWAY_TIME).strftime("%Y%m%d%H%M%S")


def epoch_ms(moment: datetime) -> int:
    """Milliseconds since the epoch (MoMo and ZaloPay times)."""
    return int(moment.timestamp() * 1000)


# hashlib names, so a typo is an AttributeError at import rather than a silent mismatch
SHA256 = hashlib.sha256().name
SHA512 = hashlib.sha512().name
