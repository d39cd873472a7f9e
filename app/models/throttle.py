"""Throttling state shared by every API process (failed logins, failed public look-ups)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class ThrottleCounter(Base):
    __tablename__ = "throttle_counters"

    # sha256 of "scope:subject:client" — no raw username or IP address is stored
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[str] = mapped_column(String(32))
    failures: Mapped[int] = mapped_column(default=0)
    window_started_at: Mapped[datetime]
    blocked_until: Mapped[datetime | None]
