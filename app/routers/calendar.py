"""Working calendar: public due-date preview; the province administrator's overrides of days off and
working days (the calendar is province-wide: one calendar for every office of the province)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from fastapi import Depends, Path, Query, Request, Response
from pydantic import AwareDatetime

from app.config import CALENDAR_TIME_ZONE, Settings
from app.errors import ProblemCode
from app.models.calendar import DurationUnit
from app.problems import JSON_BODY, problem_responses
from app.routing import ReadSession, Router, Session
from app.schemas.calendar import (
    CalendarDay,
    CalendarOverrideRead,
    CalendarOverrideWrite,
    DueDateRead,
    YearCalendarRead,
)
from app.security import PROVINCE_ADMIN_PROBLEMS, Administrator, require_province_admin
from app.services.calendar import overrides as calendar_service

router = Router(prefix="/api/v1/calendar", tags=["calendar"])
admin_router = Router(prefix="/api/v1/admin/calendar", tags=["admin: calendar"])


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


@router.get(
    "/due-date",
    operation_id="preview_due_date",
    summary="Tính thử ngày hẹn trả theo ngày, giờ làm việc",
    response_model=DueDateRead,
    responses=problem_responses(ProblemCode.validation_failed, ProblemCode.year_out_of_range),
)
async def preview_due_date(
    session: ReadSession,
    amount: Decimal = Query(
        gt=0, le=1000, max_digits=12, decimal_places=6, description="Thời hạn", examples=["1"]
    ),
    unit: DurationUnit = Query(description="Đơn vị thời hạn", examples=["working_days"]),
    start: AwareDatetime | None = Query(
        default=None,
        description="Thời điểm bắt đầu, ISO 8601 kèm múi giờ (mặc định: hiện tại)",
        examples=["2026-11-23T16:00:00+07:00"],
    ),
    settings: Settings = Depends(_settings),
) -> DueDateRead:
    """Previews the working-time calculation: the due date of a duration in working days or hours
    counted from a start instant, with the holidays, compensatory working days and office hours in
    force."""
    preview = await calendar_service.due_date(
        session, settings, start or datetime.now(UTC), amount, unit
    )
    zone = calendar_service.time_zone()
    return DueDateRead(
        start=preview.start,
        effective_start=preview.effective_start,
        effective_start_local=preview.effective_start.astimezone(zone),
        due_at=preview.due_at,
        due_at_local=preview.due_at.astimezone(zone),
        amount=preview.amount,
        unit=preview.unit,
        time_zone=CALENDAR_TIME_ZONE,
        office_hours=preview.office_hours,
        non_working_days=[CalendarDay.model_validate(d) for d in preview.non_working_days],
        weekend_working_days=[CalendarDay.model_validate(d) for d in preview.weekend_working_days],
    )


@admin_router.get(
    "",
    operation_id="admin_get_calendar_year",
    summary="Lịch làm việc của một năm: ngày lễ, ngày làm bù, điều chỉnh của quản trị",
    response_model=YearCalendarRead,
    responses=problem_responses(
        PROVINCE_ADMIN_PROBLEMS, ProblemCode.validation_failed, ProblemCode.year_out_of_range
    ),
)
async def get_year(
    session: ReadSession,
    year: int = Query(ge=calendar_service.MIN_YEAR, le=calendar_service.MAX_YEAR, examples=[2026]),
    admin: Administrator = Depends(require_province_admin),
    settings: Settings = Depends(_settings),
) -> YearCalendarRead:
    """The working calendar of a year: public holidays, compensatory working days and the
    administrator's overrides."""
    return YearCalendarRead.model_validate(
        await calendar_service.list_year(session, settings, year)
    )


_DAY = Path(description="Ngày (YYYY-MM-DD)", examples=["2026-12-31"])


@admin_router.put(
    "/{day}",
    operation_id="admin_set_calendar_override",
    summary="Thêm hoặc thay điều chỉnh lịch: ngày nghỉ thêm hoặc ngày làm việc bù",
    response_model=CalendarOverrideRead,
    responses={
        201: {"description": "Đã tạo điều chỉnh", "model": CalendarOverrideRead},
        **problem_responses(
            PROVINCE_ADMIN_PROBLEMS,
            JSON_BODY,
            ProblemCode.year_out_of_range,
            ProblemCode.reason_required,
            ProblemCode.already_day_off,
            ProblemCode.already_working_day,
        ),
    },
)
async def set_override(
    session: Session,
    body: CalendarOverrideWrite,
    response: Response,
    day: date = _DAY,
    admin: Administrator = Depends(require_province_admin),
    settings: Settings = Depends(_settings),
) -> CalendarOverrideRead:
    """Adds or replaces the override of one day: an extra day off or a compensatory working day (201
    when new). Recorded in the admin audit log."""
    override, created = await calendar_service.set_override(
        session, settings, day, body.kind, body.reason, admin.officer.user_id, actor=admin.actor
    )
    response.status_code = 201 if created else 200
    return CalendarOverrideRead.model_validate(override)


@admin_router.delete(
    "/{day}",
    operation_id="admin_delete_calendar_override",
    summary="Xóa điều chỉnh lịch của một ngày (áp dụng lại lịch nghỉ lễ chuẩn)",
    status_code=204,
    responses=problem_responses(
        PROVINCE_ADMIN_PROBLEMS,
        ProblemCode.calendar_override_not_found,
        ProblemCode.validation_failed,
    ),
)
async def delete_override(
    session: Session,
    day: date = _DAY,
    admin: Administrator = Depends(require_province_admin),
) -> Response:
    """Removes the override of one day: the standard holiday calendar applies again. Recorded in the
    admin audit log."""
    await calendar_service.delete_override(session, day, actor=admin.actor)
    return Response(status_code=204)
