"""ZaloPay (reference/payment-gateways.md §3): the documentation's callback sample verifies with the
public sandbox key2 (not key1), a negative test per signed field, answers per protocol, and round
trips with a fake ZaloPay over real HTTP (which sends no callback for failures: the query tells)."""

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
from app.services.payments.gateways.zalopay import (
    ZalopayGateway,
    ZalopayMerchant,
    app_trans_id,
    order_ref_of,
)
from tests.fakes.common import Kind, Truth
from tests.fakes.signing import zalopay_create_mac, zalopay_mac, zalopay_query_mac
from tests.fakes.zalopay_fake import App, FakeZalopay
from tests.payments.receiver import Order, Receiver

# ZaloPay's public sandbox app 2553 (its sample code); the callback sample of the docs (§3)
KEY1 = "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL"
KEY2 = "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz"
DATA = (
    '{"app_id":2553,"app_trans_id":"200904_2553_1598435687208","app_time":1599189392817,'
    '"app_user":"demo","amount":10000,'
    '"embed_data":"{\\"merchantinfo\\":\\"embeddata123\\",\\"promotioninfo\\":\\"\\"}",'
    '"item":"[{\\"itemid\\":\\"knb\\",\\"itemname\\":\\"kim nguyen bao\\",\\"itemprice\\":198400,'
    '\\"itemquantity\\":1}]","zp_trans_id":200904000000389,"server_time":1599189413498,'
    '"channel":38,"merchant_user_id":"7ZMSl3nEg5sOUJzOLSoUFT8xKNQVaLOLXHB--8Eytqc",'
    '"user_fee_amount":0,"discount_amount":0}'
)
MAC = "d8d33baf449b31d7f9b94fa50d7c942c08cd4d83f28fa185557da21acb104f67"
NOW = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)  # already 1 December in Hà Nội


def gateway(**settings: str) -> ZalopayGateway:
    return ZalopayGateway(
        {
            "2553": ZalopayMerchant("2553", KEY1, KEY2, **settings),
            "2554": ZalopayMerchant("2554", KEY1, KEY2, **settings),  # same keys, another app
        }
    )


def callback(data: str, mac: str, **envelope: object) -> RawCallback:
    return RawCallback(body=json.dumps({"data": data, "mac": mac, "type": 1, **envelope}).encode())


def order(ref: str = "A1B2C3", amount: int = 14_000) -> PaymentOrder:
    return PaymentOrder(
        order_ref=ref,
        amount=amount,
        description="Thanh toán lệ phí hồ sơ 000.00.01.H01-261130-0001",
        created_at=NOW,
        expires_at=NOW + timedelta(minutes=15),
        return_url="https://motcua.example.vn/api/v1/payments/zalopay/return",
        notify_url="https://motcua.example.vn/api/v1/payments/zalopay/callback",
        client_ip="203.0.113.7",
    )


def test_the_documented_callback_verifies_with_key2_only() -> None:
    assert zalopay_mac(DATA, KEY2) == MAC
    assert zalopay_mac(DATA, KEY1) != MAC
    result = gateway().parse_callback(callback(DATA, MAC))
    assert result.verified and result.merchant == "2553"
    assert result.order_ref == "2553_1598435687208"  # after the yymmdd_ prefix
    assert result.amount == 10_000
    assert result.provider_txn_id == "200904000000389"
    assert result.outcome is PaymentOutcome.succeeded
    keyed_with_key1 = ZalopayGateway({"2553": ZalopayMerchant("2553", KEY2, KEY1)})
    assert keyed_with_key1.parse_callback(callback(DATA, MAC)).rejection is Rejection.bad_signature


FIELDS = json.loads(DATA)


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_changing_any_signed_field_fails(name: str) -> None:
    value = FIELDS[name]
    changed = value + 1 if isinstance(value, int) else value + "x"
    if name == "app_id":
        changed = 2554  # an app we know, with the same keys
    data = json.dumps({**FIELDS, name: changed}, separators=(",", ":"), ensure_ascii=False)
    result = gateway().parse_callback(callback(data, MAC))
    assert result.rejection is Rejection.bad_signature and result.outcome is None


def test_the_mac_is_over_the_string_received_never_a_reserialisation() -> None:
    spaced = json.dumps(FIELDS)  # same JSON value, other bytes
    assert json.loads(spaced) == FIELDS
    assert gateway().parse_callback(callback(spaced, MAC)).rejection is Rejection.bad_signature
    assert gateway().parse_callback(callback(spaced, zalopay_mac(spaced, KEY2))).verified


