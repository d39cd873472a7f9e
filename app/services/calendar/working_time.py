"""Working-time arithmetic: appointment dates (ngày hẹn trả), step deadlines, office time spent.

Pure computation over three inputs: the office hours, Vietnam's public holidays as published by
the `holidays` package (its ``VN`` calendar: lunar Tết, Hùng Kings, fixed holidays, observed days
and the yearly day swaps) and administrator overrides. No database and no I/O at import time.
The counting rules are those of DESIGN.md section 5.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Decimal
from zoneinfo import ZoneInfo

import holidays

from app.config import VIETNAM_TZ_NAME, OfficeHours
from app.models.calendar import DurationUnit

_ONE_DAY = timedelta(days=1)
_ONE_MICROSECOND = timedelta(microseconds=1)
_MICROSECONDS_PER_HOUR = 3_600_000_000
_SATURDAY = 5


@dataclass(frozen=True)
class CalendarOverrides:
    """Administrator decisions on top of the package's holidays.

    ``days_off``: extra days off (e.g. a provincial decision the package cannot know).
    ``working_days``: compensatory working days (ngày làm bù), usually a Saturday, when the package
    does not (yet) carry the swap.
    """

    days_off: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        both = self.days_off & self.working_days
        if both:
            listed = ", ".join(sorted(d.isoformat() for d in both))
            raise ValueError(f"dates both off and working: {listed}")


@functools.cache
def _package_year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """Public days off and swapped weekend working days of ``year`` from the ``holidays`` package.

    The package models the yearly swaps decided for civil servants (Labour Code 2019 art. 112 and
    the government's annual notices) as a weekday "day off (substituted from ...)" plus the worked
    weekend day in ``weekend_workdays``. A swap may cross a year boundary (2018-12-31 off for
    2019-01-05 worked; 2015-01-02 off for 2014-12-27), so the neighbouring years are generated too
    and the result is filtered to ``year``. The package data never changes at run time: cache it.
    """
    vietnam = holidays.country_holidays("VN", years=range(year - 1, year + 2))
    days_off = frozenset(day for day in vietnam if day.year == year)
    weekend_workdays = frozenset(day for day in vietnam.weekend_workdays if day.year == year)
    return days_off, weekend_workdays


def warm_holidays(today: date | None = None) -> None:
    """Compute the package's days of last year, this year and the next two (its imports too)."""
    year = (today or date.today()).year
    for each in range(year - 1, year + 3):
        _package_year(each)


def _to_decimal(amount: Decimal | int | float) -> Decimal:
    """A finite, non-negative amount as an exact Decimal (floats by their shortest repr)."""
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int | float):
        raise TypeError(f"amount must be a Decimal, int or float, not {type(amount).__name__}")
    # repr() keeps 0.1 as 0.1 instead of its binary expansion 0.1000000000000000055...
    value = Decimal(repr(amount)) if isinstance(amount, float) else Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"amount must be finite, got {amount}")
    if value < 0:
        raise ValueError(f"amount must not be negative, got {amount}")
    return value


def _microseconds(value: Decimal) -> timedelta:
    """Round an amount of microseconds to the nearest (ties to even, as ``timedelta`` does)."""
    return timedelta(microseconds=int(value.to_integral_value(rounding=ROUND_HALF_EVEN)))


