"""Every model module, imported so ``Base.metadata`` is complete for Alembic and tests."""

from app.models.base import Base
from app.models.outbox import OutboxMessage, PeriodicJobState
from app.models.throttle import ThrottleCounter
from app.models.user import Role, User, UserRole

__all__ = [
    "Base",
    "OutboxMessage",
    "PeriodicJobState",
    "Role",
    "ThrottleCounter",
    "User",
    "UserRole",
]
