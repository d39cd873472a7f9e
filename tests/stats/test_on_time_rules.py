"""Indicator 2.1 (Decision 766/QĐ-TTg, reference 4.3 [S]) rule by rule: dossiers built and moved
through the API, their instants then placed in October 2026, the rollups refreshed, and numerator,
denominator and score checked against values computed by hand."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import Dossier
from app.services.stats import rules as stats_rules
from app.services.stats import snapshots
from tests.dossiers.conftest import BIRTH, COMMUNE, World
from tests.stats.helpers import at, indicator, place, refresh, report

TP01 = [{"requirement_code": "TP01", "reason": "Thiếu chữ ký"}]


async def _received(world: World) -> str:
    desk = await world.officer("tiepnhan.xa")
    response = await world.submit_at_desk(desk, BIRTH, COMMUNE)
    assert response.status_code == 201, response.text
    code: str = response.json()["code"]
    return code


async def _act(world: World, code: str, action: str, who: str, **body: object) -> None:
    response = await world.act(code, action, await world.officer(who), **body)
    assert response.status_code == 200, response.text


async def _resolved(world: World) -> str:
    code = await _received(world)
    await _act(world, code, "forward", "tiepnhan.xa")
    await _act(world, code, "forward", "chuyenvien.xa")
    await _act(world, code, "resolve", "lanhdao.xa")
    return code


async def _supplemented(world: World) -> str:
    """Received, a supplement requested after receipt and brought to the desk, then resolved."""
    code = await _received(world)
    await _act(world, code, "request_supplement", "tiepnhan.xa", note="Thiếu", items=TP01)
    await _act(
        world,
        code,
        "supplement",
        "tiepnhan.xa",
        documents=[{"requirement_code": "TP01", "paper_original_checked": True}],
    )
    await _act(world, code, "forward", "tiepnhan.xa")
    await _act(world, code, "forward", "chuyenvien.xa")
    await _act(world, code, "resolve", "lanhdao.xa")
    return code


async def _scenarios(world: World, session: AsyncSession) -> dict[str, int]:
    """Nine dossiers of the commune's birth registration, due (unless said) on 9 October 17:00."""
    due = at(9, 17)
    ids: dict[str, int] = {}
    # early: ended on the 6th, before the due day
    ids["early"] = await place(
        session, await _resolved(world), received_at=at(5, 8), due_at=due, finished_at=at(6, 10)
    )
    # on time: ended on the due day, before the due time
    ids["on_time"] = await place(
        session, await _resolved(world), received_at=at(5, 8), due_at=due, finished_at=at(9, 16)
    )
    # late: ended on the 12th
    ids["late"] = await place(
        session, await _resolved(world), received_at=at(5, 8), due_at=due, finished_at=at(12, 10)
    )
    # two supplement requests after receipt: late although ended before the due time. The default
    # rule set refuses a second request, so the second is recorded as a rule set allowing it would
    two = await _supplemented(world)
    ids["two_supplements"] = await place(
        session,
        two,
        received_at=at(5, 8),
        due_at=due,
        finished_at=at(8, 10),
        supplement_count=2,
        events={"request_supplement": at(6, 8), "supplement": at(6, 15)},
    )
    # paused two days (6th 08:00 -> 8th 08:00): the appointment moved from the 7th to the 9th,
    # ended on the 9th at 10:00, on time; processing = 4 days 2 h - 2 days
    ids["paused"] = await place(
        session,
        await _supplemented(world),
        received_at=at(5, 8),
        due_at=due,
        finished_at=at(9, 10),
        events={"request_supplement": at(6, 8), "supplement": at(8, 8)},
    )
    # withdrawn after receipt on the 6th: its end is recorded, on time
    withdrawn = await _received(world)
    await _act(world, withdrawn, "withdraw", "tiepnhan.xa", note="Người nộp rút hồ sơ")
    ids["withdrawn"] = await place(
        session, withdrawn, received_at=at(5, 8), due_at=due, finished_at=at(6, 9)
    )
    # stopped on the 15th, after the due day: late
    stopped = await _received(world)
    await _act(world, stopped, "stop", "lanhdao.xa", note="Dừng xử lý")
    ids["stopped"] = await place(
        session, stopped, received_at=at(5, 8), due_at=due, finished_at=at(15, 9)
    )
    # open at the period's end: due 5 November (not late on 31 October), and due 25 October (late)
    ids["open_in_time"] = await place(
        session, await _received(world), received_at=at(20, 8), due_at=at(5, 17, month=11)
    )
    ids["open_late"] = await place(
        session, await _received(world), received_at=at(20, 8), due_at=at(25, 17)
    )
    await refresh(session, *ids.values())
    return ids


