"""Every model module, imported so ``Base.metadata`` is complete for Alembic and tests."""

from app.models.base import Base
from app.models.calendar import CalendarOverride, OverrideKind
from app.models.outbox import OutboxMessage, PeriodicJobState
from app.models.throttle import ThrottleCounter
from app.models.upload import OwnerKind, Upload, UploadPurpose
from app.models.user import Role, User, UserRole

__all__ = [
    "Base",
    "CalendarOverride",
    "OutboxMessage",
    "OverrideKind",
    "OwnerKind",
    "PeriodicJobState",
    "Role",
    "ThrottleCounter",
    "Upload",
    "UploadPurpose",
    "User",
    "UserRole",
]
