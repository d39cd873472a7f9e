"""The national payment platform (reference/payment-gateways.md §4): its protocol is not public, so
the adapter interface, the configuration point and the fake adapter (wire format [U]) are tested."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import pytest

from app.services.payments.gateways.base import (
    Disposition,
    Gateway,
    PaymentOrder,
    PaymentOutcome,
    PaymentQuery,
    QueryStatus,
    RawCallback,
    Rejection,
)
from app.services.payments.gateways.national import (
    FakeNationalPlatform,
    NationalPlatformAdapter,
    NationalPlatformConfig,
    adapter_for,
)

SECRET = "national-secret-for-tests"
CONFIG = NationalPlatformConfig(
    endpoint="https://thanhtoan.example.gov.vn", partner_code="UBND-H01", secret_key=SECRET
)
NOW = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)


def envelope(fields: dict[str, object], secret: str = SECRET) -> bytes:
    """What the platform would send, per the fake's invented format, signed independently here."""
    data = base64.b64encode(json.dumps(fields).encode()).decode()
    mac = hmac.new(secret.encode(), data.encode(), hashlib.sha256).hexdigest()
    return json.dumps({"data": data, "signature": mac}).encode()


PAID = {
    "partnerCode": "UBND-H01",
    "orderRef": "A1B2C3",
    "amount": 14_000,
    "resultCode": "00",
    "transactionId": "T1",
}


def test_the_configuration_point_picks_the_adapter() -> None:
    adapter = adapter_for(CONFIG)
    assert isinstance(adapter, FakeNationalPlatform) and adapter.provider == "national"
    with pytest.raises(ValueError, match="no national payment adapter"):
        adapter_for(NationalPlatformConfig(adapter="paygov"))

    def province(config: NationalPlatformConfig) -> NationalPlatformAdapter:
        return FakeNationalPlatform(config)

    assert adapter_for(NationalPlatformConfig(adapter="paygov"), {"paygov": province})
    assert SECRET not in repr(CONFIG) and SECRET not in repr(adapter)


def test_the_fake_speaks_the_whole_interface() -> None:
    adapter: Gateway = adapter_for(CONFIG)
    order = PaymentOrder(
        "A1B2C3",
        14_000,
        "Thanh toán lệ phí",
        NOW,
        NOW + timedelta(minutes=15),
        "https://motcua.example.vn/return",
        "https://motcua.example.vn/national/callback",
        "203.0.113.7",
    )
    call = adapter.create("UBND-H01", order)
    assert call.url == "https://thanhtoan.example.gov.vn/payment" and call.json_body
    result = adapter.parse_callback(RawCallback(body=envelope(PAID)))
    assert result.verified and result.outcome is PaymentOutcome.succeeded
    assert (result.order_ref, result.amount, result.provider_txn_id) == ("A1B2C3", 14_000, "T1")
    created = adapter.parse_create_response("UBND-H01", b'{"code": "00", "payUrl": "https://p/x"}')
    assert created.ok and created.pay_url == "https://p/x"
    query = adapter.query("UBND-H01", PaymentQuery("A1B2C3", NOW, "Q1", NOW, "198.51.100.2"))
    assert query.url.endswith("/query")
    found = adapter.parse_query_response("UBND-H01", envelope(PAID))
    assert found.status is QueryStatus.found and found.outcome is PaymentOutcome.succeeded
    missing = {"partnerCode": "UBND-H01", "orderRef": "A1B2C3", "resultCode": "91"}
    assert (
        adapter.parse_query_response("UBND-H01", envelope(missing)).status
        is QueryStatus.no_such_order
    )
    forged = adapter.parse_query_response("UBND-H01", envelope(missing, "guess"))
    assert not forged.verified and forged.status is QueryStatus.error
    assert json.loads(adapter.callback_answer(Disposition.recorded).body)["code"] == "00"


@pytest.mark.parametrize("name", sorted(PAID))
def test_changing_any_signed_field_fails(name: str) -> None:
    body = json.loads(envelope(PAID))
    fields = json.loads(base64.b64decode(body["data"]))
    fields[name] = f"{fields[name]}9" if name != "amount" else 14_001
    body["data"] = base64.b64encode(json.dumps(fields).encode()).decode()
    result = adapter_for(CONFIG).parse_callback(RawCallback(body=json.dumps(body).encode()))
    assert not result.verified and result.outcome is None
    expected = Rejection.unknown_merchant if name == "partnerCode" else Rejection.bad_signature
    assert result.rejection is expected


def test_a_wrong_key_or_shape_is_refused() -> None:
    adapter = adapter_for(CONFIG)
    assert adapter.parse_callback(RawCallback(body=envelope(PAID, "guess"))).rejection is (
        Rejection.bad_signature
    )
    for body in (b"", b"[]", b'{"data": "%%%", "signature": "ab"}'):
        assert adapter.parse_callback(RawCallback(body=body)).rejection is Rejection.malformed
