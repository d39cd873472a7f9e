"""Working calendar: due-date preview and administrator overrides."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from app.models.calendar import DurationUnit, OverrideKind
from app.schemas.common import LocalDateTime


class CalendarDay(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    day: date
    kind: str = Field(
        description="public_holiday, compensatory_working_day, override_day_off hoặc "
        "override_working_day",
        examples=["public_holiday"],
    )
    name: str = Field(description="Tên ngày lễ hoặc lý do", examples=["Ngày Văn hóa Việt Nam"])


class DueDateRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "example": {
                "start": "2026-11-23T16:00:00+07:00",
                "effective_start": "2026-11-23T16:00:00+07:00",
                "effective_start_local": "2026-11-23T16:00:00+07:00",
                "due_at": "2026-11-25T16:00:00+07:00",
                "due_at_local": "2026-11-25T16:00:00+07:00",
                "amount": "1",
                "unit": "working_days",
                "time_zone": "Asia/Ho_Chi_Minh",
                "office_hours": "07:30-11:30,13:00-17:00",
                "non_working_days": [
                    {"day": "2026-11-24", "kind": "public_holiday", "name": "Ngày Văn hóa Việt Nam"}
                ],
                "weekend_working_days": [],
            }
        },
    )

    start: LocalDateTime = Field(
        description="Thời điểm bắt đầu như đã gửi (hoặc thời điểm hiện tại)"
    )
    effective_start: LocalDateTime = Field(
        description="Thời điểm bắt đầu tính (giờ mở cửa kế tiếp nếu ngoài giờ làm việc), giờ Việt Nam"
    )
    effective_start_local: LocalDateTime = Field(
        description="Như `effective_start` (giữ để tương thích: mọi thời điểm đều theo giờ Việt Nam)"
    )
    due_at: LocalDateTime = Field(description="Thời điểm hẹn trả, giờ Việt Nam (+07:00)")
    due_at_local: LocalDateTime = Field(
        description="Như `due_at` (giữ để tương thích: mọi thời điểm đều theo giờ Việt Nam)"
    )
    amount: Decimal
    unit: DurationUnit
    time_zone: str = Field(examples=["Asia/Ho_Chi_Minh"])
    office_hours: str = Field(examples=["07:30-11:30,13:00-17:00"])
    non_working_days: list[CalendarDay] = Field(
        description="Ngày thường (thứ Hai–thứ Sáu) trong khoảng thời gian mà không làm việc"
    )
    weekend_working_days: list[CalendarDay] = Field(
        description="Ngày cuối tuần trong khoảng thời gian mà vẫn làm việc (làm bù)"
    )


class CalendarOverrideWrite(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {"kind": "day_off", "reason": "Nghỉ theo quyết định của UBND tỉnh (demo)"}
        },
    )

    kind: OverrideKind = Field(description="day_off: thêm ngày nghỉ; working_day: ngày làm việc bù")
    reason: str = Field(min_length=1, max_length=500, pattern=r"\S")


class CalendarOverrideRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "example": {
                "day": "2026-12-31",
                "kind": "day_off",
                "reason": "Nghỉ theo quyết định của UBND tỉnh (demo)",
                "created_by": "3f1c2a5e-8d4b-4c1e-9b7a-2f6d5e4c3b2a",
                "created_at": "2026-11-23T09:00:00+07:00",
            }
        },
    )

    day: date
    kind: OverrideKind
    reason: str
    created_by: uuid.UUID | None
    created_at: LocalDateTime


class YearCalendarRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "example": {
                "year": 2026,
                "office_hours": "07:30-11:30,13:00-17:00",
                "working_day_count": 248,
                "public_holidays": [
                    {"day": "2026-11-24", "kind": "public_holiday", "name": "Ngày Văn hóa Việt Nam"}
                ],
                "compensatory_working_days": [
                    {
                        "day": "2026-08-22",
                        "kind": "compensatory_working_day",
                        "name": "Ngày làm việc bù cho ngày nghỉ 31/08/2026",
                    }
                ],
                "overrides": [],
            }
        },
    )

    year: int
    office_hours: str
    working_day_count: int = Field(description="Số ngày làm việc trong năm sau mọi điều chỉnh")
    public_holidays: list[CalendarDay] = Field(
        description="Ngày nghỉ lễ, Tết theo gói `holidays` (kể cả nghỉ bù, hoán đổi ngày nghỉ)"
    )
    compensatory_working_days: list[CalendarDay] = Field(
        description="Ngày cuối tuần làm việc bù mà gói `holidays` đã biết"
    )
    overrides: list[CalendarOverrideRead]
