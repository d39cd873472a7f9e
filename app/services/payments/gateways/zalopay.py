"""ZaloPay payment gateway, OpenAPI v2 (reference/payment-gateways.md §3).

* create (``/v2/create``, form POST): ``mac = hex(HMAC-SHA256(key1, "app_id|app_trans_id|app_user|
  amount|app_time|embed_data|item"))``; ``app_trans_id`` is ``yymmdd_`` (GMT+7 day of creation) + our
  reference.
* callback (JSON POST ``{"data": "<JSON string>", "mac": "<hex>", "type": 1}``): ``mac =
  hex(HMAC-SHA256(key2, data))`` over the exact string received, never a re-serialisation. ZaloPay
  calls back only for money received: failures come from the query.
* answer: HTTP 200 ``{"return_code", "return_message"}``: 1 recorded, 2 already recorded [U: the
  meaning of 2 comes from copies of the docs], 0 makes ZaloPay call again (at most 3 times), -1 refused.
* query (``/v2/query``, form POST): ``mac = HMAC-SHA256(key1, "app_id|app_trans_id|key1")``;
  ``return_code`` 1 paid, 2 failed, 3 processing. Its answer carries no mac.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from app.services.payments.gateways.base import (
    GATEWAY_TIME,
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
    epoch_ms,
    hmac_hex,
    merchant_named,
    same_signature,
)

PROVIDER = "zalopay"
CREATE_PATH = "/v2/create"
QUERY_PATH = "/v2/query"
ORDER_CALLBACK = 1  # ``type`` 1: an order; 2: an agreement (not ours)

ANSWERS: Mapping[Disposition, tuple[int, str]] = {
    Disposition.recorded: (1, "success"),
    Disposition.duplicate: (2, "already recorded"),
    Disposition.unknown_order: (-1, "order not found"),
    Disposition.wrong_amount: (-1, "invalid amount"),
    Disposition.bad_signature: (-1, "mac not equal"),
    Disposition.malformed: (-1, "invalid callback"),
    Disposition.error: (0, "retry"),
}
QUERY_OUTCOMES: Mapping[int, PaymentOutcome] = {
    1: PaymentOutcome.succeeded,
    2: PaymentOutcome.failed,
    3: PaymentOutcome.pending,
}


@dataclass(frozen=True)
class ZalopayMerchant:
    """One ZaloPay app: its id, its two keys (never shown) and endpoint."""

    app_id: str
    key1: str = field(repr=False)  # signs our requests
    key2: str = field(repr=False)  # signs ZaloPay's callbacks
    endpoint: str = "https://sb-openapi.zalopay.vn"
    app_user: str = "MotCua"  # who orders, as ZaloPay shows it: the system, never a citizen's id


def app_trans_id(created_at: datetime, order_ref: str) -> str:
    """``yymmdd_<ref>``: ZaloPay wants the GMT+7 day of creation in front."""
    return f"{created_at.astimezone(GATEWAY_TIME):%y%m%d}_{order_ref}"


def order_ref_of(trans_id: str) -> str | None:
    """Our reference inside an ``app_trans_id``; None when it has no ``yymmdd_`` prefix."""
    day, sep, ref = trans_id.partition("_")
    if not sep or len(day) != 6 or not day.isascii() or not day.isdigit() or not ref:
        return None
    return ref


def create_mac(fields: Mapping[str, str], key1: str) -> str:
    """The create-order ``mac``."""
    keys = ("app_id", "app_trans_id", "app_user", "amount", "app_time", "embed_data", "item")
    return hmac_hex(SHA256, key1, "|".join(fields[key] for key in keys))


def callback_mac(data: str, key2: str) -> str:
    """The callback ``mac``: over the ``data`` string exactly as received."""
    return hmac_hex(SHA256, key2, data)


def query_mac(app_id: str, trans_id: str, key1: str) -> str:
    """The query ``mac``."""
    return hmac_hex(SHA256, key1, f"{app_id}|{trans_id}|{key1}")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _json_object(text: str | bytes) -> dict[str, object] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


@dataclass(frozen=True)
class ZalopayGateway:
    """ZaloPay for the apps configured (``app_id`` -> app)."""

    merchants: Mapping[str, ZalopayMerchant]

    def __post_init__(self) -> None:
        check_keyed_by_code(self.merchants, lambda merchant: merchant.app_id)

    @property
    def provider(self) -> str:
        return PROVIDER

    def _merchant(self, code: str) -> ZalopayMerchant:
        return merchant_named(self.merchants, code, "ZaloPay app")

    def create(self, merchant: str, order: PaymentOrder) -> PaymentRequest:
        """The create-order call (form POST); ZaloPay answers with the ``order_url``."""
        app = self._merchant(merchant)
        fields = {
            "app_id": app.app_id,
            "app_trans_id": app_trans_id(order.created_at, order.order_ref),
            "app_user": app.app_user,
            "app_time": str(epoch_ms(order.created_at)),
            "amount": str(order.amount),
            "item": "[]",
            "embed_data": json.dumps({"redirecturl": order.return_url}, separators=(",", ":")),
            "description": order.description,
            "bank_code": "",
            "callback_url": order.notify_url,
            "expire_duration_seconds": str(
                max(300, int((order.expires_at - order.created_at).total_seconds()))
            ),
        }
        fields["mac"] = create_mac(fields, app.key1)
        return PaymentRequest("POST", app.endpoint + CREATE_PATH, form_body=fields)

    def parse_create_response(self, merchant: str, body: bytes) -> CreateResult:
        """``return_code`` 1 and an ``order_url``: send the payer there."""
        self._merchant(merchant)
        answer = _json_object(body)
        if answer is None:
            return CreateResult(False, None, "", "not a ZaloPay answer")
        code = answer.get("return_code")
        url = answer.get("order_url")
        message = str(answer.get("return_message", ""))
        if code == 1 and isinstance(url, str) and url:
            return CreateResult(True, url, "1", message)
        return CreateResult(False, None, str(code), message)

    def parse_callback(self, raw: RawCallback) -> CallbackResult:
        """The callback body: app (named inside ``data``), mac with its key2, then the fields."""
        envelope = _json_object(raw.body)
        if envelope is None:
            return CallbackResult.rejected(Rejection.malformed)
        data, mac = envelope.get("data"), envelope.get("mac")
        if not isinstance(data, str) or not isinstance(mac, str):
            return CallbackResult.rejected(Rejection.malformed)
        fields = _json_object(data)
        if fields is None:
            return CallbackResult.rejected(Rejection.malformed)
        app_id = fields.get("app_id")
        code = str(app_id) if _is_int(app_id) or isinstance(app_id, str) else None
        app = self.merchants.get(code) if code else None
        if app is None:
            return CallbackResult.rejected(Rejection.unknown_merchant, code)
        if not same_signature(callback_mac(data, app.key2), mac):
            return CallbackResult.rejected(Rejection.bad_signature, code)
        trans_id, amount, zp_trans_id = (
            fields.get("app_trans_id"),
            fields.get("amount"),
            fields.get("zp_trans_id"),
        )
        order_ref = order_ref_of(trans_id) if isinstance(trans_id, str) else None
        if (
            envelope.get("type", ORDER_CALLBACK) != ORDER_CALLBACK
            or order_ref is None
            or not _is_int(amount)
            or not (_is_int(zp_trans_id) or isinstance(zp_trans_id, str))
        ):
            return CallbackResult.rejected(Rejection.malformed, code)
        assert isinstance(amount, int)
        return CallbackResult(
            verified=True,
            rejection=None,
            merchant=code,
            order_ref=order_ref,
            amount=amount,
            provider_txn_id=str(zp_trans_id),
            outcome=PaymentOutcome.succeeded,  # ZaloPay calls back only for money received
            provider_code="1",
        )

    def callback_answer(self, disposition: Disposition) -> CallbackAnswer:
        """HTTP 200 and ``{"return_code", "return_message"}``."""
        code, message = ANSWERS[disposition]
        body = json.dumps({"return_code": code, "return_message": message}).encode()
        return CallbackAnswer(200, body, "application/json")

    def query(self, merchant: str, query: PaymentQuery) -> QueryRequest:
        """The status query (form POST)."""
        app = self._merchant(merchant)
        trans_id = app_trans_id(query.order_created_at, query.order_ref)
        fields = {
            "app_id": app.app_id,
            "app_trans_id": trans_id,
            "mac": query_mac(app.app_id, trans_id, app.key1),
        }
        return QueryRequest("POST", app.endpoint + QUERY_PATH, form_body=fields)

    def parse_query_response(self, merchant: str, body: bytes) -> QueryResult:
        """``return_code`` 1 paid, 2 failed, 3 processing; trusted as the answer to our HTTPS call."""
        self._merchant(merchant)
        answer = _json_object(body)
        if answer is None:
            return QueryResult.unverified("not a ZaloPay answer")
        code = answer.get("return_code")
        message = str(answer.get("return_message", ""))
        known = isinstance(code, int) and not isinstance(code, bool)
        outcome = QUERY_OUTCOMES.get(code) if known and isinstance(code, int) else None
        if outcome is None:
            return QueryResult(True, QueryStatus.error, None, None, None, str(code), message)
        amount = answer.get("amount")
        zp_trans_id = answer.get("zp_trans_id")
        return QueryResult(
            verified=True,
            status=QueryStatus.found,
            outcome=outcome,
            amount=amount if isinstance(amount, int) and not isinstance(amount, bool) else None,
            provider_txn_id=str(zp_trans_id) if zp_trans_id not in (None, "", 0) else None,
            provider_code=str(code),
            message=message,
        )


# mypy checks that the module speaks the common interface
_INTERFACE: type[Gateway] = ZalopayGateway
