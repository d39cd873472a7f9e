"""MoMo payment gateway (AIO v2 ``/v2/gateway/api``; reference/payment-gateways.md §2).

Every signature is ``hex(HMAC-SHA256(secretKey, raw))`` where ``raw`` is ``key=value`` pairs joined by
``&`` in the exact order MoMo lists (alphabetical), values as sent (no URL-encoding, integers in
decimal) and the merchant's ``accessKey``, which is never sent, in first place:

* create: ``accessKey amount extraData ipnUrl orderId orderInfo partnerCode redirectUrl requestId
  requestType``;
* IPN: ``accessKey amount extraData message orderId orderInfo orderType partnerCode payType requestId
  responseTime resultCode transId``;
* query: ``accessKey orderId partnerCode requestId``.

The IPN is a JSON POST; the merchant answers HTTP 204 (no body). MoMo publishes no meaning for other
answers and never refunds by them [U]; we answer 204 to what we recorded (or had already recorded) and
a 4xx/5xx without body to the rest, so MoMo's logs show what went wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.services.payments.gateways.base import (
    SHA256,
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
    hmac_hex,
    merchant_named,
    same_signature,
)

PROVIDER = "momo"
CREATE_PATH = "/v2/gateway/api/create"
QUERY_PATH = "/v2/gateway/api/query"

CREATE_SIGNED = (
    "accessKey",
    "amount",
    "extraData",
    "ipnUrl",
    "orderId",
    "orderInfo",
    "partnerCode",
    "redirectUrl",
    "requestId",
    "requestType",
)
IPN_SIGNED = (
    "accessKey",
    "amount",
    "extraData",
    "message",
    "orderId",
    "orderInfo",
    "orderType",
    "partnerCode",
    "payType",
    "requestId",
    "responseTime",
    "resultCode",
    "transId",
)
QUERY_SIGNED = ("accessKey", "orderId", "partnerCode", "requestId")

ORDER_ID = re.compile(r"[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*")
REQUEST_ID_MAX = 50
MIN_AMOUNT, MAX_AMOUNT = 1_000, 50_000_000  # wallet payments (§2)

# resultCode (§2, MoMo's error-code list)
SUCCEEDED = frozenset({0, 9000})  # 9000: authorised; one-step payments count it as paid
PENDING = frozenset({1000, 7000, 7002})
CANCELLED = frozenset({1003, 1006, 1017})
NOT_FOUND = 42  # "orderId not found" (query)
# Final payment failures a query may report; any other code means the query itself failed.
FAILED = frozenset({1001, 1002, 1004, 1005, 1007, 1026, 1080, 1081, 1088, 2019, 4001, 4002, 4100})

ANSWERS: Mapping[Disposition, int] = {
    Disposition.recorded: 204,
    Disposition.duplicate: 204,
    Disposition.unknown_order: 404,
    Disposition.wrong_amount: 422,
    Disposition.bad_signature: 401,
    Disposition.malformed: 400,
    Disposition.error: 500,
}


@dataclass(frozen=True)
class MomoMerchant:
    """One MoMo partner: its code, keys (never shown) and endpoint."""

    partner_code: str
    access_key: str = field(repr=False)
    secret_key: str = field(repr=False)
    endpoint: str = "https://test-payment.momo.vn"
    request_type: str = "captureWallet"
    lang: str = "vi"


def raw_signature(values: Mapping[str, object], keys: Sequence[str], access_key: str) -> str:
    """``key=value&...`` in MoMo's order; ``accessKey`` is the merchant's; a missing value is empty."""
    return "&".join(
        f"{key}={access_key if key == 'accessKey' else _text(values.get(key, ''))}" for key in keys
    )


def sign(values: Mapping[str, object], keys: Sequence[str], merchant: MomoMerchant) -> str:
    """``signature``: HMAC-SHA256 of the raw string under the secret key, lower-case hex."""
    return hmac_hex(SHA256, merchant.secret_key, raw_signature(values, keys, merchant.access_key))


def _text(value: object) -> str:
    return str(value)


def outcome_of(result_code: int) -> PaymentOutcome:
    """An IPN reports a final result: anything but success or pending is a failure."""
    if result_code in SUCCEEDED:
        return PaymentOutcome.succeeded
    if result_code in PENDING:
        return PaymentOutcome.pending
    if result_code in CANCELLED:
        return PaymentOutcome.cancelled
    return PaymentOutcome.failed


def _json_object(body: bytes) -> dict[str, object] | None:
    try:
        value = json.loads(body)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_scalar(value: object) -> bool:
    return isinstance(value, str) or _is_int(value)


@dataclass(frozen=True)
class MomoGateway:
    """MoMo for the partners configured (``partnerCode`` -> partner)."""

    merchants: Mapping[str, MomoMerchant]

    def __post_init__(self) -> None:
        check_keyed_by_code(self.merchants, lambda merchant: merchant.partner_code)

    @property
    def provider(self) -> str:
        return PROVIDER

    def _merchant(self, code: str) -> MomoMerchant:
        return merchant_named(self.merchants, code, "MoMo partner")

    def create(self, merchant: str, order: PaymentOrder) -> PaymentRequest:
        """The create-order call (JSON POST); MoMo answers with the ``payUrl``."""
        partner = self._merchant(merchant)
        request_id = order.request_id or order.order_ref
        if not ORDER_ID.fullmatch(order.order_ref):
            raise ValueError("orderId does not match MoMo's pattern")
        if not 0 < len(request_id) <= REQUEST_ID_MAX:
            raise ValueError("requestId is 1 to 50 characters")
        if not MIN_AMOUNT <= order.amount <= MAX_AMOUNT:
            raise ValueError("MoMo takes 1,000 to 50,000,000 đồng")
        body: dict[str, object] = {
            "partnerCode": partner.partner_code,
            "requestType": partner.request_type,
            "ipnUrl": order.notify_url,
            "redirectUrl": order.return_url,
            "orderId": order.order_ref,
            "amount": order.amount,
            "orderInfo": order.description,
            "requestId": request_id,
            "extraData": "",
            "lang": partner.lang,
        }
        body["signature"] = sign(body, CREATE_SIGNED, partner)
        return PaymentRequest("POST", partner.endpoint + CREATE_PATH, json_body=body)

    def parse_create_response(self, merchant: str, body: bytes) -> CreateResult:
        """``resultCode`` 0 and a ``payUrl``: send the payer there."""
        self._merchant(merchant)
        answer = _json_object(body)
        if answer is None:
            return CreateResult(False, None, "", "not a MoMo answer")
        code = answer.get("resultCode")
        pay_url = answer.get("payUrl")
        message = str(answer.get("message", ""))
        if code == 0 and isinstance(pay_url, str) and pay_url:
            return CreateResult(True, pay_url, "0", message)
        return CreateResult(False, None, str(code), message)

    def parse_callback(self, raw: RawCallback) -> CallbackResult:
        """The IPN body: partner, signature, then the fields (§2)."""
        body = _json_object(raw.body)
        if body is None:
            return CallbackResult.rejected(Rejection.malformed)
        code = body.get("partnerCode")
        if not isinstance(code, str):
            return CallbackResult.rejected(Rejection.malformed)
        partner = self.merchants.get(code)
        if partner is None:
            return CallbackResult.rejected(Rejection.unknown_merchant, code)
        signed = {key: body[key] for key in IPN_SIGNED if key in body}
        received = body.get("signature")
        if not all(_is_scalar(value) for value in signed.values()) or not isinstance(received, str):
            return CallbackResult.rejected(Rejection.bad_signature, code)
        if not same_signature(sign(signed, IPN_SIGNED, partner), received):
            return CallbackResult.rejected(Rejection.bad_signature, code)
        order_id, amount, result_code = (
            body.get("orderId"),
            body.get("amount"),
            body.get("resultCode"),
        )
        trans_id = body.get("transId")
        if not (
            isinstance(order_id, str) and order_id and _is_int(amount) and _is_int(result_code)
        ):
            return CallbackResult.rejected(Rejection.malformed, code)
        assert isinstance(amount, int) and isinstance(result_code, int)  # narrowed above
        return CallbackResult(
            verified=True,
            rejection=None,
            merchant=code,
            order_ref=order_id,
            amount=amount,
            provider_txn_id=str(trans_id) if _is_scalar(trans_id) and trans_id != "" else None,
            outcome=outcome_of(result_code),
            provider_code=str(result_code),
        )

    def callback_answer(self, disposition: Disposition) -> CallbackAnswer:
        """204 without a body for what is recorded; a bodiless 4xx/5xx otherwise [U]."""
        return CallbackAnswer(ANSWERS[disposition], b"", None)

    def query(self, merchant: str, query: PaymentQuery) -> QueryRequest:
        """The status query (JSON POST, ``/v2/gateway/api/query``)."""
        partner = self._merchant(merchant)
        body: dict[str, object] = {
            "partnerCode": partner.partner_code,
            "requestId": query.request_id,
            "orderId": query.order_ref,
            "lang": partner.lang,
        }
        body["signature"] = sign(body, QUERY_SIGNED, partner)
        return QueryRequest("POST", partner.endpoint + QUERY_PATH, json_body=body)

    def parse_query_response(self, merchant: str, body: bytes) -> QueryResult:
        """The query's answer, trusted as the answer to our HTTPS call (its signature is [U])."""
        partner = self._merchant(merchant)
        answer = _json_object(body)
        if answer is None:
            return QueryResult.unverified("not a MoMo answer")
        code = answer.get("resultCode")
        message = str(answer.get("message", ""))
        if answer.get("partnerCode") != partner.partner_code or not _is_int(code):
            return QueryResult.unverified("not an answer about this partner")
        assert isinstance(code, int)
        if code == NOT_FOUND:
            return QueryResult(
                True, QueryStatus.no_such_order, None, None, None, str(code), message
            )
        if code not in SUCCEEDED | PENDING | CANCELLED | FAILED:
            return QueryResult(True, QueryStatus.error, None, None, None, str(code), message)
        amount = answer.get("amount")
        trans_id = answer.get("transId")
        return QueryResult(
            verified=True,
            status=QueryStatus.found,
            outcome=outcome_of(code),
            amount=amount if isinstance(amount, int) and not isinstance(amount, bool) else None,
            provider_txn_id=str(trans_id)
            if _is_scalar(trans_id) and trans_id not in ("", 0)
            else None,
            provider_code=str(code),
            message=message,
        )


# mypy checks that the module speaks the common interface
_INTERFACE: type[Gateway] = MomoGateway
