"""The national public-service payment platform (PayGov) or a provincial LGSP, behind an adapter.

Neither publishes its protocol (reference/payment-gateways.md §4): the specification is handed over at
onboarding by the operator (Cục Chuyển đổi số / VPCP, or the province's Sở TT&TT). So this module
ships what can be known now:

* ``NationalPlatformAdapter``: the same ``Gateway`` interface as VNPay, MoMo and ZaloPay, so the
  payments service treats the platform like any other provider (``provider == "national"``);
* ``NationalPlatformConfig``: **the configuration point**. ``adapter`` names the implementation; the
  province's adapter is a factory ``(config) -> NationalPlatformAdapter`` registered under that name by
  the layer that assembles the application (as ``MOTCUA_WORKER_PLUGINS`` modules are), and
  ``adapter_for`` picks it. ``partner_code``, ``access_key``, ``secret_key`` and ``endpoint`` are what
  the HCM LGSP issues (PartnerCode/AccessKey/SecretKey) [S]; ``options`` carries anything else an
  operator's specification names;
* ``FakeNationalPlatform`` (``adapter = "fake"``): a stand-in for development, tests and the demo.

**Its wire format is [U], invented here, and must not be mistaken for the platform's**: the payer is
redirected to ``{endpoint}/payment?data=<base64 JSON>&signature=<hex>``; the callback is a JSON POST
``{"data": "<base64 JSON>", "signature": "<hex>"}``; the answer ``{"code": "00"|..., "message": ...}``;
``signature = hex(HMAC-SHA256(secret_key, data))`` over the base64 text as received. (The only public
trace of the portal's format is a form field ``data`` holding base64 JSON, §4.)
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping
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
    epoch_ms,
    hmac_hex,
    same_signature,
)

PROVIDER = "national"
FAKE = "fake"

# The adapter interface is the gateway interface: one contract for every provider.
NationalPlatformAdapter = Gateway


@dataclass(frozen=True)
class NationalPlatformConfig:
    """Where and as whom the one-stop system talks to the platform; secrets never shown."""

    adapter: str = FAKE
    endpoint: str = "http://127.0.0.1/national-payment"
    partner_code: str = ""
    access_key: str = field(default="", repr=False)
    secret_key: str = field(default="", repr=False)
    options: Mapping[str, str] = field(default_factory=dict)


AdapterFactory = Callable[[NationalPlatformConfig], NationalPlatformAdapter]


def adapter_for(
    config: NationalPlatformConfig, factories: Mapping[str, AdapterFactory] | None = None
) -> NationalPlatformAdapter:
    """The adapter ``config.adapter`` names: the fake, or one of the ``factories`` a province adds."""
    known: dict[str, AdapterFactory] = {FAKE: FakeNationalPlatform}
    known.update(factories or {})
    try:
        factory = known[config.adapter]
    except KeyError:
        raise ValueError(f"no national payment adapter named {config.adapter!r}") from None
    return factory(config)


# The fake's codes [U]
FAKE_OUTCOMES: Mapping[str, PaymentOutcome] = {
    "00": PaymentOutcome.succeeded,
    "01": PaymentOutcome.pending,
    "02": PaymentOutcome.failed,
    "24": PaymentOutcome.cancelled,
}
FAKE_NOT_FOUND = "91"
FAKE_ANSWERS: Mapping[Disposition, tuple[str, str]] = {
    Disposition.recorded: ("00", "recorded"),
    Disposition.duplicate: ("02", "already recorded"),
    Disposition.unknown_order: ("01", "order not found"),
    Disposition.wrong_amount: ("04", "invalid amount"),
    Disposition.bad_signature: ("97", "invalid signature"),
    Disposition.malformed: ("99", "invalid request"),
    Disposition.error: ("99", "error"),
}


def encode_data(payload: Mapping[str, object]) -> str:
    """The fake's ``data``: base64 of compact UTF-8 JSON [U]."""
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _decode_data(data: str) -> dict[str, object] | None:
    try:
        value = json.loads(base64.b64decode(data, validate=True))
    except (ValueError, binascii.Error):
        return None
    return value if isinstance(value, dict) else None