class WorkingCalendar:
    """Working days and office time of a receiving office, in one time zone."""

    def __init__(
        self,
        office_hours: OfficeHours | None = None,
        overrides: CalendarOverrides | None = None,
        tz: ZoneInfo | None = None,
    ) -> None:
        self.office_hours = OfficeHours() if office_hours is None else office_hours
        self.overrides = CalendarOverrides() if overrides is None else overrides
        # Built here rather than at import: ZoneInfo reads the tz database.
        self.tz = ZoneInfo(VIETNAM_TZ_NAME) if tz is None else tz

    # -- days -------------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """Whether offices are open on ``day``.

        Open when it is an override working day, or when it is Monday to Friday, not a public
        holiday (Labour Code 2019 art. 112, observed and substituted days included, as the
        ``holidays`` package publishes them) and not an override day off. A weekend day the
        package lists as worked in exchange for a day off (e.g. Saturday 2026-08-22 for Monday
        2026-08-31) is a working day too, unless an override makes it a day off.
        """
        if day in self.overrides.working_days:
            return True
        if day in self.overrides.days_off:
            return False
        public_days_off, weekend_workdays = _package_year(day.year)
        if day.weekday() >= _SATURDAY:
            return day in weekend_workdays
        return day not in public_days_off

    def _working_day_on_or_after(self, day: date) -> date:
        # Terminates: only finitely many weekdays can be holidays or override days off.
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def _next_working_day(self, day: date) -> date:
        return self._working_day_on_or_after(day + _ONE_DAY)

    # -- instants ---------------------------------------------------------------------------

    def _local(self, instant: datetime) -> datetime:
        if instant.tzinfo is None or instant.utcoffset() is None:
            raise ValueError("naive datetime: pass a timezone-aware instant")
        return instant.astimezone(self.tz)

    def _at(self, day: date, clock: time) -> datetime:
        return datetime.combine(day, clock, tzinfo=self.tz)

    def _next_opening_local(self, local: datetime) -> datetime:
        """``local`` when inside a period (start inclusive, end exclusive), else the next start."""
        day = local.date()
        if self.is_working_day(day):
            clock = local.time()
            for start, end in self.office_hours.periods:
                if clock < end:
                    return local if clock >= start else self._at(day, start)
        return self._at(self._next_working_day(day), self.office_hours.opening)

    def next_opening(self, instant: datetime) -> datetime:
        """The instant itself when offices are open, else when they next open (UTC).

        A dossier received outside office hours counts as received at the next opening (DESIGN.md
        section 5; sector rules say so, e.g. Circular 87/2021/TT-BTC art. 10, while the general
        one-stop text, Decree 118/2025/NĐ-CP, was not found to). An instant exactly at a period
        end is outside: offices just closed.
        """
        return self._next_opening_local(self._local(instant)).astimezone(UTC)

    # -- arithmetic -------------------------------------------------------------------------

    def _add_office_time(self, start: datetime, amount: timedelta) -> datetime:
        """Advance ``start`` (local, inside office time) by ``amount`` of office time.

        A result exactly at a period end stays there: the office time is used up at 11:30 or 17:00,
        moving on to the next opening would add waiting time to the due time.
        """
        remaining = amount
        current = start
        day_length = self.office_hours.day_length
        while True:
            day = current.date()
            for period_start, period_end in self.office_hours.periods:
                end = self._at(day, period_end)
                if current >= end:
                    continue
                begin = max(current, self._at(day, period_start))
                available = end - begin
                if remaining <= available:
                    return begin + remaining
                remaining -= available
            day = self._next_working_day(day)
            # Whole office days at once; "strictly more" keeps a due time at the day's close.
            while remaining > day_length:
                remaining -= day_length
                day = self._next_working_day(day)
            current = self._at(day, self.office_hours.opening)

    def _add_working_days(self, opening: datetime, days: Decimal) -> datetime:
        """N working days: the same point of office time on the N-th following working day.

        One working day is one full office day whatever its length, so the whole part moves by
        working days at the same clock time (every working day has the same office hours); the
        fraction is that share of a day's office time, counted as office time elapsed from there.
        """
        whole = int(days)
        day = opening.date()
        for _ in range(whole):
            day = self._next_working_day(day)
        landed = self._at(day, opening.time())
        day_microseconds = Decimal(self.office_hours.day_length // _ONE_MICROSECOND)
        return self._add_office_time(landed, _microseconds((days - whole) * day_microseconds))

    def _add_calendar_days(self, opening: datetime, days: Decimal) -> datetime:
        """N calendar days, Civil Code 2015 art. 147-148.

        The period starts the day after the event and ends at the end of day N; when day N is a
        weekend day or a holiday it ends at the end of the next working day. "End of the day" for an
        office is the close of office hours. A fractional N is rounded up: a period of days is
        counted in whole days and the due date must never come before the legal one.
        """
        whole_days = int(days.to_integral_value(rounding=ROUND_CEILING))
        last_day = self._working_day_on_or_after(opening.date() + timedelta(days=whole_days))
        return self._at(last_day, self.office_hours.closing)

    def add(self, instant: datetime, amount: Decimal | int | float, unit: DurationUnit) -> datetime:
        """The due time ``amount`` ``unit`` after ``instant`` (UTC), e.g. the appointment date.

        The processing time of a procedure runs from receipt of the dossier (one-stop rules,
        Decree 118/2025/NĐ-CP); an instant outside office hours first moves to the next opening.
        Zero working days or hours gives that opening; zero calendar days, the close of its day.
        """
        unit = DurationUnit(unit)
        value = _to_decimal(amount)
        opening = self._next_opening_local(self._local(instant))
        if unit is DurationUnit.WORKING_DAYS:
            due = self._add_working_days(opening, value)
        elif unit is DurationUnit.WORKING_HOURS:
            due = self._add_office_time(opening, _microseconds(value * _MICROSECONDS_PER_HOUR))
        else:
            due = self._add_calendar_days(opening, value)
        return due.astimezone(UTC)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Office time between two instants (zero when ``end`` is not after ``start``).

        Used to extend a due time by working time paused (supplement requests) and to measure
        how late a dossier is. Iterates day by day.
        """
        start_local, end_local = self._local(start), self._local(end)
        total = timedelta(0)
        if end_local <= start_local:
            return total
        day = start_local.date()
        while day <= end_local.date():
            if self.is_working_day(day):
                for period_start, period_end in self.office_hours.periods:
                    begin = max(start_local, self._at(day, period_start))
                    finish = min(end_local, self._at(day, period_end))
                    if finish > begin:
                        total += finish - begin
            day += _ONE_DAY
        return total
