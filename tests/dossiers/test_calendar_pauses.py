"""Pauses of calendar-day procedures (issue 12, refining DESIGN.md section 3): the due time moves by
the calendar days the pause lasted, counted from the day after the event whatever its hour (Civil
Code 2015 art. 147), and ends at the close of office hours of a working day (art. 148); a working-day
procedure keeps moving by the working time paused. Through the HTTP API, the service's clock set."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from app.routers import dossiers as dossiers_router
from tests.dossiers.conftest import COMMUNE, World

MEDIATION = "1.012812"  # land dispute mediation at the commune: 30 calendar days
VN = timedelta(hours=7)


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC) - VN  # type: ignore[misc]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    def set_now(instant: datetime) -> None:
        monkeypatch.setattr(dossiers_router, "_now", lambda: instant)

    return set_now


async def _paused_and_resumed(
    world: World,
    clock: Callable[[datetime], None],
    received: datetime,
    paused: datetime,
    resumed: datetime,
    procedure: str = MEDIATION,
) -> tuple[dict[str, object], dict[str, object]]:
    desk = await world.officer("tiepnhan.xa")
    clock(received)
    created = await world.submit_at_desk(desk, procedure, COMMUNE)
    assert created.status_code == 201, created.text
    before = created.json()
    code = before["code"]
    clock(paused)
    requested = await world.act(
        code,
        "request_supplement",
        desk,
        note="Bổ sung đơn",
        items=[{"requirement_code": "TP01", "reason": "Đơn thiếu chữ ký"}],
    )
    assert requested.status_code == 200, requested.text
    clock(resumed)
    supplemented = await world.act(
        code,
        "supplement",
        desk,
        documents=[{"requirement_code": "TP01", "paper_original_checked": True}],
    )
    assert supplemented.status_code == 200, supplemented.text
    return before, supplemented.json()


async def test_a_pause_over_a_weekend_adds_its_calendar_days(
    world: World, clock: Callable[[datetime], None]
) -> None:
    # received Monday 7 Dec 2026: day 30 is Wednesday 6 Jan 2027
    before, after = await _paused_and_resumed(
        world, clock, vn(2026, 12, 7, 9), vn(2026, 12, 11, 16, 45), vn(2026, 12, 14, 7, 45)
    )
    assert before["due_at"] == "2027-01-06T17:00:00+07:00"  # answered in Vietnam's time (issue 14)
    assert datetime.fromisoformat(str(before["due_at"])) == vn(2027, 1, 6, 17)
    # Friday to Monday: 3 days; day 33 is Saturday 9 Jan -> close of Monday 11 Jan
    assert datetime.fromisoformat(str(after["due_at"])) == vn(2027, 1, 11, 17)


async def test_a_three_day_pause_adds_three_days(
    world: World, clock: Callable[[datetime], None]
) -> None:
    # Monday 14 Dec 2026 (received Monday 7 Dec) to Thursday 17 Dec, whatever the hours
    _, after = await _paused_and_resumed(
        world, clock, vn(2026, 12, 7, 9), vn(2026, 12, 14, 16, 59), vn(2026, 12, 17, 7, 31)
    )
    assert datetime.fromisoformat(str(after["due_at"])) == vn(2027, 1, 11, 17)  # day 33 rolls


async def test_a_pause_across_tet_ends_at_the_close_of_a_working_day(
    world: World, clock: Callable[[datetime], None]
) -> None:
    # received Monday 18 Jan 2027: day 30 is Wednesday 17 Feb 2027 (after Tết, 4-10 Feb off)
    before, after = await _paused_and_resumed(
        world, clock, vn(2027, 1, 18, 9), vn(2027, 2, 3, 10), vn(2027, 2, 11, 9)
    )
    assert datetime.fromisoformat(str(before["due_at"])) == vn(2027, 2, 17, 17)
    # 3 Feb to 11 Feb: 8 days -> Thursday 25 Feb, at the close of the day
    assert datetime.fromisoformat(str(after["due_at"])) == vn(2027, 2, 25, 17)


async def test_a_due_date_rolled_over_tet_does_not_roll_twice(
    world: World, clock: Callable[[datetime], None]
) -> None:
    # received Monday 11 Jan 2027: day 30 is 10 Feb (Tết) -> close of Thursday 11 Feb
    before, after = await _paused_and_resumed(
        world, clock, vn(2027, 1, 11, 9), vn(2027, 1, 20, 10), vn(2027, 1, 21, 10)
    )
    assert datetime.fromisoformat(str(before["due_at"])) == vn(2027, 2, 11, 17)
    # one day paused: day 31 is 11 Feb itself, a working day
    assert datetime.fromisoformat(str(after["due_at"])) == vn(2027, 2, 11, 17)


async def test_a_working_day_procedure_moves_by_the_working_time_paused(
    world: World, clock: Callable[[datetime], None]
) -> None:
    # birth registration, 1 working day: received Monday 7 Dec 09:00, due Tuesday 09:00
    before, after = await _paused_and_resumed(
        world, clock, vn(2026, 12, 7, 9), vn(2026, 12, 7, 10), vn(2026, 12, 9, 10), "1.001193"
    )
    assert datetime.fromisoformat(str(before["due_at"])) == vn(2026, 12, 8, 9)
    # two full working days paused (Mon 10:00 -> Wed 10:00): due Thursday 09:00
    assert datetime.fromisoformat(str(after["due_at"])) == vn(2026, 12, 10, 9)