@dataclass(frozen=True)
class FakeNationalPlatform:
    """The stand-in adapter: the whole interface over the invented wire format above [U]."""

    config: NationalPlatformConfig

    @property
    def provider(self) -> str:
        return PROVIDER

    def sign(self, data: str) -> str:
        return hmac_hex(SHA256, self.config.secret_key, data)

    def _check(self, merchant: str) -> None:
        if merchant != self.config.partner_code:
            raise ValueError(f"no national-platform partner {merchant!r} is configured")

    def create(self, merchant: str, order: PaymentOrder) -> PaymentRequest:
        self._check(merchant)
        data = encode_data(
            {
                "partnerCode": merchant,
                "orderRef": order.order_ref,
                "amount": order.amount,
                "description": order.description,
                "createdAt": epoch_ms(order.created_at),
                "expiresAt": epoch_ms(order.expires_at),
                "returnUrl": order.return_url,
                "notifyUrl": order.notify_url,
            }
        )
        body = {"data": data, "signature": self.sign(data)}
        return PaymentRequest("POST", f"{self.config.endpoint}/payment", json_body=body)

    def parse_create_response(self, merchant: str, body: bytes) -> CreateResult:
        self._check(merchant)
        try:
            answer = json.loads(body)
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            return CreateResult(False, None, "", "not an answer of the platform")
        url, code = answer.get("payUrl"), str(answer.get("code", ""))
        if code == "00" and isinstance(url, str) and url:
            return CreateResult(True, url, code, str(answer.get("message", "")))
        return CreateResult(False, None, code, str(answer.get("message", "")))

    def _verified_fields(self, body: bytes) -> tuple[dict[str, object] | None, CallbackResult]:
        """The signed fields of a callback or query answer; else the rejection, as a callback."""
        try:
            envelope = json.loads(body)
        except ValueError:
            envelope = None
        if not isinstance(envelope, dict):
            return None, CallbackResult.rejected(Rejection.malformed)
        data, signature = envelope.get("data"), envelope.get("signature")
        if not isinstance(data, str) or not isinstance(signature, str):
            return None, CallbackResult.rejected(Rejection.malformed)
        fields = _decode_data(data)
        if fields is None:
            return None, CallbackResult.rejected(Rejection.malformed)
        code = fields.get("partnerCode")
        if not isinstance(code, str) or code != self.config.partner_code:
            named = code if isinstance(code, str) else None
            return None, CallbackResult.rejected(Rejection.unknown_merchant, named)
        if not same_signature(self.sign(data), signature):
            return None, CallbackResult.rejected(Rejection.bad_signature, code)
        return fields, CallbackResult.rejected(Rejection.malformed, code)

    def parse_callback(self, raw: RawCallback) -> CallbackResult:
        fields, rejected = self._verified_fields(raw.body)
        if fields is None:
            return rejected
        ref, amount, result = fields.get("orderRef"), fields.get("amount"), fields.get("resultCode")
        txn = fields.get("transactionId")
        if not isinstance(result, str) or result not in FAKE_OUTCOMES:
            return rejected  # verified, but not a callback of this format
        outcome = FAKE_OUTCOMES[result]
        if not isinstance(ref, str) or not isinstance(amount, int) or isinstance(amount, bool):
            return rejected  # verified, but not a callback of this format
        return CallbackResult(
            True, None, rejected.merchant, ref, amount, str(txn) if txn else None, outcome, result
        )

    def callback_answer(self, disposition: Disposition) -> CallbackAnswer:
        code, message = FAKE_ANSWERS[disposition]
        return CallbackAnswer(
            200, json.dumps({"code": code, "message": message}).encode(), "application/json"
        )

    def query(self, merchant: str, query: PaymentQuery) -> QueryRequest:
        self._check(merchant)
        data = encode_data(
            {"partnerCode": merchant, "orderRef": query.order_ref, "requestId": query.request_id}
        )
        body = {"data": data, "signature": self.sign(data)}
        return QueryRequest("POST", f"{self.config.endpoint}/query", json_body=body)

    def parse_query_response(self, merchant: str, body: bytes) -> QueryResult:
        """The same signed envelope as a callback; ``resultCode`` 91: the platform has no such order."""
        self._check(merchant)
        fields, _ = self._verified_fields(body)
        if fields is None:
            return QueryResult.unverified("not a verified answer of the platform")
        if fields.get("resultCode") == FAKE_NOT_FOUND:
            return QueryResult(
                True, QueryStatus.no_such_order, None, None, None, FAKE_NOT_FOUND, ""
            )
        callback = self.parse_callback(RawCallback(body=body))
        if not callback.verified:
            return QueryResult(True, QueryStatus.error, None, None, None, None, "unexpected answer")
        return QueryResult(
            True,
            QueryStatus.found,
            callback.outcome,
            callback.amount,
            callback.provider_txn_id,
            callback.provider_code,
            "",
        )