@pytest.mark.parametrize("mac", ["", MAC[:-1], "0" * 64, MAC.replace("d", "e")])
def test_a_wrong_mac_is_refused(mac: str) -> None:
    result = gateway().parse_callback(callback(DATA, mac))
    assert result.rejection is Rejection.bad_signature
    assert result.disposition_if_rejected is Disposition.bad_signature


def test_the_app_id_chooses_the_key() -> None:
    unknown = DATA.replace('"app_id":2553', '"app_id":9999')
    result = gateway().parse_callback(callback(unknown, zalopay_mac(unknown, KEY2)))
    assert result.rejection is Rejection.unknown_merchant and result.merchant == "9999"


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"[]",
        b'{"data": 1, "mac": "ab"}',
        b'{"data": "not json", "mac": "ab"}',
        b'{"mac": "ab"}',
    ],
)
def test_not_a_callback_is_malformed(body: bytes) -> None:
    result = gateway().parse_callback(RawCallback(body=body))
    assert result.rejection is Rejection.malformed
    assert result.disposition_if_rejected is Disposition.malformed


def test_a_signed_agreement_callback_or_a_reference_without_its_day_is_malformed() -> None:
    assert gateway().parse_callback(callback(DATA, MAC, type=2)).rejection is Rejection.malformed
    bare = DATA.replace("200904_2553_1598435687208", "2553x1598435687208")
    result = gateway().parse_callback(callback(bare, zalopay_mac(bare, KEY2)))
    assert result.rejection is Rejection.malformed
    assert order_ref_of("20090_x") is None and order_ref_of("200904_") is None


@pytest.mark.parametrize(
    ("disposition", "code"),
    [
        (Disposition.recorded, 1),
        (Disposition.duplicate, 2),
        (Disposition.unknown_order, -1),
        (Disposition.wrong_amount, -1),
        (Disposition.bad_signature, -1),
        (Disposition.malformed, -1),
        (Disposition.error, 0),  # ZaloPay calls again
    ],
)
def test_callback_answers(disposition: Disposition, code: int) -> None:
    answer = gateway().callback_answer(disposition)
    assert answer.status_code == 200 and answer.media_type == "application/json"
    body = json.loads(answer.body)
    assert body["return_code"] == code and body["return_message"]


def test_the_create_call_is_signed_with_key1() -> None:
    call = gateway().create("2553", order())
    assert call.method == "POST" and call.url == "https://sb-openapi.zalopay.vn/v2/create"
    form = dict(call.form_body or {})
    assert form["app_trans_id"] == "261201_A1B2C3"  # the GMT+7 day
    assert app_trans_id(NOW, "A1B2C3") == "261201_A1B2C3"
    assert form["app_time"] == str(int(NOW.timestamp() * 1000))
    expected = zalopay_mac(
        "|".join(
            form[name]
            for name in (
                "app_id",
                "app_trans_id",
                "app_user",
                "amount",
                "app_time",
                "embed_data",
                "item",
            )
        ),
        KEY1,
    )
    assert form["mac"] == expected == zalopay_create_mac(form, KEY1)
    for name in ("app_id", "app_trans_id", "app_user", "amount", "app_time", "embed_data", "item"):
        assert zalopay_create_mac({**form, name: form[name] + "1"}, KEY1) != form["mac"]
    assert json.loads(form["embed_data"]) == {
        "redirecturl": "https://motcua.example.vn/api/v1/payments/zalopay/return"
    }


def test_secrets_never_show() -> None:
    text = repr(gateway()) + repr(gateway().create("2553", order()))
    assert KEY1 not in text and KEY2 not in text


def test_the_query_is_signed_and_its_answers_read() -> None:
    call = gateway().query("2553", PaymentQuery("A1B2C3", NOW, "Q1", NOW, "198.51.100.2"))
    form = dict(call.form_body or {})
    assert form["app_trans_id"] == "261201_A1B2C3"
    assert form["mac"] == zalopay_query_mac("2553", "261201_A1B2C3", KEY1)
    assert zalopay_query_mac("2553", "261201_A1B2C4", KEY1) != form["mac"]
    assert zalopay_query_mac("2554", "261201_A1B2C3", KEY1) != form["mac"]

    def read(**answer: object) -> tuple[QueryStatus, PaymentOutcome | None, int | None]:
        result = gateway().parse_query_response("2553", json.dumps(answer).encode())
        assert result.verified
        return result.status, result.outcome, result.amount

    paid = read(return_code=1, amount=14_000, zp_trans_id=1)
    assert paid == (QueryStatus.found, PaymentOutcome.succeeded, 14_000)
    assert read(return_code=2) == (QueryStatus.found, PaymentOutcome.failed, None)
    assert read(return_code=3) == (QueryStatus.found, PaymentOutcome.pending, None)
    assert read(return_code=-1) == (QueryStatus.error, None, None)
    assert read(return_code=True) == (QueryStatus.error, None, None)


