"""The processing clock: what each action does to the dossier's time, as the lifecycle table says.

The ``clock`` column of the table (``lifecycle.Clock``) is the only place that decides it; ``actions``
applies it here for every action, whoever the actor (officer, citizen, the system's sweeps, a payment
gateway). Legal frame: Decree 118/2025/NĐ-CP (receipt issues the appointment date; a supplement
request or a financial obligation pauses processing, and the appointment moves by the time paused);
DESIGN.md sections 3-5 for the counting.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.models.calendar import DurationUnit
from app.models.dossier import Dossier, DossierStep
from app.models.procedure import Procedure, ProcedureApplication
from app.services.calendar.working_time import WorkingCalendar
from app.services.catalog import reads as catalog_service
from app.services.dossiers.lifecycle import Clock

# Built once (their SQL cache keys too), every value bound: every action's clock reads through them.
_OPEN_STEP = (
    select(DossierStep)
    .where(DossierStep.dossier_id == bindparam("dossier_id"), DossierStep.finished_at.is_(None))
    .order_by(DossierStep.id.desc())
    .limit(1)
)
# both versions in one round trip, their time columns only (no entities to build)
_PROCESSING_TIMES = (
    select(*catalog_service.PROCESSING_TIME_COLUMNS)
    .select_from(ProcedureApplication)
    .join(Procedure, Procedure.id == bindparam("procedure_id"))
    .where(ProcedureApplication.id == bindparam("application_id"))
)


# the open step and the processing time together, for the clock's resumption (one round trip)
_OPEN_STEP_LATERAL = _OPEN_STEP.lateral("open_step")
_OPEN_STEP_ROW = aliased(DossierStep, _OPEN_STEP_LATERAL)
_OPEN_STEP_AND_TIMES = _PROCESSING_TIMES.add_columns(_OPEN_STEP_ROW).outerjoin(
    _OPEN_STEP_LATERAL, true()
)


async def open_step(session: AsyncSession, dossier: Dossier) -> DossierStep | None:
    """The dossier's step in progress (not finished), if any."""
    found: DossierStep | None = await session.scalar(_OPEN_STEP, {"dossier_id": dossier.id})
    return found


async def processing_time_of(
    session: AsyncSession, dossier: Dossier
) -> tuple[Decimal, DurationUnit]:
    """The processing time the dossier runs under: its versions in force at submission, its channel."""
    params = {"procedure_id": dossier.procedure_id, "application_id": dossier.application_id}
    row = (await session.execute(_PROCESSING_TIMES, params)).one()
    return catalog_service.ProcessingTimes(*row).for_channel(dossier.channel.value)


async def _start(
    session: AsyncSession, dossier: Dossier, calendar: WorkingCalendar, now: datetime
) -> None:
    """Receipt: ``due_at`` = receipt + the processing time in force (no receipt without it)."""
    amount, unit = await processing_time_of(session, dossier)
    dossier.received_at = now
    dossier.due_at = calendar.add(now, amount, unit)


def _pause(dossier: Dossier, now: datetime) -> None:
    """Remember the status and step to return to; from now on the clock does not count."""
    dossier.resume_status = dossier.status
    dossier.resume_step = dossier.current_step
    dossier.paused_at = now


def _plus_calendar_days(calendar: WorkingCalendar, due: datetime, days: int) -> datetime:
    """``due`` moved by ``days`` calendar days: the close of office hours of that day, or of the next
    working day when it is a weekend day or a holiday (Civil Code 2015 art. 148)."""
    day = due.astimezone(calendar.tz).date() + timedelta(days=days)
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return datetime.combine(day, calendar.office_hours.closing, tzinfo=calendar.tz).astimezone(UTC)


