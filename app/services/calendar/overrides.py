"""The working calendar as stored: administrator overrides on top of the public holidays.

``load_calendar`` builds the ``WorkingCalendar`` every due-date computation uses (office hours from
the settings, Vietnam's public holidays from the ``holidays`` package, the overrides from the
database); it reads one small table, or the process's cache of it (``cache``).
"""

from __future__ import annotations

import functools
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import holidays
from sqlalchemy import delete, event, extract, func, literal_column, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Executable

from app.config import CALENDAR_TIME_ZONE, Settings
from app.errors import NotFound, ProblemCode, ValidationFailed
from app.models.audit import AdminAction, AuditTarget
from app.models.calendar import CalendarOverride, DurationUnit, OverrideKind
from app.services.calendar.cache import CHANNEL as CACHE_CHANNEL
from app.services.calendar.cache import INFO_KEY as CACHE_KEY
from app.services.calendar.cache import OverridesCache
from app.services.calendar.working_time import CalendarOverrides, WorkingCalendar
from app.services.system import audit
from app.services.system.audit import AuditActor

# The `holidays` package and our arithmetic are meant for present-day dates; outside this range a
# request is refused rather than computed (and far years would overflow `datetime`).
MIN_YEAR = 2000
MAX_YEAR = 2100

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5


@dataclass(frozen=True)
class NamedDay:
    """A day with why it is special: ``kind`` is public_holiday, compensatory_working_day,
    override_day_off or override_working_day."""

    day: date
    kind: str
    name: str


@dataclass(frozen=True)
class DueDate:
    start: datetime
    effective_start: datetime
    due_at: datetime
    amount: Decimal
    unit: DurationUnit
    office_hours: str
    non_working_days: list[NamedDay]
    weekend_working_days: list[NamedDay]


@dataclass(frozen=True)
class YearCalendar:
    year: int
    office_hours: str
    working_day_count: int
    public_holidays: list[NamedDay]
    compensatory_working_days: list[NamedDay]
    overrides: list[CalendarOverride]


def time_zone() -> ZoneInfo:
    return ZoneInfo(CALENDAR_TIME_ZONE)


@functools.cache
def _package_names(year: int) -> dict[date, NamedDay]:
    """Vietnamese names of the package's days off and swapped working days of ``year``.

    A swapped working day (e.g. Saturday 2026-08-22) has no name of its own in the package; the
    day off it pays for is named "Ngày nghỉ (thay cho ngày 22/08/2026)", so it is looked up by date.
    """
    vietnam = holidays.country_holidays("VN", years=range(year - 1, year + 2), language="vi")
    named = {
        day: NamedDay(day, "public_holiday", str(name))
        for day, name in vietnam.items()
        if day.year == year
    }
    for workday in sorted(vietnam.weekend_workdays):
        if workday.year != year:
            continue
        paid_for = [off for off, name in vietnam.items() if f"{workday:%d/%m/%Y}" in str(name)]
        name = "Ngày làm việc bù" + (f" cho ngày nghỉ {paid_for[0]:%d/%m/%Y}" if paid_for else "")
        named[workday] = NamedDay(workday, "compensatory_working_day", name)
    return named


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationFailed(
            f"Chỉ hỗ trợ các năm từ {MIN_YEAR} đến {MAX_YEAR}.", code=ProblemCode.year_out_of_range
        )


def _overrides_of(rows: list[CalendarOverride]) -> CalendarOverrides:
    return CalendarOverrides(
        days_off=frozenset(r.day for r in rows if r.kind is OverrideKind.day_off),
        working_days=frozenset(r.day for r in rows if r.kind is OverrideKind.working_day),
    )


async def _all_overrides(session: AsyncSession) -> list[CalendarOverride]:
    return list(await session.scalars(select(CalendarOverride).order_by(CalendarOverride.day)))


# every override's day and kind: all a calendar needs, read without building ORM entities
_OVERRIDE_DAYS = select(CalendarOverride.day, CalendarOverride.kind)


