"""Fee lines that match what is charged (issue 15, acceptance 2): the catalog's fee rules priced at
submission with the applicant's choices (pages, copies), an unconfirmed conditional fee never
charged, per-channel prices."""

from __future__ import annotations

from typing import Any

from tests.dossiers.conftest import BIRTH, COMMUNE, World

CERTIFIED_COPY = "2.000815"  # 2,000 đ a page, 1,000 đ from page 3, at most 200,000 đ a copy
HOUSEHOLD = "1.001612"  # 50,000 đ at the desk, 150,000 đ online


def _lines(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 201, response.text
    lines: list[dict[str, Any]] = response.json()["fee_lines"]
    return lines


async def test_certified_copies_priced_by_pages_and_copies(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    two_copies = _lines(
        await world.submit_at_desk(
            desk, CERTIFIED_COPY, COMMUNE, fee_choices=[{"index": 0, "pages": 5, "copies": 2}]
        )
    )
    assert (two_copies[0]["amount"], two_copies[0]["confirmed"]) == (14_000, True)
    assert two_copies[0]["quantities"] == {"pages": 5, "copies": 2}
    one_long = _lines(
        await world.submit_at_desk(
            desk, CERTIFIED_COPY, COMMUNE, fee_choices=[{"index": 0, "pages": 300, "copies": 1}]
        )
    )
    assert one_long[0]["amount"] == 200_000  # the cap of one copy
    uncounted = _lines(await world.submit_at_desk(desk, CERTIFIED_COPY, COMMUNE))
    assert (uncounted[0]["amount"], uncounted[0]["confirmed"]) == (0, False)  # the desk counts


async def test_a_conditional_copy_fee_is_charged_only_when_asked_for(world: World) -> None:
    citizen = await world.citizen("fee-chooser")
    plain = _lines(await world.submit_online(citizen, BIRTH, COMMUNE))
    copy_fee = plain[1]
    assert copy_fee["requires_confirmation"] is True
    assert (copy_fee["amount"], copy_fee["confirmed"]) == (0, False)  # nobody asked: not charged
    asked = _lines(
        await world.submit_online(citizen, BIRTH, COMMUNE, fee_choices=[{"index": 1, "copies": 2}])
    )
    assert (asked[1]["amount"], asked[1]["confirmed"]) == (16_000, True)
    declined = _lines(
        await world.submit_online(
            citizen, BIRTH, COMMUNE, fee_choices=[{"index": 1, "requested": False, "copies": 2}]
        )
    )
    assert (declined[1]["amount"], declined[1]["confirmed"]) == (0, False)
    unknown = await world.submit_online(
        citizen, BIRTH, COMMUNE, fee_choices=[{"index": 9, "copies": 1}]
    )
    assert unknown.status_code == 422 and unknown.json()["code"] == "fee_quantities_invalid"


async def test_the_channel_price(world: World) -> None:
    citizen = await world.citizen("household-online")
    online = _lines(await world.submit_online(citizen, HOUSEHOLD, COMMUNE))
    desk = await world.officer("tiepnhan.xa")
    at_desk = _lines(await world.submit_at_desk(desk, HOUSEHOLD, COMMUNE))
    assert [line["amount"] for line in online] == [150_000]
    assert [line["amount"] for line in at_desk] == [50_000]