# -- over real HTTP against the fake ZaloPay --------------------------------------------------

APP_ID = "2553"
FAKE_KEY1, FAKE_KEY2 = "fake-zalopay-key1", "fake-zalopay-key2"


def test_the_fake_accepts_our_create_call_and_refuses_a_tampered_one() -> None:
    with FakeZalopay({APP_ID: App(FAKE_KEY1, FAKE_KEY2)}).running() as fake:
        ours = ZalopayGateway(
            {APP_ID: ZalopayMerchant(APP_ID, FAKE_KEY1, FAKE_KEY2, endpoint=fake.base_url)}
        )
        call = ours.create(APP_ID, order())
        created = ours.parse_create_response(
            APP_ID, httpx.post(call.url, data=call.form_body, timeout=10).content
        )
        assert created.ok and created.pay_url and created.pay_url.startswith(fake.base_url)
        assert fake.ledger.orders["261201_A1B2C3"].amount == 14_000
        tampered = {**(call.form_body or {}), "amount": "1000"}
        refused = httpx.post(call.url, data=tampered, timeout=10)
        assert not ours.parse_create_response(APP_ID, refused.content).ok


def test_the_fake_callbacks_are_answered_as_zalopay_expects() -> None:
    ours = ZalopayGateway({APP_ID: ZalopayMerchant(APP_ID, FAKE_KEY1, FAKE_KEY2)})
    receiver = Receiver(ours, {"PAID1": Order(14_000)})
    with (
        FakeZalopay({APP_ID: App(FAKE_KEY1, FAKE_KEY2)}).running() as fake,
        receiver.running() as url,
    ):

        def send(trans_id: str, kind: Kind, amount: int) -> int | None:
            response = fake.send_callback(url, trans_id, kind, amount=amount)
            if response is None:
                return None
            assert response.status_code == 200
            return int(response.json()["return_code"])

        assert send("261201_PAID1", Kind.bad_signature, 14_000) == -1
        assert send("261201_PAID1", Kind.wrong_amount, 14_000) == -1
        assert send("261201_PAID1", Kind.success, 14_000) == 1
        assert send("261201_PAID1", Kind.success, 14_000) == 2  # duplicate
        assert send("261201_NOSUCH", Kind.success, 1_000) == -1
        assert send("261201_FAIL1", Kind.failure, 9_000) is None  # ZaloPay sends none
        assert httpx.post(url, content=b"{}", timeout=10).json()["return_code"] == -1
    assert receiver.orders["PAID1"].outcome is PaymentOutcome.succeeded
    assert receiver.orders["PAID1"].applied == 1
    assert [d for _, d in receiver.seen] == [
        Disposition.bad_signature,
        Disposition.wrong_amount,
        Disposition.recorded,
        Disposition.duplicate,
        Disposition.unknown_order,
        Disposition.malformed,
    ]


def test_a_failure_is_found_by_the_query() -> None:
    with FakeZalopay({APP_ID: App(FAKE_KEY1, FAKE_KEY2)}).running() as fake:
        ours = ZalopayGateway(
            {APP_ID: ZalopayMerchant(APP_ID, FAKE_KEY1, FAKE_KEY2, endpoint=fake.base_url)}
        )
        call = ours.create(APP_ID, order())
        assert httpx.post(call.url, data=call.form_body, timeout=10).json()["return_code"] == 1

        def ask(ref: str = "A1B2C3") -> tuple[QueryStatus, PaymentOutcome | None]:
            query = ours.query(APP_ID, PaymentQuery(ref, NOW, "Q1", NOW, "198.51.100.2"))
            response = httpx.post(query.url, data=query.form_body, timeout=10)
            result = ours.parse_query_response(APP_ID, response.content)
            return result.status, result.outcome

        assert ask() == (QueryStatus.found, PaymentOutcome.pending)
        fake.send_callback("http://127.0.0.1:9/unused", "261201_A1B2C3", Kind.failure)
        assert ask() == (QueryStatus.found, PaymentOutcome.failed)
        fake.ledger.truth["261201_A1B2C3"] = Truth.paid
        assert ask() == (QueryStatus.found, PaymentOutcome.succeeded)
        assert ask("NEVERSEEN") == (QueryStatus.found, PaymentOutcome.failed)  # ZaloPay: code 2
        assert fake.ledger.rejected == []
