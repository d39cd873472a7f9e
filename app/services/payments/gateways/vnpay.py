"""VNPay payment gateway, API version 2.1.0 (reference/payment-gateways.md §1).

* Payment URL: the ``vnp_*`` parameters sorted by name, each ``name=quote_plus(value)``, joined by
  ``&``, signed HMAC-SHA512 with the terminal's hash secret, ``vnp_SecureHash`` appended (§1.5).
  No ``vnp_SecureHashType`` in 2.1.0; no empty value is ever sent.
* ``vnp_OrderInfo`` is made plain ASCII (no diacritics, no ``~ * ! ' ( )``): VNPay's own rule, and the
  only text on which its demos' encoders agree (§1.6).
* IPN and return URL: the same signature over every received ``vnp_*`` parameter except the hash
  fields; the terminal (``vnp_TmnCode``) chooses the secret; a payment succeeded only when
  ``vnp_ResponseCode`` and ``vnp_TransactionStatus`` are both ``00`` (§1.4).
* IPN answers: HTTP 200 with ``{"RspCode", "Message"}``: 00 recorded, 01 unknown order, 02 already
  final, 04 wrong amount, 97 bad signature (or unknown terminal), 99 anything else (§1.4, §1.9).
* ``querydr``: a JSON POST signed HMAC-SHA512 over ``|``-joined fields; its answer is signed the same
  way over its own fields (§1.8).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote_plus

from app.services.payments.gateways.base import (
    SHA512,
    CallbackAnswer,
    CallbackResult,
    CreateResult,
    Disposition,
    Gateway,
    PaymentOrder,
    PaymentOutcome,
    PaymentQuery,
    PaymentRequest,
    QueryRequest,
    QueryResult,
    QueryStatus,
    RawCallback,
    Rejection,
    check_keyed_by_code,
    gateway_time,
    hmac_hex,
    merchant_named,
    same_signature,
)

PROVIDER = "vnpay"
VERSION = "2.1.0"
HASH_FIELDS = ("vnp_SecureHash", "vnp_SecureHashType")
ORDER_INFO_MAX = 255
MAX_AMOUNT_MINOR = 10**12 - 1  # vnp_Amount is Numeric[1,12], in đồng x 100

# What the IPN answers mean to VNPay: 00 and 02 end its retries, the others make it retry (§1.3-1.4).
ANSWERS: Mapping[Disposition, tuple[str, str]] = {
    Disposition.recorded: ("00", "Confirm Success"),
    Disposition.duplicate: ("02", "Order already confirmed"),
    Disposition.unknown_order: ("01", "Order not found"),
    Disposition.wrong_amount: ("04", "Invalid amount"),
    Disposition.bad_signature: ("97", "Invalid signature"),
    Disposition.malformed: ("99", "Invalid request"),
    Disposition.error: ("99", "Unknow error"),  # sic: VNPay's demos
}

# vnp_TransactionStatus (§1.7) of a payment not final yet
PENDING_STATUSES = frozenset({"01"})
CANCELLED_RESPONSE = "24"  # the payer cancelled

QUERYDR_REQUEST_FIELDS = (
    "vnp_RequestId",
    "vnp_Version",
    "vnp_Command",
    "vnp_TmnCode",
    "vnp_TxnRef",
    "vnp_TransactionDate",
    "vnp_CreateDate",
    "vnp_IpAddr",
    "vnp_OrderInfo",
)
QUERYDR_RESPONSE_FIELDS = (
    "vnp_ResponseId",
    "vnp_Command",
    "vnp_ResponseCode",
    "vnp_Message",
    "vnp_TmnCode",
    "vnp_TxnRef",
    "vnp_Amount",
    "vnp_BankCode",
    "vnp_PayDate",
    "vnp_TransactionNo",
    "vnp_TransactionType",
    "vnp_TransactionStatus",
    "vnp_OrderInfo",
    "vnp_PromotionCode",
    "vnp_PromotionAmount",
)
QUERYDR_NOT_FOUND = "91"

_UNSAFE_ORDER_INFO = re.compile(r"[^A-Za-z0-9 .,:/_-]+")
_DIGITS = re.compile(r"[0-9]{1,15}")


@dataclass(frozen=True)
class VnpayMerchant:
    """One VNPay terminal: its code, its hash secret (never shown) and the endpoints it uses."""

    tmn_code: str
    hash_secret: str = field(repr=False)
    pay_url: str = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html"
    api_url: str = "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction"
    order_type: str = "other"
    bank_code: str | None = None  # None: the payer chooses on VNPay's page


def hash_data(params: Mapping[str, str], *, keep_empty: bool = False) -> str:
    """The signed string: ``vnp_*`` parameters but the hash fields, sorted, form-encoded (§1.5)."""
    items = sorted(
        (key, value)
        for key, value in params.items()
        if key.startswith("vnp_") and key not in HASH_FIELDS and (keep_empty or value != "")
    )
    return "&".join(f"{key}={quote_plus(value)}" for key, value in items)


def secure_hash(params: Mapping[str, str], secret: str, *, keep_empty: bool = False) -> str:
    """``vnp_SecureHash``: HMAC-SHA512 of ``hash_data``, lower-case hex."""
    return hmac_hex(SHA512, secret, hash_data(params, keep_empty=keep_empty))


def plain_order_info(text: str) -> str:
    """``vnp_OrderInfo`` as VNPay requires it: Vietnamese without diacritics, no special characters.

    "Thanh toán lệ phí hồ sơ 000.00.01.H01-261130-0001" -> "Thanh toan le phi ho so 000.00.01.H01-261130-0001".
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch.isascii())
    plain = " ".join(_UNSAFE_ORDER_INFO.sub(" ", ascii_only).split())[:ORDER_INFO_MAX].strip()
    if not plain:
        raise ValueError("the order description has no characters VNPay accepts")
    return plain