async def load_calendar(session: AsyncSession, settings: Settings) -> WorkingCalendar:
    """The working calendar in force: settings' office hours, public holidays, every override.

    Every lifecycle action computes with it (the IPN's write path included). The overrides come
    from the process's cache when the session carries one that may be used now
    (``calendar.cache``: exact, kept current by PostgreSQL's notices), else from the table, as two
    columns."""
    cache: OverridesCache | None = session.info.get(CACHE_KEY)
    overrides = cache.get() if cache is not None else None
    if overrides is None:
        generation = cache.generation() if cache is not None else 0
        read_at = time.monotonic()
        rows = (await session.execute(_OVERRIDE_DAYS)).all()
        overrides = CalendarOverrides(
            days_off=frozenset(day for day, kind in rows if kind is OverrideKind.day_off),
            working_days=frozenset(day for day, kind in rows if kind is OverrideKind.working_day),
        )
        if cache is not None:
            cache.put(overrides, generation, read_at)
    return WorkingCalendar(settings.calendar_office_hours, overrides, time_zone())


# sent in the transaction that changes an override: delivered to every listener when it commits
_NOTIFY_CHANGED = select(func.pg_notify(CACHE_CHANNEL, ""))


async def _notify_changed(session: AsyncSession) -> None:
    """Tell every process's cache that the overrides changed, when this transaction commits; this
    process's own forgets at once then (a notice arrives a moment later: the writer's next request
    must already compute with the change)."""
    await session.execute(_NOTIFY_CHANGED)
    cache: OverridesCache | None = session.info.get(CACHE_KEY)
    if cache is not None:
        event.listen(session.sync_session, "after_commit", cache.forget_after_commit, once=True)


def _describe(day: date, calendar: WorkingCalendar, reasons: dict[date, str]) -> NamedDay:
    if day in reasons:
        kind = "override_working_day" if calendar.is_working_day(day) else "override_day_off"
        return NamedDay(day, kind, reasons[day])
    package = _package_names(day.year).get(day)
    return package if package is not None else NamedDay(day, "public_holiday", "Ngày nghỉ")


async def due_date(
    session: AsyncSession,
    settings: Settings,
    start: datetime,
    amount: Decimal,
    unit: DurationUnit,
) -> DueDate:
    """Preview of the appointment date: ``amount`` ``unit`` after ``start`` (DESIGN.md section 5).

    Besides the due time it lists the weekdays in the period that are not worked (holidays, days
    off decided by an administrator) and the weekend days that are (compensatory working days),
    so a caller can see why the date falls where it does.
    """
    _check_year(start.astimezone(time_zone()).year)
    rows = await _all_overrides(session)
    calendar = WorkingCalendar(settings.calendar_office_hours, _overrides_of(rows), time_zone())
    effective_start = calendar.next_opening(start)
    due_at = calendar.add(start, amount, unit)
    _check_year(due_at.astimezone(time_zone()).year)
    reasons = {row.day: row.reason for row in rows}
    non_working: list[NamedDay] = []
    weekend_working: list[NamedDay] = []
    day = effective_start.astimezone(time_zone()).date()
    last = due_at.astimezone(time_zone()).date()
    while day <= last:
        weekend = day.weekday() >= _SATURDAY
        working = calendar.is_working_day(day)
        if not weekend and not working:
            non_working.append(_describe(day, calendar, reasons))
        elif weekend and working:
            weekend_working.append(_describe(day, calendar, reasons))
        day += _ONE_DAY
    return DueDate(
        start=start,
        effective_start=effective_start,
        due_at=due_at,
        amount=amount,
        unit=unit,
        office_hours=str(calendar.office_hours),
        non_working_days=non_working,
        weekend_working_days=weekend_working,
    )


