"""Administrator overrides of the working calendar: extra days off and compensatory working days."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class OverrideKind(StrEnum):
    day_off = (
        "day_off"  # extra day off (e.g. a provincial decision the holidays package cannot know)
    )
    working_day = "working_day"  # compensatory working day (ngày làm bù) the package does not carry


class CalendarOverride(Base):
    """One day whose working status an administrator decided; at most one decision per day."""

    __tablename__ = "calendar_overrides"
    __table_args__ = (CheckConstraint("length(btrim(reason)) > 0", name="reason_not_empty"),)

    day: Mapped[date] = mapped_column(primary_key=True)
    kind: Mapped[OverrideKind] = mapped_column(
        Enum(
            OverrideKind,
            native_enum=False,
            create_constraint=True,
            length=16,
            name="calendar_override_kind",
        )
    )
    reason: Mapped[str] = mapped_column(Text)
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class DurationUnit(StrEnum):
    """Units of a processing time as the national procedure database states them."""

    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    CALENDAR_DAYS = "calendar_days"

    @property
    def label_vi(self) -> str:
        """How citizens and officers read the unit ("3 ngày làm việc")."""
        return {
            "working_days": "ngày làm việc",
            "working_hours": "giờ làm việc",
            "calendar_days": "ngày",
        }[self.value]