def _signed_pairs(query: str) -> dict[str, str] | None:
    """The parameters of a query string; None when it is empty or names a parameter twice."""
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        return None
    params = dict(pairs)
    if not params or len(params) != len(pairs):
        return None
    return params


def _amount_in_dong(minor: str) -> int | None:
    """``vnp_Amount`` is đồng x 100; an amount that is no whole number of đồng is None."""
    units, rest = divmod(int(minor), 100)
    return units if rest == 0 else None


def outcome_of(response_code: str, transaction_status: str) -> PaymentOutcome:
    """Success needs both codes 00 (VNPay's PHP and C# demos; the reference recommends AND)."""
    if response_code == "00" and transaction_status == "00":
        return PaymentOutcome.succeeded
    if response_code == CANCELLED_RESPONSE:
        return PaymentOutcome.cancelled
    if transaction_status in PENDING_STATUSES:
        return PaymentOutcome.pending
    return PaymentOutcome.failed


@dataclass(frozen=True)
class VnpayGateway:
    """VNPay for the terminals configured (``vnp_TmnCode`` -> terminal)."""

    merchants: Mapping[str, VnpayMerchant]

    def __post_init__(self) -> None:
        check_keyed_by_code(self.merchants, lambda merchant: merchant.tmn_code)

    @property
    def provider(self) -> str:
        return PROVIDER

    def _merchant(self, code: str) -> VnpayMerchant:
        return merchant_named(self.merchants, code, "VNPay terminal")

    def payment_params(self, merchant: str, order: PaymentOrder) -> dict[str, str]:
        """The ``vnp_*`` parameters of the payment URL, before signing."""
        terminal = self._merchant(merchant)
        amount_minor = order.amount * 100
        if amount_minor > MAX_AMOUNT_MINOR:
            raise ValueError("amount exceeds what vnp_Amount can carry")
        if order.locale not in ("vn", "en"):
            raise ValueError("vnp_Locale is vn or en")
        params = {
            "vnp_Version": VERSION,
            "vnp_Command": "pay",
            "vnp_TmnCode": terminal.tmn_code,
            "vnp_Amount": str(amount_minor),
            "vnp_CreateDate": gateway_time(order.created_at),
            "vnp_CurrCode": "VND",
            "vnp_IpAddr": order.client_ip,
            "vnp_Locale": order.locale,
            "vnp_OrderInfo": plain_order_info(order.description),
            "vnp_OrderType": terminal.order_type,
            "vnp_ReturnUrl": order.return_url,
            "vnp_ExpireDate": gateway_time(order.expires_at),
            "vnp_TxnRef": order.order_ref,
        }
        if terminal.bank_code:
            params["vnp_BankCode"] = terminal.bank_code
        empty = sorted(key for key, value in params.items() if value == "")
        if empty:  # verifiers disagree on empty values (§1.6): never send one
            raise ValueError(f"empty VNPay parameters: {', '.join(empty)}")
        return params

    def create(self, merchant: str, order: PaymentOrder) -> PaymentRequest:
        """The payment URL the payer's browser is sent to (a GET redirect)."""
        terminal = self._merchant(merchant)
        params = self.payment_params(merchant, order)
        query = hash_data(params)
        signature = hmac_hex(SHA512, terminal.hash_secret, query)
        return PaymentRequest("GET", f"{terminal.pay_url}?{query}&vnp_SecureHash={signature}")

    def parse_create_response(self, merchant: str, body: bytes) -> CreateResult:
        """VNPay has no create call: the payment URL is the request."""
        raise NotImplementedError("VNPay payments start with a redirect, not a create call")

    def parse_callback(self, raw: RawCallback) -> CallbackResult:
        """An IPN or a return URL's query string: terminal, signature, then the fields (§1.9)."""
        params = _signed_pairs(raw.query)
        if params is None:
            return CallbackResult.rejected(Rejection.malformed)
        code = params.get("vnp_TmnCode")
        if not code:
            return CallbackResult.rejected(Rejection.malformed)
        terminal = self.merchants.get(code)
        if terminal is None:
            return CallbackResult.rejected(Rejection.unknown_merchant, code)
        if not _verified(params, terminal.hash_secret):
            return CallbackResult.rejected(Rejection.bad_signature, code)
        try:
            order_ref = params["vnp_TxnRef"]
            minor = params["vnp_Amount"]
            response_code = params["vnp_ResponseCode"]
            transaction_status = params.get("vnp_TransactionStatus", "")
        except KeyError:
            return CallbackResult.rejected(Rejection.malformed, code)
        if not _DIGITS.fullmatch(minor) or not order_ref:
            return CallbackResult.rejected(Rejection.malformed, code)
        return CallbackResult(
            verified=True,
            rejection=None,
            merchant=code,
            order_ref=order_ref,
            amount=_amount_in_dong(minor),
            provider_txn_id=params.get("vnp_TransactionNo") or None,
            outcome=outcome_of(response_code, transaction_status),
            provider_code=response_code,
        )

    def callback_answer(self, disposition: Disposition) -> CallbackAnswer:
        """HTTP 200 and ``{"RspCode": .., "Message": ..}`` whatever happened (all VNPay demos)."""
        code, message = ANSWERS[disposition]
        body = json.dumps({"RspCode": code, "Message": message}).encode()
        return CallbackAnswer(200, body, "application/json")

    def query(self, merchant: str, query: PaymentQuery) -> QueryRequest:
        """The ``querydr`` call (§1.8): JSON, signed over its fields joined by ``|``."""
        terminal = self._merchant(merchant)
        body = {
            "vnp_RequestId": query.request_id,
            "vnp_Version": VERSION,
            "vnp_Command": "querydr",
            "vnp_TmnCode": terminal.tmn_code,
            "vnp_TxnRef": query.order_ref,
            "vnp_TransactionDate": gateway_time(query.order_created_at),
            "vnp_CreateDate": gateway_time(query.requested_at),
            "vnp_IpAddr": query.server_ip,
            "vnp_OrderInfo": plain_order_info(query.description),
        }
        body["vnp_SecureHash"] = querydr_hash(body, QUERYDR_REQUEST_FIELDS, terminal.hash_secret)
        return QueryRequest("POST", terminal.api_url, json_body=body)

    def parse_query_response(self, merchant: str, body: bytes) -> QueryResult:
        """The ``querydr`` answer, its signature checked before anything is believed."""
        terminal = self._merchant(merchant)
        try:
            answer = json.loads(body)
        except ValueError:
            return QueryResult.unverified("not JSON")
        if not isinstance(answer, dict) or not all(
            isinstance(value, str | int) and not isinstance(value, bool)
            for value in answer.values()
        ):
            return QueryResult.unverified("not a querydr answer")
        fields = {key: str(value) for key, value in answer.items()}
        expected = querydr_hash(fields, QUERYDR_RESPONSE_FIELDS, terminal.hash_secret)
        if not same_signature(expected, fields.get("vnp_SecureHash", "")):
            return QueryResult.unverified("bad signature")
        if fields.get("vnp_TmnCode") != terminal.tmn_code:
            return QueryResult.unverified("another terminal's answer")
        response_code = fields.get("vnp_ResponseCode", "")
        message = fields.get("vnp_Message", "")
        if response_code == QUERYDR_NOT_FOUND:
            return QueryResult(
                True, QueryStatus.no_such_order, None, None, None, response_code, message
            )
        minor = fields.get("vnp_Amount", "")
        if response_code != "00" or not _DIGITS.fullmatch(minor):
            return QueryResult(True, QueryStatus.error, None, None, None, response_code, message)
        status = fields.get("vnp_TransactionStatus", "")
        return QueryResult(
            verified=True,
            status=QueryStatus.found,
            outcome=_query_outcome(status),
            amount=_amount_in_dong(minor),
            provider_txn_id=fields.get("vnp_TransactionNo") or None,
            provider_code=status,
            message=message,
        )