async def list_year(session: AsyncSession, settings: Settings, year: int) -> YearCalendar:
    """Public holidays and swapped working days the ``holidays`` package knows for ``year`` (with
    their Vietnamese names), the administrator overrides of that year and the resulting count of
    working days."""
    _check_year(year)
    calendar = await load_calendar(session, settings)
    overrides = [
        row
        for row in await session.scalars(
            select(CalendarOverride)
            .where(extract("year", CalendarOverride.day) == year)
            .order_by(CalendarOverride.day)
        )
    ]
    named = sorted(_package_names(year).values(), key=lambda d: d.day)
    day, count = date(year, 1, 1), 0
    while day.year == year:
        count += calendar.is_working_day(day)
        day += _ONE_DAY
    return YearCalendar(
        year=year,
        office_hours=str(calendar.office_hours),
        working_day_count=count,
        public_holidays=[d for d in named if d.kind == "public_holiday"],
        compensatory_working_days=[d for d in named if d.kind == "compensatory_working_day"],
        overrides=overrides,
    )


async def set_override(
    session: AsyncSession,
    settings: Settings,
    day: date,
    kind: OverrideKind,
    reason: str,
    actor_id: uuid.UUID | None,
    *,
    actor: AuditActor | None = None,
) -> tuple[CalendarOverride, bool]:
    """Create or replace the override of ``day``; returns it and whether it was created.

    An override must change something: an extra day off on a day that is not worked anyway, or a
    compensatory working day on a day that is worked anyway, is refused (judged without the day's
    current override, so a decision can be replaced by its opposite only through deletion).
    Labour Code 2019 art. 112 and the government's yearly notices fix the public holidays; a
    province may still decide extra days off or swaps for its own offices, hence overrides.
    """
    _check_year(day.year)
    reason = reason.strip()
    if not reason:
        raise ValidationFailed("Lý do không được để trống.", code=ProblemCode.reason_required)
    others = [row for row in await _all_overrides(session) if row.day != day]
    base = WorkingCalendar(settings.calendar_office_hours, _overrides_of(others), time_zone())
    works = base.is_working_day(day)
    if kind is OverrideKind.day_off and not works:
        raise ValidationFailed(
            f"Ngày {day:%d/%m/%Y} vốn đã là ngày nghỉ ({_why_off(day)}); không cần thêm ngày nghỉ.",
            code=ProblemCode.already_day_off,
        )
    if kind is OverrideKind.working_day and works:
        raise ValidationFailed(
            f"Ngày {day:%d/%m/%Y} vốn đã là ngày làm việc; không cần thêm ngày làm việc bù.",
            code=ProblemCode.already_working_day,
        )
    values = {
        "kind": kind,
        "reason": reason,
        "created_by": actor_id,
        "created_at": datetime.now(UTC),
    }
    # One statement, so two administrators deciding the same day at once cannot collide on the key.
    statement: Executable = (
        insert(CalendarOverride)
        .values(day=day, **values)
        .on_conflict_do_update(index_elements=[CalendarOverride.day], set_=values)
        .returning(CalendarOverride, literal_column("xmax = 0").label("inserted"))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).one()
    await _notify_changed(session)
    await audit.record(
        session,
        actor,
        AdminAction.calendar_set_override,
        AuditTarget.calendar_day,
        day.isoformat(),
        {"kind": str(kind), "reason": reason, "created": bool(row[1])},
    )
    return row[0], bool(row[1])


def _why_off(day: date) -> str:
    package = _package_names(day.year).get(day)
    if package is not None and package.kind == "public_holiday":
        return package.name
    if day.weekday() >= _SATURDAY:
        return "cuối tuần"
    return "ngày nghỉ do quản trị quy định"


async def delete_override(
    session: AsyncSession, day: date, *, actor: AuditActor | None = None
) -> None:
    """Remove the override of ``day``; the package's holidays apply again. 404 when there is none."""
    deleted = await session.scalar(
        delete(CalendarOverride).where(CalendarOverride.day == day).returning(CalendarOverride.day)
    )
    if deleted is None:
        raise NotFound(
            f"Không có điều chỉnh lịch làm việc cho ngày {day:%d/%m/%Y}.",
            code=ProblemCode.calendar_override_not_found,
        )
    await _notify_changed(session)
    await audit.record(
        session, actor, AdminAction.calendar_delete_override, AuditTarget.calendar_day, str(day)
    )
