"""MoMo (reference/payment-gateways.md §2): signatures over the exact raw strings, a negative test per
signed field, answers per protocol, and round trips with a fake MoMo over real HTTP.

MoMo's published IPN example cannot be reproduced (its partner's secret is not public, §2 [U]); the
vector here is the published example body signed with MoMo's public sandbox keys (partner ``MOMO``,
printed in MoMo's sample code) by the reference's §6 signer, pinned as hex."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from app.services.payments.gateways.base import (
    Disposition,
    PaymentOrder,
    PaymentOutcome,
    PaymentQuery,
    QueryStatus,
    RawCallback,
    Rejection,
)
from app.services.payments.gateways.momo import (
    CREATE_SIGNED,
    IPN_SIGNED,
    MomoGateway,
    MomoMerchant,
    raw_signature,
)
from tests.fakes.common import Kind, Truth
from tests.fakes.momo_fake import FakeMomo, Partner
from tests.fakes.signing import MOMO_CREATE_KEYS, MOMO_QUERY_KEYS, momo_ipn_sign, momo_sign
from tests.payments.receiver import Order, Receiver

ACCESS_KEY = "F8BBA842ECF85"
SECRET_KEY = "K951B6PE1waDMi640xX08PD3vg6EkVlz"
PARTNER = "MOMOT5BZ20231213_TEST"
IPN = {  # the notification page's example body (§2), without its signature
    "orderType": "momo_wallet",
    "amount": 1000,
    "partnerCode": PARTNER,
    "orderId": "Partner_Transaction_ID_1721720620078",
    "extraData": "eyJza3VzIjoiIn0=",
    "transId": 4088878653,
    "responseTime": 1721720663942,
    "resultCode": 0,
    "message": "Successful.",
    "payType": "qr",
    "requestId": "Request_ID_1721720620078",
    "orderInfo": "Thank you for your purchase at MoMo_test",
}
IPN_RAW = (
    "accessKey=F8BBA842ECF85&amount=1000&extraData=eyJza3VzIjoiIn0=&message=Successful."
    "&orderId=Partner_Transaction_ID_1721720620078&orderInfo=Thank you for your purchase at MoMo_test"
    "&orderType=momo_wallet&partnerCode=MOMOT5BZ20231213_TEST&payType=qr"
    "&requestId=Request_ID_1721720620078&responseTime=1721720663942&resultCode=0&transId=4088878653"
)
IPN_SIGNATURE = "a64d27ebbf51ba9e5d1483f0a99199f16b6b9d4eb1a2a6c9348e2174d5155d05"
NOW = datetime(2026, 11, 30, 3, 0, 5, tzinfo=UTC)


def gateway(**settings: str) -> MomoGateway:
    return MomoGateway(
        {
            PARTNER: MomoMerchant(PARTNER, ACCESS_KEY, SECRET_KEY, **settings),
            "TWIN": MomoMerchant("TWIN", ACCESS_KEY, SECRET_KEY, **settings),
        }
    )


def raw(body: dict[str, object]) -> RawCallback:
    return RawCallback(body=json.dumps(body, ensure_ascii=False).encode())


def signed(body: dict[str, object], secret: str = SECRET_KEY) -> dict[str, object]:
    return {**body, "signature": momo_ipn_sign(body, ACCESS_KEY, secret)}


def order(ref: str = "A1B2C3", amount: int = 14_000) -> PaymentOrder:
    return PaymentOrder(
        order_ref=ref,
        amount=amount,
        description="Thanh toán lệ phí hồ sơ 000.00.01.H01-261130-0001",
        created_at=NOW,
        expires_at=NOW + timedelta(minutes=15),
        return_url="https://motcua.example.vn/api/v1/payments/momo/return",
        notify_url="https://motcua.example.vn/api/v1/payments/momo/ipn",
        client_ip="203.0.113.7",
    )


def test_the_ipn_raw_signature_is_in_momo_order_and_the_vector_reproduces() -> None:
    assert raw_signature(IPN, IPN_SIGNED, ACCESS_KEY) == IPN_RAW
    assert momo_ipn_sign(IPN, ACCESS_KEY, SECRET_KEY) == IPN_SIGNATURE
    result = gateway().parse_callback(raw({**IPN, "signature": IPN_SIGNATURE}))
    assert result.verified
    assert result.merchant == PARTNER
    assert result.order_ref == "Partner_Transaction_ID_1721720620078"
    assert result.amount == 1000  # not x 100
    assert result.provider_txn_id == "4088878653"
    assert result.outcome is PaymentOutcome.succeeded and result.provider_code == "0"


@pytest.mark.parametrize("name", [key for key in IPN_SIGNED if key != "accessKey"])
def test_changing_any_signed_ipn_field_fails(name: str) -> None:
    value = IPN[name]
    changed: object = value + 1 if isinstance(value, int) else f"{value}x"
    if name == "partnerCode":
        changed = "TWIN"  # a partner we know, with the same keys
    result = gateway().parse_callback(raw({**IPN, name: changed, "signature": IPN_SIGNATURE}))
    assert result.rejection is Rejection.bad_signature and result.outcome is None


@pytest.mark.parametrize("name", [key for key in IPN_SIGNED if key != "accessKey"])
def test_dropping_any_signed_ipn_field_fails(name: str) -> None:
    body = {key: value for key, value in IPN.items() if key != name}
    result = gateway().parse_callback(raw({**body, "signature": IPN_SIGNATURE}))
    assert result.rejection in (Rejection.bad_signature, Rejection.malformed)
    assert not result.verified


def test_the_access_key_is_signed_though_never_sent() -> None:
    other = MomoGateway({PARTNER: MomoMerchant(PARTNER, "ANOTHERACCESS", SECRET_KEY)})
    result = other.parse_callback(raw({**IPN, "signature": IPN_SIGNATURE}))
    assert result.rejection is Rejection.bad_signature


@pytest.mark.parametrize("signature", ["", "0" * 64, IPN_SIGNATURE[:-2], 42, None])
def test_a_wrong_or_absent_signature_is_refused(signature: object) -> None:
    result = gateway().parse_callback(raw({**IPN, "signature": signature}))
    assert result.rejection is Rejection.bad_signature
    assert result.disposition_if_rejected is Disposition.bad_signature


def test_the_partner_code_chooses_the_keys() -> None:
    unknown = {**IPN, "partnerCode": "NOBODY"}
    result = gateway().parse_callback(raw(signed(unknown)))
    assert result.rejection is Rejection.unknown_merchant and result.merchant == "NOBODY"


@pytest.mark.parametrize("body", [b"", b"not json", b"[]", b'{"amount": 1}', b'{"partnerCode": 7}'])
def test_not_an_ipn_is_malformed(body: bytes) -> None:
    result = gateway().parse_callback(RawCallback(body=body))
    assert result.rejection is Rejection.malformed
    assert result.disposition_if_rejected is Disposition.malformed


def test_a_signed_ipn_with_a_textual_amount_is_malformed() -> None:
    result = gateway().parse_callback(raw(signed({**IPN, "amount": "1000"})))
    assert result.rejection is Rejection.malformed


@pytest.mark.parametrize(
    ("code", "outcome"),
    [
        (0, PaymentOutcome.succeeded),
        (9000, PaymentOutcome.succeeded),
        (1000, PaymentOutcome.pending),
        (1006, PaymentOutcome.cancelled),
        (1001, PaymentOutcome.failed),
        (99, PaymentOutcome.failed),
    ],
)
def test_ipn_outcomes(code: int, outcome: PaymentOutcome) -> None:
    assert gateway().parse_callback(raw(signed({**IPN, "resultCode": code}))).outcome is outcome


@pytest.mark.parametrize(
    ("disposition", "status"),
    [
        (Disposition.recorded, 204),
        (Disposition.duplicate, 204),
        (Disposition.unknown_order, 404),
        (Disposition.wrong_amount, 422),
        (Disposition.bad_signature, 401),
        (Disposition.malformed, 400),
        (Disposition.error, 500),
    ],
)
def test_ipn_answers(disposition: Disposition, status: int) -> None:
    answer = gateway().callback_answer(disposition)
    assert (answer.status_code, answer.body, answer.media_type) == (status, b"", None)


def test_the_create_request_is_signed_over_momo_create_fields() -> None:
    call = gateway().create(PARTNER, order())
    assert call.method == "POST" and not call.is_redirect
    assert call.url == "https://test-payment.momo.vn/v2/gateway/api/create"
    body = dict(call.json_body or {})
    assert "accessKey" not in body and body["amount"] == 14_000
    assert raw_signature(body, CREATE_SIGNED, ACCESS_KEY) == (
        "accessKey=F8BBA842ECF85&amount=14000&extraData="
        "&ipnUrl=https://motcua.example.vn/api/v1/payments/momo/ipn&orderId=A1B2C3"
        "&orderInfo=Thanh toán lệ phí hồ sơ 000.00.01.H01-261130-0001&partnerCode=MOMOT5BZ20231213_TEST"
        "&redirectUrl=https://motcua.example.vn/api/v1/payments/momo/return&requestId=A1B2C3"
        "&requestType=captureWallet"
    )
    assert body["signature"] == momo_sign(body, MOMO_CREATE_KEYS, ACCESS_KEY, SECRET_KEY)
    for name in CREATE_SIGNED[1:]:  # every field the create call signs
        changed = {**body, name: f"{body[name]}x"}
        assert momo_sign(changed, MOMO_CREATE_KEYS, ACCESS_KEY, SECRET_KEY) != body["signature"]


def test_the_create_request_refuses_what_momo_would_refuse() -> None:
    with pytest.raises(ValueError, match="1,000"):
        gateway().create(PARTNER, order(amount=999))
    with pytest.raises(ValueError, match="partner"):
        gateway().create("NOBODY", order())


def test_secrets_never_show() -> None:
    text = repr(gateway()) + repr(gateway().create(PARTNER, order()))
    assert SECRET_KEY not in text and ACCESS_KEY not in text


def test_the_query_is_signed_and_its_answers_read() -> None:
    query = PaymentQuery("A1B2C3", NOW, "Q1", NOW, "198.51.100.2")
    call = gateway().query(PARTNER, query)
    body = dict(call.json_body or {})
    assert call.url.endswith("/v2/gateway/api/query")
    assert body["signature"] == momo_sign(body, MOMO_QUERY_KEYS, ACCESS_KEY, SECRET_KEY)
    for name in ("orderId", "partnerCode", "requestId"):
        changed = {**body, name: f"{body[name]}x"}
        assert momo_sign(changed, MOMO_QUERY_KEYS, ACCESS_KEY, SECRET_KEY) != body["signature"]

    def read(**answer: object) -> tuple[bool, QueryStatus, PaymentOutcome | None]:
        result = gateway().parse_query_response(
            PARTNER, json.dumps({"partnerCode": PARTNER, "amount": 14_000, **answer}).encode()
        )
        return result.verified, result.status, result.outcome

    assert read(resultCode=0, transId=1) == (True, QueryStatus.found, PaymentOutcome.succeeded)
    assert read(resultCode=1000) == (True, QueryStatus.found, PaymentOutcome.pending)
    assert read(resultCode=1005) == (True, QueryStatus.found, PaymentOutcome.failed)
    assert read(resultCode=42) == (True, QueryStatus.no_such_order, None)
    assert read(resultCode=99) == (True, QueryStatus.error, None)
    assert read(resultCode=0, partnerCode="TWIN") == (False, QueryStatus.error, None)


# -- over real HTTP against the fake MoMo -----------------------------------------------------

CODE = "MOTCUA"
FAKE_ACCESS, FAKE_SECRET = "fake-access", "fake-momo-secret-for-tests"


def test_the_fake_accepts_our_create_call_and_refuses_a_tampered_one() -> None:
    with FakeMomo({CODE: Partner(FAKE_ACCESS, FAKE_SECRET)}).running() as fake:
        ours = MomoGateway(
            {CODE: MomoMerchant(CODE, FAKE_ACCESS, FAKE_SECRET, endpoint=fake.base_url)}
        )
        call = ours.create(CODE, order())
        response = httpx.post(call.url, json=call.json_body, timeout=10)
        created = ours.parse_create_response(CODE, response.content)
        assert created.ok and created.pay_url and created.pay_url.startswith(fake.base_url)
        assert fake.ledger.orders["A1B2C3"].amount == 14_000
        tampered = {**(call.json_body or {}), "amount": 1_000}
        refused = httpx.post(call.url, json=tampered, timeout=10)
        assert not ours.parse_create_response(CODE, refused.content).ok
        assert fake.ledger.rejected == ["invalid signature"]


def test_the_fake_ipns_are_answered_as_momo_expects() -> None:
    ours = MomoGateway({CODE: MomoMerchant(CODE, FAKE_ACCESS, FAKE_SECRET)})
    receiver = Receiver(
        ours, {"PAID1": Order(14_000), "FAIL1": Order(50_000), "GONE1": Order(9_000)}
    )
    with (
        FakeMomo({CODE: Partner(FAKE_ACCESS, FAKE_SECRET)}).running() as fake,
        receiver.running() as url,
    ):

        def send(ref: str, kind: Kind, amount: int) -> int:
            response = fake.send_ipn(url, ref, kind, amount=amount)
            assert response.content == b""
            return response.status_code

        assert send("PAID1", Kind.bad_signature, 14_000) == 401
        assert send("PAID1", Kind.wrong_amount, 14_000) == 422
        assert send("PAID1", Kind.success, 14_000) == 204
        assert send("PAID1", Kind.success, 14_000) == 204  # duplicate
        assert send("PAID1", Kind.failure, 14_000) == 204  # a late failure changes nothing
        assert send("FAIL1", Kind.failure, 50_000) == 204
        assert send("GONE1", Kind.cancel, 9_000) == 204
        assert send("NOSUCH", Kind.success, 1_000) == 404
        assert httpx.post(url, content=b"{}", timeout=10).status_code == 400
    assert receiver.orders["PAID1"].outcome is PaymentOutcome.succeeded
    assert receiver.orders["PAID1"].applied == 1
    assert receiver.orders["FAIL1"].outcome is PaymentOutcome.failed
    assert receiver.orders["GONE1"].outcome is PaymentOutcome.cancelled


def test_the_query_against_the_fake() -> None:
    with FakeMomo({CODE: Partner(FAKE_ACCESS, FAKE_SECRET)}).running() as fake:
        ours = MomoGateway(
            {CODE: MomoMerchant(CODE, FAKE_ACCESS, FAKE_SECRET, endpoint=fake.base_url)}
        )
        call = ours.create(CODE, order())
        assert ours.parse_create_response(
            CODE, httpx.post(call.url, json=call.json_body, timeout=10).content
        ).ok

        def ask(ref: str = "A1B2C3") -> tuple[QueryStatus, PaymentOutcome | None]:
            query = ours.query(CODE, PaymentQuery(ref, NOW, f"Q{ref}", NOW, "198.51.100.2"))
            result = ours.parse_query_response(
                CODE, httpx.post(query.url, json=query.json_body, timeout=10).content
            )
            assert result.verified
            return result.status, result.outcome

        assert ask() == (QueryStatus.found, PaymentOutcome.pending)
        fake.ledger.truth["A1B2C3"] = Truth.paid
        assert ask() == (QueryStatus.found, PaymentOutcome.succeeded)
        fake.ledger.truth["A1B2C3"] = Truth.failed
        assert ask() == (QueryStatus.found, PaymentOutcome.failed)
        assert ask("NEVERSEEN") == (QueryStatus.no_such_order, None)
        assert fake.ledger.rejected == []