async def test_indicator_2_1_counts_each_rule_of_the_index(
    world: World, session: AsyncSession
) -> None:
    await _scenarios(world, session)
    found = await report(session, agencies={COMMUNE})
    on_time = indicator(found, "2.1")
    # ended: early, on time, late, two supplements, paused, withdrawn, stopped = 7; open: 2
    # on time: early, on time, paused, withdrawn (4) + the open dossier not past due (1) = 5
    assert (on_time.numerator, on_time.denominator) == (5, 9)
    assert on_time.ratio == pytest.approx(5 / 9)
    assert on_time.score == pytest.approx(20 * 5 / 9)
    assert on_time.maximum == 20
    assert found.counters["ended_early"] == 2  # the early one and the withdrawal (6th < 9th)
    # 2.2: average processing days of the 7 ended, supplement time subtracted (hours by hand)
    hours = (
        (24 + 2)
        + (4 * 24 + 8)
        + (7 * 24 + 2)
        + (3 * 24 + 2 - 7)
        + (4 * 24 + 2 - 48)
        + 25
        + (10 * 24 + 1)
    )
    average = indicator(found, "2.2")
    assert average.denominator == 7
    assert average.numerator == pytest.approx(hours / 24)
    assert average.score is None and average.maximum == 0


async def test_an_open_dossier_is_judged_at_the_end_of_each_period(
    world: World, session: AsyncSession
) -> None:
    await _scenarios(world, session)
    # in November the two open dossiers are still open: the one due on 5 November is late by the
    # 30th; nothing else was handled in November
    november = indicator(await report(session, "2026-11", {COMMUNE}), "2.1")
    assert (november.numerator, november.denominator) == (0, 2)
    # the fourth quarter so far (judged today, 1 December): the same nine, both open ones late
    quarter = indicator(await report(session, "2026-Q4", {COMMUNE}), "2.1")
    assert (quarter.numerator, quarter.denominator) == (4, 9)


async def test_the_supplement_time_is_subtracted_again_only_when_the_rule_set_says_so(
    world: World, session: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = await _scenarios(world, session)
    # the paused dossier now ends on the 10th at 10:00: after its (moved) appointment of the 9th
    await session.execute(
        update(Dossier).where(Dossier.id == ids["paused"]).values(finished_at=at(10, 10))
    )
    await refresh(session, ids["paused"])
    assert indicator(await report(session, agencies={COMMUNE}), "2.1").numerator == 4
    # [U] subtracting the two paused days again from the moved appointment makes it on time
    again = tuple(
        stats_rules.StatsRuleSet(r.name, r.effective_from, r.group_weights, r.groups, True)
        for r in stats_rules.RULE_SETS
    )
    monkeypatch.setattr(stats_rules, "RULE_SETS", again)
    await refresh(session, ids["paused"])
    assert indicator(await report(session, agencies={COMMUNE}), "2.1").numerator == 5


async def test_a_dossier_waiting_for_its_one_supplement_is_judged_at_the_request(
    world: World, session: AsyncSession
) -> None:
    code = await _received(world)
    await _act(world, code, "request_supplement", "tiepnhan.xa", note="Thiếu", items=TP01)
    ident = await place(
        session,
        code,
        received_at=at(5, 8),
        due_at=at(9, 17),
        paused_at=at(6, 8),
        events={"request_supplement": at(6, 8)},
    )
    await refresh(session, ident)
    found = await report(session, agencies={COMMUNE})
    assert (indicator(found, "2.1").numerator, indicator(found, "2.1").denominator) == (1, 1)
    assert found.counters["ended_paused"] == 1


async def test_a_closed_month_is_frozen_and_later_changes_do_not_rewrite_it(
    world: World, session: AsyncSession
) -> None:
    ids = await _scenarios(world, session)
    frozen = await snapshots.freeze_closed(session, at(1, 8, month=12))
    assert frozen[-1] == date(2026, 11, 1) and date(2026, 10, 1) in frozen
    # the late dossier is corrected afterwards: the daily rollups move, October's snapshot does not
    await session.execute(
        update(Dossier).where(Dossier.id == ids["late"]).values(finished_at=at(8, 10))
    )
    await refresh(session, ids["late"])
    october = indicator(await report(session, agencies={COMMUNE}), "2.1")
    assert (october.numerator, october.denominator) == (5, 9)
    # a period that is not made of frozen months reads the rollups as they are now
    assert await snapshots.freeze_closed(session, at(1, 9, month=12)) == []
