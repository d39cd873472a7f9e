"""Fee rules (issue 15): tiers, caps, per-channel prices, dated reductions, quantities, conditions and
when fees are due, on the seed's 2.000815, 1.014063 and 1.001612 (reference/procedures-seed.json)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from app.models.dossier import Channel
from app.models.procedure import FeesDue
from app.schemas.fees import FeeRule, QuantityKind
from app.services.catalog.fees import (
    FeeNotSet,
    MissingQuantity,
    amount,
    charge,
    due_point,
    needs_confirmation,
)

PAGES, COPIES = QuantityKind.pages, QuantityKind.copies
TODAY = date(2026, 11, 30)

# 2.000815: "2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang; tối đa 200.000 đồng/bản;
# trang tính theo trang của bản chính"
CERTIFIED_COPY = FeeRule.model_validate(
    {
        "name": "Phí chứng thực bản sao từ bản chính",
        "kind": "charge",
        "quantity": "pages",
        "per": "copies",
        "tiers": [{"from": 1, "amount": 2000}, {"from": 3, "amount": 1000}],
        "cap": 200000,
        "condition": "trang tính theo trang của bản chính",
    }
)
# 1.014063: "50.000 đồng/thẻ; từ 01/7/2025 đến hết 31/12/2026 thu bằng 50% (Thông tư 64/2025/TT-BTC);
# 01/01–31/12/2025: nộp trực tuyến bằng 50%"
IDENTITY_CARD = FeeRule.model_validate(
    {
        "name": "Lệ phí cấp đổi thẻ căn cước",
        "kind": "levy",
        "amount": 50000,
        "reductions": [
            {"percent": 50, "from": "2025-07-01", "until": "2026-12-31",
             "source": "Thông tư 64/2025/TT-BTC"},
            {"percent": 50, "from": "2025-01-01", "until": "2025-12-31",
             "channels": ["online", "national_portal"]},
        ],
    }
)  # fmt: skip
# 1.001612: 50,000 đ at the desk, 150,000 đ online or by post, as the portal displays it
BUSINESS_HOUSEHOLD = FeeRule.model_validate(
    {
        "name": "Lệ phí đăng ký hộ kinh doanh",
        "kind": "levy",
        "amount": 50000,
        "channels": {
            "online": {"amount": 150000},
            "national_portal": {"amount": 150000},
            "postal": {"amount": 150000},
        },
    }
)
# 1.001193: a copy of the birth certificate "nếu có yêu cầu", per copy
BIRTH_CERTIFICATE_COPY = FeeRule.model_validate(
    {
        "name": "Phí cấp bản sao Giấy khai sinh (nếu có yêu cầu)",
        "amount": 8000,
        "quantity": "copies",
        "requires_confirmation": True,
        "condition": "nếu có yêu cầu",
        "due": "on_return",
    }
)


def test_two_certified_copies_of_a_five_page_original_cost_14000() -> None:
    # each copy: 2 x 2,000 + 3 x 1,000 = 7,000
    assert amount(CERTIFIED_COPY, {PAGES: 5, COPIES: 2}, Channel.desk, TODAY) == 14_000


def test_one_copy_of_300_pages_is_capped_at_200000() -> None:
    assert amount(CERTIFIED_COPY, {PAGES: 300, COPIES: 1}, Channel.desk, TODAY) == 200_000
    assert amount(CERTIFIED_COPY, {PAGES: 300, COPIES: 3}, Channel.desk, TODAY) == 600_000


@pytest.mark.parametrize(
    ("pages", "expected"),
    [(0, 0), (1, 2_000), (2, 4_000), (3, 5_000), (198, 200_000), (197, 199_000), (199, 200_000)],
)
def test_the_tiers_by_page(pages: int, expected: int) -> None:
    assert amount(CERTIFIED_COPY, {PAGES: pages, COPIES: 1}, Channel.desk, TODAY) == expected


@given(pages=st.integers(0, 5_000), copies=st.integers(0, 50))
def test_a_certified_copy_never_exceeds_the_cap_and_grows_with_pages(
    pages: int, copies: int
) -> None:
    cost = amount(CERTIFIED_COPY, {PAGES: pages, COPIES: copies}, Channel.desk, TODAY)
    assert 0 <= cost <= 200_000 * copies
    assert cost <= amount(CERTIFIED_COPY, {PAGES: pages + 1, COPIES: copies}, Channel.desk, TODAY)


def test_a_counted_quantity_must_be_given() -> None:
    with pytest.raises(MissingQuantity, match="pages"):
        amount(CERTIFIED_COPY, {COPIES: 1}, Channel.desk, TODAY)
    with pytest.raises(MissingQuantity, match="copies"):
        amount(CERTIFIED_COPY, {PAGES: 4}, Channel.desk, TODAY)
    with pytest.raises(ValueError, match="whole number"):
        amount(CERTIFIED_COPY, {PAGES: -1, COPIES: 1}, Channel.desk, TODAY)


@pytest.mark.parametrize(
    ("on_date", "channel", "expected"),
    [
        (date(2024, 12, 31), Channel.online, 50_000),  # before any reduction
        (date(2025, 3, 1), Channel.desk, 50_000),  # the 2025 reduction is online only
        (date(2025, 3, 1), Channel.online, 25_000),
        (date(2025, 7, 1), Channel.desk, 25_000),  # Thông tư 64/2025 from 1 July 2025
        (date(2025, 9, 1), Channel.online, 25_000),  # both in force: the larger, not 75 %
        (date(2026, 11, 30), Channel.desk, 25_000),
        (date(2026, 12, 31), Channel.postal, 25_000),  # its last day, included
        (date(2027, 1, 1), Channel.desk, 50_000),  # after it
        (date(2027, 1, 1), Channel.online, 50_000),
    ],
)
def test_the_dated_reduction_before_during_and_after(
    on_date: date, channel: Channel, expected: int
) -> None:
    assert amount(IDENTITY_CARD, {}, channel, on_date) == expected


def test_a_reduction_rounds_half_up_to_the_dong() -> None:
    odd = FeeRule(name="x", amount=25_001, reductions=({"percent": 50},))  # type: ignore[arg-type]
    assert amount(odd, {}, Channel.desk, TODAY) == 12_501
    free = FeeRule(name="x", amount=25_001, reductions=({"percent": 100},))  # type: ignore[arg-type]
    assert amount(free, {}, Channel.desk, TODAY) == 0


@pytest.mark.parametrize(
    ("channel", "expected"),
    [
        (Channel.desk, 50_000),
        (Channel.online, 150_000),
        (Channel.national_portal, 150_000),
        (Channel.postal, 150_000),
    ],
)
def test_the_online_amount_differs(channel: Channel, expected: int) -> None:
    assert amount(BUSINESS_HOUSEHOLD, {}, channel, TODAY) == expected


def test_an_unconfirmed_conditional_fee_is_never_charged() -> None:
    copies = {COPIES: 2}
    assert needs_confirmation(BIRTH_CERTIFICATE_COPY)
    assert charge(BIRTH_CERTIFICATE_COPY, copies, Channel.online, TODAY, confirmed=False) == 0
    assert charge(BIRTH_CERTIFICATE_COPY, copies, Channel.online, TODAY, confirmed=True) == 16_000
    assert needs_confirmation(CERTIFIED_COPY)  # a quantity is confirmed too
    assert not needs_confirmation(IDENTITY_CARD)
    assert charge(IDENTITY_CARD, {}, Channel.desk, TODAY, confirmed=False) == 25_000


def test_when_a_fee_is_due() -> None:
    assert due_point(BIRTH_CERTIFICATE_COPY, FeesDue.on_submission) is FeesDue.on_return
    assert due_point(CERTIFIED_COPY, FeesDue.on_submission) is FeesDue.on_submission
    assert due_point(IDENTITY_CARD, FeesDue.on_request) is FeesDue.on_request


def test_every_catalog_fee_entry_of_today_is_a_flat_rule() -> None:
    legacy = {
        "name": "Lệ phí đăng ký khai sinh",
        "kind": "levy",
        "amount": 0,
        "condition": None,
        "requires_confirmation": False,
    }
    assert amount(FeeRule.model_validate(legacy), {}, Channel.online, TODAY) == 0
    unset = FeeRule.model_validate({**legacy, "amount": None})
    with pytest.raises(FeeNotSet):
        amount(unset, {}, Channel.desk, TODAY)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"tiers": [{"from": 2, "amount": 1}]}, "start at unit 1"),
        ({"tiers": [{"from": 1, "amount": 1}, {"from": 1, "amount": 2}]}, "ascend"),
        ({"amount": 1, "tiers": [{"from": 1, "amount": 1}]}, "not both"),
        ({"per": "copies"}, "per needs a quantity"),
        ({"quantity": "pages", "per": "pages"}, "another quantity"),
        ({"reductions": [{"percent": 0}]}, "greater than or equal to 1"),
        ({"reductions": [{"percent": 10, "from": "2026-02-01", "until": "2026-01-01"}]}, "ends"),
        ({"channels": {"kiosk": {"amount": 1}}}, "channels"),
        ({"amount": -1}, "greater than or equal to 0"),
        ({"amount": 1.5}, "integer"),
        ({"kind": "tax"}, "pattern"),
        ({"discount": 5}, "Extra inputs"),
    ],
)
def test_a_malformed_rule_is_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        FeeRule.model_validate({"name": "x", **changes})