def querydr_hash(fields: Mapping[str, str], order: Sequence[str], secret: str) -> str:
    """HMAC-SHA512 of the named fields' values joined by ``|`` (a missing field counts as empty)."""
    return hmac_hex(SHA512, secret, "|".join(str(fields.get(name, "")) for name in order))


def _query_outcome(transaction_status: str) -> PaymentOutcome:
    """``vnp_TransactionStatus`` of a ``querydr`` answer (§1.7)."""
    if transaction_status == "00":
        return PaymentOutcome.succeeded
    if transaction_status in PENDING_STATUSES:
        return PaymentOutcome.pending
    return PaymentOutcome.failed


def _verified(params: Mapping[str, str], secret: str) -> bool:
    """The received hash matches; with an empty value, either convention of the demos (§1.6).

    VNPay's Java demo drops empty values, its PHP and Python demos sign ``key=``. Both are keyed
    with the terminal's secret, so accepting either admits nobody without it.
    """
    received = params.get("vnp_SecureHash", "")
    if same_signature(secure_hash(params, secret), received):
        return True
    has_empty = any(value == "" for key, value in params.items() if key.startswith("vnp_"))
    return has_empty and same_signature(secure_hash(params, secret, keep_empty=True), received)


# mypy checks that the module speaks the common interface
_INTERFACE: type[Gateway] = VnpayGateway
