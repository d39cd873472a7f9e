"""Working-time arithmetic (app.services.calendar): DESIGN.md section 5, on 2026 dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.config import OfficeHours
from app.models.calendar import DurationUnit
from app.services.calendar.working_time import CalendarOverrides, WorkingCalendar

VN = ZoneInfo("Asia/Ho_Chi_Minh")
WD = DurationUnit.WORKING_DAYS
WH = DurationUnit.WORKING_HOURS
CD = DurationUnit.CALENDAR_DAYS

CALENDAR = WorkingCalendar()


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN)


def in_office_time(calendar: WorkingCalendar, instant: datetime) -> bool:
    """Inside a period of a working day, or exactly at a period end."""
    local = instant.astimezone(VN)
    if not calendar.is_working_day(local.date()):
        return False
    clock = local.time()
    return any(start <= clock <= end for start, end in calendar.office_hours.periods)


# -- public holidays and swaps from the `holidays` package -----------------------------------


def test_tet_2026_is_skipped() -> None:
    # Friday before Tết; 16-20 February 2026 are public holidays, then a weekend.
    assert CALENDAR.add(vn(2026, 2, 13, 16), 1, WD) == vn(2026, 2, 23, 16)
    assert [CALENDAR.is_working_day(date(2026, 2, d)) for d in range(16, 21)] == [False] * 5


def test_vietnam_culture_day_24_november_from_2026() -> None:
    assert not CALENDAR.is_working_day(date(2026, 11, 24))
    assert CALENDAR.is_working_day(date(2025, 11, 24))  # a plain Monday before Resolution 80
    assert CALENDAR.add(vn(2026, 11, 23, 16), 1, WD) == vn(2026, 11, 25, 16)


def test_compensatory_saturday_22_august_2026_comes_from_the_package() -> None:
    # Saturday 22 August is worked in exchange for Monday 31 August (National Day bridge);
    # the `holidays` package carries the swap, so no override is needed.
    assert CALENDAR.is_working_day(date(2026, 8, 22))
    assert not CALENDAR.is_working_day(date(2026, 8, 31))
    assert CALENDAR.add(vn(2026, 8, 21, 16), 1, WD) == vn(2026, 8, 22, 16)
    assert CALENDAR.add(vn(2026, 8, 28, 16), 1, WD) == vn(2026, 9, 3, 16)


def test_reunification_and_labour_day_2026() -> None:
    # Hùng Kings on Sunday 26 April is observed on Monday 27; 30 April and 1 May are Thu-Fri.
    assert not CALENDAR.is_working_day(date(2026, 4, 27))
    assert CALENDAR.add(vn(2026, 4, 29, 9), 1, WD) == vn(2026, 5, 4, 9)


# -- moving to the next opening ----------------------------------------------------------------


def test_receipt_after_close_moves_to_next_morning() -> None:
    assert CALENDAR.next_opening(vn(2026, 3, 2, 17, 30)) == vn(2026, 3, 3, 7, 30)
    assert CALENDAR.add(vn(2026, 3, 2, 17, 30), 1, WD) == vn(2026, 3, 4, 7, 30)


def test_receipt_on_sunday_moves_to_monday() -> None:
    assert CALENDAR.next_opening(vn(2026, 3, 8, 10)) == vn(2026, 3, 9, 7, 30)
    assert CALENDAR.add(vn(2026, 3, 8, 10), 1, WD) == vn(2026, 3, 10, 7, 30)


def test_receipt_at_lunch_moves_to_afternoon() -> None:
    assert CALENDAR.next_opening(vn(2026, 3, 2, 12)) == vn(2026, 3, 2, 13)
    assert CALENDAR.add(vn(2026, 3, 2, 12), 1, WD) == vn(2026, 3, 3, 13)
    assert CALENDAR.add(vn(2026, 3, 2, 12), 2, WH) == vn(2026, 3, 2, 15)


def test_period_bounds() -> None:
    assert CALENDAR.next_opening(vn(2026, 3, 2, 7, 30)) == vn(2026, 3, 2, 7, 30)
    assert CALENDAR.next_opening(vn(2026, 3, 2, 11, 30)) == vn(2026, 3, 2, 13)
    assert CALENDAR.next_opening(vn(2026, 3, 6, 17)) == vn(2026, 3, 9, 7, 30)
    assert CALENDAR.next_opening(vn(2026, 3, 2, 6)) == vn(2026, 3, 2, 7, 30)


def test_zero_amount_gives_the_next_opening() -> None:
    assert CALENDAR.add(vn(2026, 3, 6, 18), 0, WD) == vn(2026, 3, 9, 7, 30)
    assert CALENDAR.add(vn(2026, 3, 2, 12), Decimal(0), WH) == vn(2026, 3, 2, 13)


def test_results_are_utc() -> None:
    due = CALENDAR.add(datetime(2026, 3, 2, 3, 0, tzinfo=UTC), 1, WD)  # 10:00 in Hà Nội
    assert due.tzinfo is UTC
    assert due == datetime(2026, 3, 3, 3, 0, tzinfo=UTC)


# -- a due time at a period end stays there ------------------------------------------------------


def test_due_time_on_17_00_stays() -> None:
    assert CALENDAR.add(vn(2026, 3, 2, 13), 4, WH) == vn(2026, 3, 2, 17)
    assert CALENDAR.add(vn(2026, 3, 2, 7, 30), 8, WH) == vn(2026, 3, 2, 17)
    assert CALENDAR.add(vn(2026, 3, 6, 13), 12, WH) == vn(2026, 3, 9, 17)


def test_due_time_on_11_30_stays() -> None:
    assert CALENDAR.add(vn(2026, 3, 2, 9, 30), 2, WH) == vn(2026, 3, 2, 11, 30)
    assert CALENDAR.add(vn(2026, 3, 2, 16), 5, WH) == vn(2026, 3, 3, 11, 30)


def test_working_hours_skip_lunch_and_night() -> None:
    assert CALENDAR.add(vn(2026, 3, 2, 11), 1.5, WH) == vn(2026, 3, 2, 14)
    assert CALENDAR.add(vn(2026, 3, 2, 16), 1.5, WH) == vn(2026, 3, 3, 8)
    assert CALENDAR.add(vn(2026, 3, 6, 16), Decimal("8.25"), WH) == vn(2026, 3, 9, 16, 15)


# -- calendar days (Civil Code art. 147-148) -----------------------------------------------------


def test_calendar_days_end_at_close_of_day_n() -> None:
    assert CALENDAR.add(vn(2026, 3, 2, 10), 3, CD) == vn(2026, 3, 5, 17)
    assert CALENDAR.add(vn(2026, 3, 2, 10), 0, CD) == vn(2026, 3, 2, 17)


def test_calendar_days_landing_on_weekend_roll_to_next_working_day() -> None:
    assert CALENDAR.add(vn(2026, 3, 5, 10), 2, CD) == vn(2026, 3, 9, 17)  # Saturday -> Monday


def test_calendar_days_landing_on_holiday_roll_to_next_working_day() -> None:
    # Day 2 is 30 April; 1 May and the weekend follow.
    assert CALENDAR.add(vn(2026, 4, 28, 10), 2, CD) == vn(2026, 5, 4, 17)


def test_calendar_days_count_from_the_opening_and_round_fractions_up() -> None:
    # Received Friday evening = received Monday 07:30; day 1 is Tuesday.
    assert CALENDAR.add(vn(2026, 3, 6, 17, 30), 1, CD) == vn(2026, 3, 10, 17)
    assert CALENDAR.add(vn(2026, 3, 2, 10), 1.5, CD) == vn(2026, 3, 4, 17)


# -- administrator overrides ---------------------------------------------------------------------


def test_override_day_off_changes_the_result() -> None:
    calendar = WorkingCalendar(overrides=CalendarOverrides(days_off=frozenset({date(2026, 3, 3)})))
    assert CALENDAR.add(vn(2026, 3, 2, 16), 1, WD) == vn(2026, 3, 3, 16)
    assert calendar.add(vn(2026, 3, 2, 16), 1, WD) == vn(2026, 3, 4, 16)


def test_override_working_day_changes_the_result() -> None:
    saturday = date(2026, 3, 7)
    calendar = WorkingCalendar(overrides=CalendarOverrides(working_days=frozenset({saturday})))
    assert CALENDAR.add(vn(2026, 3, 6, 16), 1, WD) == vn(2026, 3, 9, 16)
    assert calendar.add(vn(2026, 3, 6, 16), 1, WD) == vn(2026, 3, 7, 16)
    assert calendar.next_opening(vn(2026, 3, 7, 6)) == vn(2026, 3, 7, 7, 30)


def test_override_day_off_cancels_a_package_swap() -> None:
    calendar = WorkingCalendar(overrides=CalendarOverrides(days_off=frozenset({date(2026, 8, 22)})))
    assert calendar.add(vn(2026, 8, 21, 16), 1, WD) == vn(2026, 8, 24, 16)


def test_override_cannot_be_both_off_and_working() -> None:
    day = frozenset({date(2026, 3, 7)})
    with pytest.raises(ValueError, match="both off and working"):
        CalendarOverrides(days_off=day, working_days=day)


# -- fractions -----------------------------------------------------------------------------------


def test_half_working_day_from_opening_lands_on_11_30() -> None:
    # Half of 8 office hours from 07:30 ends exactly at the morning close and stays there.
    assert CALENDAR.add(vn(2026, 3, 2, 7, 30), Decimal("0.5"), WD) == vn(2026, 3, 2, 11, 30)
    assert CALENDAR.add(vn(2026, 3, 2, 7, 30), 0.5, WD) == vn(2026, 3, 2, 11, 30)


def test_fractional_working_days() -> None:
    assert CALENDAR.add(vn(2026, 3, 2, 16), 0.5, WD) == vn(2026, 3, 3, 10, 30)
    assert CALENDAR.add(vn(2026, 3, 2, 9), 1.5, WD) == vn(2026, 3, 3, 14, 30)
    assert CALENDAR.add(vn(2026, 3, 2, 13), 0.25, WD) == vn(2026, 3, 2, 15)
    # 0.1 of a day is 48 minutes whether given as a float or a Decimal.
    assert CALENDAR.add(vn(2026, 3, 2, 8), 0.1, WD) == vn(2026, 3, 2, 8, 48)
    assert CALENDAR.add(vn(2026, 3, 2, 8), Decimal("0.1"), WD) == vn(2026, 3, 2, 8, 48)


def test_microsecond_precision() -> None:
    start = vn(2026, 3, 2, 8)
    due = CALENDAR.add(start, Decimal("0.000001") / 3600, WH)  # one microsecond
    assert due - start == timedelta(microseconds=1)


def test_a_working_day_is_one_office_day_whatever_its_length() -> None:
    calendar = WorkingCalendar(office_hours=OfficeHours.parse("08:00-12:00"))
    assert calendar.add(vn(2026, 3, 2, 9), 1, WD) == vn(2026, 3, 3, 9)
    assert calendar.add(vn(2026, 3, 2, 8), 0.5, WD) == vn(2026, 3, 2, 10)
    assert calendar.add(vn(2026, 3, 2, 11), 3, WH) == vn(2026, 3, 3, 10)


def test_sixty_working_days() -> None:
    start = vn(2026, 1, 5, 10)
    due = CALENDAR.add(start, 60, WD)
    assert due.astimezone(VN).time() == time(10)
    assert CALENDAR.working_time_between(start, due) == 60 * timedelta(hours=8)


# -- working time between ------------------------------------------------------------------------


def test_working_time_between() -> None:
    between = CALENDAR.working_time_between
    assert between(vn(2026, 3, 2, 7), vn(2026, 3, 2, 18)) == timedelta(hours=8)
    assert between(vn(2026, 3, 6, 16), vn(2026, 3, 9, 8, 30)) == timedelta(hours=2)
    assert between(vn(2026, 3, 2, 11), vn(2026, 3, 2, 13, 30)) == timedelta(hours=1)
    assert between(vn(2026, 2, 13, 7, 30), vn(2026, 2, 24, 7, 30)) == timedelta(hours=16)
    assert between(vn(2026, 3, 2, 10), vn(2026, 3, 2, 9)) == timedelta(0)


# -- input validation ----------------------------------------------------------------------------


def test_naive_datetimes_are_rejected() -> None:
    naive = datetime(2026, 3, 2, 10)
    with pytest.raises(ValueError, match="naive"):
        CALENDAR.add(naive, 1, WD)
    with pytest.raises(ValueError, match="naive"):
        CALENDAR.next_opening(naive)
    with pytest.raises(ValueError, match="naive"):
        CALENDAR.working_time_between(naive, vn(2026, 3, 3))


@pytest.mark.parametrize("amount", [-1, -0.5, Decimal("-0.000001"), float("nan"), Decimal("Inf")])
@pytest.mark.parametrize("unit", list(DurationUnit))
def test_negative_or_non_finite_amounts_are_rejected(
    amount: Decimal | int | float, unit: DurationUnit
) -> None:
    with pytest.raises(ValueError, match="amount"):
        CALENDAR.add(vn(2026, 3, 2, 10), amount, unit)


def test_office_hours_parse_and_default() -> None:
    assert OfficeHours.parse("07:30-11:30,13:00-17:00") == OfficeHours()
    assert OfficeHours.parse(" 07:30 - 11:30 , 13:00 - 17:00 ") == OfficeHours()
    assert str(OfficeHours()) == "07:30-11:30,13:00-17:00"
    assert OfficeHours().day_length == timedelta(hours=8)


@pytest.mark.parametrize(
    "text",
    ["", "07:30", "11:30-07:30", "07:30-11:30,11:00-17:00", "13:00-17:00,07:30-11:30", "7h-11h"],
)
def test_office_hours_parse_rejects_bad_input(text: str) -> None:
    with pytest.raises(ValueError, match="office"):
        OfficeHours.parse(text)


# -- properties ----------------------------------------------------------------------------------

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)

starts = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2027, 12, 31),
    timezones=st.sampled_from([VN, UTC]),
)
AMOUNTS = {
    WD: st.one_of(st.integers(0, 40), st.decimals(0, 40, places=3)),
    WH: st.one_of(st.integers(0, 300), st.decimals(0, 300, places=4), st.floats(0, 300)),
    CD: st.one_of(st.integers(0, 60), st.decimals(0, 60, places=2)),
}


@PROPERTY_SETTINGS
@given(start=starts, unit=st.sampled_from(list(DurationUnit)), data=st.data())
def test_result_never_moves_backwards(
    start: datetime, unit: DurationUnit, data: st.DataObject
) -> None:
    smaller, larger = sorted([data.draw(AMOUNTS[unit]), data.draw(AMOUNTS[unit])])
    assert CALENDAR.add(start, smaller, unit) <= CALENDAR.add(start, larger, unit)
    assert CALENDAR.add(start, smaller, unit) >= CALENDAR.next_opening(start)


@PROPERTY_SETTINGS
@given(start=starts, unit=st.sampled_from([WD, WH]), data=st.data())
def test_working_results_are_in_office_time(
    start: datetime, unit: DurationUnit, data: st.DataObject
) -> None:
    assert in_office_time(CALENDAR, CALENDAR.add(start, data.draw(AMOUNTS[unit]), unit))


@PROPERTY_SETTINGS
@given(start=starts, hours=st.decimals(0, 300, places=6))
def test_working_hours_round_trip(start: datetime, hours: Decimal) -> None:
    due = CALENDAR.add(start, hours, WH)
    expected = timedelta(microseconds=int(hours * 3_600_000_000))
    assert CALENDAR.working_time_between(start, due) == expected


@PROPERTY_SETTINGS
@given(start=starts, days=st.decimals(0, 40, places=3))
def test_working_days_are_office_days(start: datetime, days: Decimal) -> None:
    due = CALENDAR.add(start, days, WD)
    expected = timedelta(microseconds=int(days * 8 * 3_600_000_000))
    assert CALENDAR.working_time_between(start, due) == expected