async def _move_by_pause(
    session: AsyncSession, dossier: Dossier, calendar: WorkingCalendar, now: datetime
) -> None:
    """The pause ends at ``now``: ``due_at`` and the open step's due time move by the time paused.

    DESIGN.md section 3 as issue 12 refines it. A procedure counted in working days or hours moves
    by the working time paused. A procedure counted in calendar days moves by the calendar days the
    pause lasted: counting starts the day after the event whatever its hour (Civil Code 2015
    art. 147), so a pause from Monday to Thursday adds 3 days. The period is then the processing
    time plus every day paused so far, counted from receipt, and ends at the close of office hours
    of its last day, or of the next working day when that day is not one (art. 148): a due date that
    had rolled over a holiday does not roll twice.
    """
    if dossier.paused_at is None or dossier.due_at is None or dossier.received_at is None:
        return
    params = {
        "procedure_id": dossier.procedure_id,
        "application_id": dossier.application_id,
        "dossier_id": dossier.id,
    }
    *times, step = (await session.execute(_OPEN_STEP_AND_TIMES, params)).one()
    amount, unit = catalog_service.ProcessingTimes(*times).for_channel(dossier.channel.value)
    if unit is DurationUnit.CALENDAR_DAYS:
        local = calendar.tz
        days = (now.astimezone(local).date() - dossier.paused_at.astimezone(local).date()).days
        if days > 0:
            dossier.calendar_days_paused += days
            dossier.due_at = calendar.add(
                dossier.received_at, amount + dossier.calendar_days_paused, unit
            )
            if step is not None and step.due_at is not None:
                step.due_at = _plus_calendar_days(calendar, step.due_at, days)
        return
    paused = calendar.working_time_between(dossier.paused_at, now)
    if paused:
        hours = Decimal(paused.total_seconds()) / Decimal(3600)
        dossier.due_at = calendar.add(dossier.due_at, hours, DurationUnit.WORKING_HOURS)
        if step is not None and step.due_at is not None:
            step.due_at = calendar.add(step.due_at, hours, DurationUnit.WORKING_HOURS)


async def _resume(
    session: AsyncSession, dossier: Dossier, calendar: WorkingCalendar, now: datetime
) -> None:
    """Back to the remembered status and step; ``due_at`` moves by the time paused."""
    await _move_by_pause(session, dossier, calendar, now)
    dossier.current_step = dossier.resume_step
    dossier.paused_at = None
    dossier.resume_step = None
    dossier.supplement_deadline_at = None


async def _finish(
    session: AsyncSession, dossier: Dossier, calendar: WorkingCalendar, now: datetime
) -> None:
    """An ending of a received dossier records the end of processing (``finished_at``).

    Decision 766/QĐ-TTg, index 2.1 (reference/vn-regulations.md section 4.3): processing ends at the
    first of resolution, return, stop, refusal, and the applicant's withdrawal of a received dossier;
    on time means ``finished_at <= due_at``. A later ending (returning a resolved dossier's result)
    keeps the first. A dossier never received has no processing to end. Ending a pause (a stop
    when the supplement deadline passes, a withdrawal while paused) first moves ``due_at`` by the
    time paused, as a resumption would: the time paused is not processing time.
    """
    if dossier.received_at is None or dossier.finished_at is not None:
        return
    if dossier.paused_at is not None:
        await _move_by_pause(session, dossier, calendar, now)
    dossier.finished_at = now


async def apply(
    clock: Clock,
    session: AsyncSession,
    dossier: Dossier,
    calendar: WorkingCalendar,
    now: datetime,
) -> dict[str, Any]:
    """Apply the table's clock effect to ``dossier`` (after the action's own effect and checks, before
    the status changes); returns what the event records of it."""
    if clock is Clock.start:
        await _start(session, dossier, calendar, now)
        assert dossier.due_at is not None
        return {"due_at": dossier.due_at.isoformat()}
    if clock is Clock.pause:
        _pause(dossier, now)
    elif clock is Clock.resume:
        await _resume(session, dossier, calendar, now)
    elif clock is Clock.finish:
        await _finish(session, dossier, calendar, now)
        if dossier.finished_at is not None:
            return {"on_time": dossier.on_time}
    return {}
