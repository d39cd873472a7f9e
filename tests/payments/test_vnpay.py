"""VNPay 2.1.0 (reference/payment-gateways.md §1): the reference's vector reproduces exactly, every
signed field is covered by a negative test, and the module speaks to a fake VNPay over real HTTP."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit

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
from app.services.payments.gateways.vnpay import (
    VnpayGateway,
    VnpayMerchant,
    hash_data,
    plain_order_info,
    secure_hash,
)
from tests.fakes.common import Kind, Truth
from tests.fakes.signing import (
    VNPAY_QUERYDR_REQUEST,
    VNPAY_QUERYDR_RESPONSE,
    vnpay_pipe_sign,
    vnpay_sign,
)
from tests.fakes.vnpay_fake import FakeVnpay
from tests.payments.receiver import Order, Receiver

# reference §1.5, from lehuygiang28/vnpay:test/verify-ipn-call.test.ts
SECRET = "test_secret"
VECTOR = {
    "vnp_Amount": "1000000",
    "vnp_BankCode": "NCB",
    "vnp_BankTranNo": "VNP14422574",
    "vnp_CardType": "ATM",
    "vnp_OrderInfo": "Thanh toan don hang 2024-05-21T02:17:31.249Z",
    "vnp_PayDate": "20240521091806",
    "vnp_ResponseCode": "00",
    "vnp_TmnCode": "TEST_TMN_CODE",
    "vnp_TransactionNo": "14422574",
    "vnp_TransactionStatus": "00",
    "vnp_TxnRef": "1716257871703",
}
VECTOR_HASH_DATA = (
    "vnp_Amount=1000000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14422574&vnp_CardType=ATM"
    "&vnp_OrderInfo=Thanh+toan+don+hang+2024-05-21T02%3A17%3A31.249Z&vnp_PayDate=20240521091806"
    "&vnp_ResponseCode=00&vnp_TmnCode=TEST_TMN_CODE&vnp_TransactionNo=14422574"
    "&vnp_TransactionStatus=00&vnp_TxnRef=1716257871703"
)
VECTOR_HASH = (
    "649982421beb422556a1374713c74e58e716ecbd05007c0c0e1f7effdfaf361d"
    "bf146889ca446139afe11b9954c4d5c486e99e3b86fcfab6957f29eb0be72895"
)
OTHER_SECRET = "another_terminal_secret"
NOW = datetime(2026, 11, 30, 3, 0, 5, tzinfo=UTC)  # 10:00:05 in Hà Nội


def gateway(**endpoints: str) -> VnpayGateway:
    return VnpayGateway(
        {
            "TEST_TMN_CODE": VnpayMerchant("TEST_TMN_CODE", SECRET, **endpoints),
            # a second terminal with the same secret: naming it must still break the signature
            "TWIN_TMN": VnpayMerchant("TWIN_TMN", SECRET, **endpoints),
            "OTHER01": VnpayMerchant("OTHER01", OTHER_SECRET, **endpoints),
        }
    )


def ipn(params: dict[str, str], signature: str, **extra: str) -> RawCallback:
    return RawCallback(
        query=urlencode(sorted({**params, **extra}.items())) + f"&vnp_SecureHash={signature}"
    )


def order(ref: str = "A1B2C3", amount: int = 14_000, **changes: object) -> PaymentOrder:
    values: dict[str, object] = {
        "order_ref": ref,
        "amount": amount,
        "description": "Thanh toán lệ phí hồ sơ 000.00.01.H01-261130-0001 (bản sao)",
        "created_at": NOW,
        "expires_at": NOW + timedelta(minutes=15),
        "return_url": "https://motcua.example.vn/api/v1/payments/vnpay/return",
        "notify_url": "https://motcua.example.vn/api/v1/payments/vnpay/ipn",
        "client_ip": "203.0.113.7",
    }
    values.update(changes)
    return PaymentOrder(**values)  # type: ignore[arg-type]


# -- the reference vector ----------------------------------------------------------------------


def test_the_reference_vector_reproduces_exactly() -> None:
    assert hash_data(VECTOR) == VECTOR_HASH_DATA
    assert secure_hash(VECTOR, SECRET) == VECTOR_HASH
    assert vnpay_sign(VECTOR, SECRET) == VECTOR_HASH  # the fakes' signer agrees
    other = secure_hash({**VECTOR, "vnp_ResponseCode": "99"}, SECRET)
    assert other.startswith("503194f6") and other.endswith("5c13e1b")


def test_the_vector_as_an_ipn_verifies() -> None:
    result = gateway().parse_callback(ipn(VECTOR, VECTOR_HASH))
    assert result.verified and result.rejection is None
    assert result.merchant == "TEST_TMN_CODE"
    assert result.order_ref == "1716257871703"
    assert result.amount == 10_000  # vnp_Amount is đồng x 100
    assert result.provider_txn_id == "14422574"
    assert result.outcome is PaymentOutcome.succeeded
    assert result.provider_code == "00"


def test_unencoded_or_percent_twenty_hash_data_does_not_match() -> None:
    unencoded = "&".join(f"{k}={v}" for k, v in sorted(VECTOR.items()))
    assert unencoded != hash_data(VECTOR)
    assert "%20" not in hash_data(VECTOR) and "+" in hash_data(VECTOR)


# -- every signed field -----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(VECTOR))
def test_changing_any_signed_field_fails_the_signature(name: str) -> None:
    changed = VECTOR[name] + "1" if name != "vnp_TmnCode" else "TWIN_TMN"
    result = gateway().parse_callback(ipn({**VECTOR, name: changed}, VECTOR_HASH))
    assert not result.verified
    assert result.rejection is Rejection.bad_signature
    assert result.outcome is None and result.order_ref is None


@pytest.mark.parametrize("name", sorted(VECTOR))
def test_dropping_any_signed_field_fails_the_signature(name: str) -> None:
    params = {k: v for k, v in VECTOR.items() if k != name}
    result = gateway().parse_callback(ipn(params, VECTOR_HASH))
    assert not result.verified
    # without its terminal code the request is no VNPay callback at all (answered 99)
    expected = Rejection.malformed if name == "vnp_TmnCode" else Rejection.bad_signature
    assert result.rejection is expected


def test_an_added_vnp_parameter_fails_the_signature() -> None:
    result = gateway().parse_callback(ipn(VECTOR, VECTOR_HASH, vnp_Extra="1"))
    assert result.rejection is Rejection.bad_signature


def test_secure_hash_type_is_not_hashed() -> None:
    result = gateway().parse_callback(ipn(VECTOR, VECTOR_HASH, vnp_SecureHashType="HmacSHA512"))
    assert result.verified


def test_the_hash_compares_without_case() -> None:
    assert gateway().parse_callback(ipn(VECTOR, VECTOR_HASH.upper())).verified


@pytest.mark.parametrize(
    "signature",
    [
        "",
        VECTOR_HASH[:-1],
        "0" * 128,
        secure_hash(VECTOR, OTHER_SECRET),
        "zz" + VECTOR_HASH[2:],
        "é" * 64,
    ],
)
def test_a_wrong_or_absent_hash_is_refused(signature: str) -> None:
    result = gateway().parse_callback(ipn(VECTOR, signature))
    assert result.rejection is Rejection.bad_signature
    assert result.disposition_if_rejected is Disposition.bad_signature


def test_the_terminal_code_chooses_the_secret() -> None:
    theirs = {**VECTOR, "vnp_TmnCode": "OTHER01"}
    assert gateway().parse_callback(ipn(theirs, secure_hash(theirs, OTHER_SECRET))).verified
    assert not gateway().parse_callback(ipn(theirs, secure_hash(theirs, SECRET))).verified
    unknown = {**VECTOR, "vnp_TmnCode": "NOBODY"}
    result = gateway().parse_callback(ipn(unknown, secure_hash(unknown, SECRET)))
    assert result.rejection is Rejection.unknown_merchant and result.merchant == "NOBODY"
    assert result.disposition_if_rejected is Disposition.bad_signature  # answered 97 (§1.9)


@pytest.mark.parametrize(
    "query",
    ["", "vnp_Amount=1&vnp_Amount=2", "a=1&&b", "=x"],
)
def test_an_empty_or_broken_query_is_malformed(query: str) -> None:
    result = gateway().parse_callback(RawCallback(query=query))
    assert result.rejection is Rejection.malformed
    assert result.disposition_if_rejected is Disposition.malformed


def test_an_empty_value_verifies_under_either_demo_convention() -> None:
    params = {**VECTOR, "vnp_BankTranNo": ""}
    dropped = vnpay_sign(params, SECRET)  # the reference's signer (and Java demo) drops it
    kept = secure_hash(params, SECRET, keep_empty=True)  # the PHP and Python demos sign "key="
    assert dropped != kept
    assert gateway().parse_callback(ipn(params, dropped)).verified
    assert gateway().parse_callback(ipn(params, kept)).verified
    assert not gateway().parse_callback(ipn(params, secure_hash(params, OTHER_SECRET))).verified


def test_an_amount_that_is_no_whole_number_of_dong_matches_no_payment() -> None:
    params = {**VECTOR, "vnp_Amount": "1000050"}
    result = gateway().parse_callback(ipn(params, secure_hash(params, SECRET)))
    assert result.verified and result.amount is None


def test_signed_but_incomplete_is_malformed() -> None:
    params = {k: v for k, v in VECTOR.items() if k != "vnp_ResponseCode"}
    result = gateway().parse_callback(ipn(params, secure_hash(params, SECRET)))
    assert result.rejection is Rejection.malformed


@pytest.mark.parametrize(
    ("response_code", "status", "outcome"),
    [
        ("00", "00", PaymentOutcome.succeeded),
        ("00", "02", PaymentOutcome.failed),  # both must say 00
        ("24", "02", PaymentOutcome.cancelled),
        ("51", "02", PaymentOutcome.failed),
        ("11", "02", PaymentOutcome.failed),
        ("99", "01", PaymentOutcome.pending),
    ],
)
def test_outcomes(response_code: str, status: str, outcome: PaymentOutcome) -> None:
    params = {**VECTOR, "vnp_ResponseCode": response_code, "vnp_TransactionStatus": status}
    assert gateway().parse_callback(ipn(params, secure_hash(params, SECRET))).outcome is outcome


@pytest.mark.parametrize(
    ("disposition", "code"),
    [
        (Disposition.recorded, "00"),
        (Disposition.unknown_order, "01"),
        (Disposition.duplicate, "02"),
        (Disposition.wrong_amount, "04"),
        (Disposition.bad_signature, "97"),
        (Disposition.malformed, "99"),
        (Disposition.error, "99"),
    ],
)
def test_ipn_answers(disposition: Disposition, code: str) -> None:
    answer = gateway().callback_answer(disposition)
    assert answer.status_code == 200 and answer.media_type == "application/json"
    body = json.loads(answer.body)
    assert body["RspCode"] == code and body["Message"]


# -- the payment URL --------------------------------------------------------------------------


def test_the_payment_url_is_signed_as_vnpay_checks_it() -> None:
    request = gateway().create("TEST_TMN_CODE", order())
    assert request.is_redirect
    url = urlsplit(request.url)
    assert f"{url.scheme}://{url.netloc}{url.path}" == VnpayMerchant("x", "y").pay_url
    pairs = parse_qsl(url.query, keep_blank_values=True)
    params = dict(pairs)
    assert len(params) == len(pairs)
    assert params.pop("vnp_SecureHash") == vnpay_sign(params, SECRET)  # the reference's signer
    assert url.query.endswith("&vnp_SecureHash=" + vnpay_sign(params, SECRET))
    assert params == {
        "vnp_Version": "2.1.0",
        "vnp_Command": "pay",
        "vnp_TmnCode": "TEST_TMN_CODE",
        "vnp_Amount": "1400000",
        "vnp_CreateDate": "20261130100005",
        "vnp_CurrCode": "VND",
        "vnp_IpAddr": "203.0.113.7",
        "vnp_Locale": "vn",
        "vnp_OrderInfo": "Thanh toan le phi ho so 000.00.01.H01-261130-0001 ban sao",
        "vnp_OrderType": "other",
        "vnp_ReturnUrl": "https://motcua.example.vn/api/v1/payments/vnpay/return",
        "vnp_ExpireDate": "20261130101505",
        "vnp_TxnRef": "A1B2C3",
    }
    assert "vnp_SecureHashType" not in url.query


def test_diacritics_and_special_characters_never_reach_the_url() -> None:
    assert plain_order_info("Lệ phí ĐĂNG KÝ hộ kinh doanh") == "Le phi DANG KY ho kinh doanh"
    assert plain_order_info("a~b*c!d'e(f)g  h") == "a b c d e f g h"
    url = gateway().create("TEST_TMN_CODE", order(description="Phí chứng thực (2 bản)!")).url
    assert "vnp_OrderInfo=Phi+chung+thuc+2+ban&" in url
    assert "%C3" not in url and "%7E" not in url and "%28" not in url
    with pytest.raises(ValueError, match="no characters"):
        gateway().create("TEST_TMN_CODE", order(description="!!! ~~~"))


def test_the_payment_url_refuses_what_vnpay_would_refuse() -> None:
    with pytest.raises(ValueError, match="terminal"):
        gateway().create("NOBODY", order())
    with pytest.raises(ValueError, match="vnp_Amount"):
        gateway().create("TEST_TMN_CODE", order(amount=10**10))
    with pytest.raises(ValueError, match="empty"):
        gateway().create("TEST_TMN_CODE", order(client_ip=""))
    with pytest.raises(ValueError, match="reference"):
        order(ref="A-1")
    with pytest.raises(ValueError, match="amount"):
        order(amount=0)


def test_secrets_never_show() -> None:
    text = repr(gateway())
    assert SECRET not in text and OTHER_SECRET not in text
    assert SECRET not in repr(gateway().create("TEST_TMN_CODE", order()))


# -- querydr ----------------------------------------------------------------------------------


def query() -> PaymentQuery:
    return PaymentQuery(
        order_ref="A1B2C3",
        order_created_at=NOW,
        request_id="Q20261130100500",
        requested_at=NOW + timedelta(hours=1),
        server_ip="198.51.100.2",
    )


def test_querydr_is_signed_over_its_fields_in_order() -> None:
    call = gateway().query("TEST_TMN_CODE", query())
    assert call.method == "POST" and call.json_body is not None
    body = dict(call.json_body)
    assert body["vnp_Command"] == "querydr"
    assert body["vnp_TransactionDate"] == "20261130100005"
    assert body["vnp_CreateDate"] == "20261130110005"
    assert body["vnp_SecureHash"] == vnpay_pipe_sign(body, VNPAY_QUERYDR_REQUEST, SECRET)


QUERY_ANSWER = {
    "vnp_ResponseId": "R1",
    "vnp_Command": "querydr",
    "vnp_ResponseCode": "00",
    "vnp_Message": "Query success",
    "vnp_TmnCode": "TEST_TMN_CODE",
    "vnp_TxnRef": "A1B2C3",
    "vnp_Amount": "1400000",
    "vnp_BankCode": "NCB",
    "vnp_PayDate": "20261130100800",
    "vnp_TransactionNo": "14422600",
    "vnp_TransactionType": "01",
    "vnp_TransactionStatus": "00",
    "vnp_OrderInfo": "Thanh toan",
    "vnp_PromotionCode": "",
    "vnp_PromotionAmount": "",
}


def signed_answer(answer: dict[str, str], secret: str = SECRET) -> bytes:
    hashed = vnpay_pipe_sign(answer, VNPAY_QUERYDR_RESPONSE, secret)
    return json.dumps({**answer, "vnp_SecureHash": hashed}).encode()


def test_a_querydr_answer_is_believed_only_signed() -> None:
    result = gateway().parse_query_response("TEST_TMN_CODE", signed_answer(QUERY_ANSWER))
    assert result.verified and result.status is QueryStatus.found
    assert result.outcome is PaymentOutcome.succeeded
    assert result.amount == 14_000 and result.provider_txn_id == "14422600"
    forged = gateway().parse_query_response(
        "TEST_TMN_CODE", signed_answer(QUERY_ANSWER, OTHER_SECRET)
    )
    assert not forged.verified and forged.outcome is None


@pytest.mark.parametrize("name", VNPAY_QUERYDR_RESPONSE)
def test_changing_any_signed_field_of_a_querydr_answer_fails(name: str) -> None:
    body = json.loads(signed_answer(QUERY_ANSWER))
    body[name] = body[name] + "9"
    result = gateway().parse_query_response("TEST_TMN_CODE", json.dumps(body).encode())
    assert not result.verified and result.status is QueryStatus.error


@pytest.mark.parametrize(
    ("changes", "status", "outcome"),
    [
        ({"vnp_TransactionStatus": "01"}, QueryStatus.found, PaymentOutcome.pending),
        ({"vnp_TransactionStatus": "02"}, QueryStatus.found, PaymentOutcome.failed),
        ({"vnp_ResponseCode": "91"}, QueryStatus.no_such_order, None),
        ({"vnp_ResponseCode": "94"}, QueryStatus.error, None),
        ({"vnp_ResponseCode": "97"}, QueryStatus.error, None),
    ],
)
def test_querydr_outcomes(
    changes: dict[str, str], status: QueryStatus, outcome: PaymentOutcome | None
) -> None:
    result = gateway().parse_query_response(
        "TEST_TMN_CODE", signed_answer({**QUERY_ANSWER, **changes})
    )
    assert result.verified and result.status is status and result.outcome is outcome


# -- over real HTTP against the fake VNPay ----------------------------------------------------


TMN = "MOTCUA01"
FAKE_SECRET = "fake-vnpay-secret-for-tests"


def test_the_fake_accepts_our_url_and_refuses_a_tampered_one() -> None:
    with FakeVnpay({TMN: FAKE_SECRET}).running() as fake:
        ours = VnpayGateway({TMN: VnpayMerchant(TMN, FAKE_SECRET, pay_url=fake.pay_url)})
        url = ours.create(TMN, order()).url
        page = httpx.get(url, timeout=10)
        assert page.status_code == 200 and "Thanh toán" in page.text
        assert fake.ledger.orders["A1B2C3"].amount == 14_000
        tampered = httpx.get(url.replace("vnp_Amount=1400000", "vnp_Amount=100"), timeout=10)
        assert tampered.status_code == 400 and tampered.text == "invalid signature"
        wrong_key = VnpayGateway({TMN: VnpayMerchant(TMN, "not-the-secret", pay_url=fake.pay_url)})
        assert httpx.get(wrong_key.create(TMN, order()).url, timeout=10).status_code == 400


def test_the_fake_ipns_are_answered_as_vnpay_expects() -> None:
    ours = VnpayGateway({TMN: VnpayMerchant(TMN, FAKE_SECRET)})
    receiver = Receiver(
        ours, {"PAID1": Order(14_000), "FAIL1": Order(50_000), "GONE1": Order(9_000)}
    )
    with FakeVnpay({TMN: FAKE_SECRET}).running() as fake, receiver.running() as url:

        def send(ref: str, kind: Kind, **order: object) -> str:
            response = fake.send_ipn(url, ref, kind, **order)  # type: ignore[arg-type]
            assert response.status_code == 200
            return str(response.json()["RspCode"])

        assert send("PAID1", Kind.bad_signature, amount=14_000) == "97"
        assert send("PAID1", Kind.wrong_amount, amount=14_000) == "04"
        assert send("PAID1", Kind.success, amount=14_000) == "00"
        assert send("PAID1", Kind.success, amount=14_000) == "02"  # duplicate
        assert send("PAID1", Kind.failure, amount=14_000) == "02"  # a late failure
        assert send("FAIL1", Kind.failure, amount=50_000) == "00"
        assert send("GONE1", Kind.cancel, amount=9_000) == "00"
        assert send("NOSUCH", Kind.success, amount=1_000) == "01"
        assert httpx.get(url, timeout=10).json()["RspCode"] == "99"  # empty query
    assert receiver.orders["PAID1"].outcome is PaymentOutcome.succeeded
    assert receiver.orders["PAID1"].applied == 1
    assert receiver.orders["FAIL1"].outcome is PaymentOutcome.failed
    assert receiver.orders["GONE1"].outcome is PaymentOutcome.cancelled
    forged = [result for result, _ in receiver.seen if not result.verified]
    assert len(forged) == 2 and all(result.outcome is None for result in forged)


def test_querydr_against_the_fake() -> None:
    with FakeVnpay({TMN: FAKE_SECRET}).running() as fake:
        ours = VnpayGateway(
            {TMN: VnpayMerchant(TMN, FAKE_SECRET, pay_url=fake.pay_url, api_url=fake.api_url)}
        )
        assert httpx.get(ours.create(TMN, order()).url, timeout=10).status_code == 200

        def ask(ref: str = "A1B2C3") -> tuple[QueryStatus, PaymentOutcome | None, int | None]:
            call = ours.query(TMN, PaymentQuery(ref, NOW, f"Q{ref}", NOW, "198.51.100.2"))
            response = httpx.post(call.url, json=call.json_body, timeout=10)
            result = ours.parse_query_response(TMN, response.content)
            assert result.verified
            return result.status, result.outcome, result.amount

        assert ask() == (QueryStatus.found, PaymentOutcome.pending, 14_000)
        fake.ledger.truth["A1B2C3"] = Truth.paid
        assert ask() == (QueryStatus.found, PaymentOutcome.succeeded, 14_000)
        fake.ledger.truth["A1B2C3"] = Truth.failed
        assert ask() == (QueryStatus.found, PaymentOutcome.failed, 14_000)
        assert ask("NEVERSEEN") == (QueryStatus.no_such_order, None, None)
        assert fake.ledger.rejected == []
