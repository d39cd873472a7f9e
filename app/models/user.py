"""Officer accounts: a user holds (agency, role) pairs."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Enum, ForeignKey, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, TimestampMixin


class Role(StrEnum):
    receptionist = "receptionist"  # cán bộ tiếp nhận (one-stop desk)
    specialist = "specialist"  # chuyên viên
    leader = "leader"  # lãnh đạo
    admin = "admin"  # quản trị


class User(TimestampMixin, Base):
    __tablename__ = "users"
    # server defaults (tokens_valid_after, timestamps) come back with RETURNING
    __mapper_args__ = {"eager_defaults": True}  # noqa: RUF012

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # stored lower-case; uniqueness is therefore case-insensitive without citext
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    # tokens issued before this instant are refused (logout everywhere, password change, suspension)
    tokens_valid_after: Mapped[datetime] = mapped_column(
        server_default=func.date_trunc("second", func.now())
    )

    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", lazy="raise", cascade="all, delete-orphan"
    )


class UserRole(Base):
    __tablename__ = "user_roles"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    # electronic identifier code of the agency (QCVN 102:2016), kept as an opaque string
    agency_code: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    role: Mapped[Role] = mapped_column(
        Enum(Role, native_enum=False, create_constraint=True, length=32, name="role"),
        primary_key=True,
    )

    user: Mapped[User] = relationship(back_populates="roles", lazy="raise")
