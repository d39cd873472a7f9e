"""Every model module, imported so ``Base.metadata`` is complete for Alembic and tests."""

from app.models.base import Base
from app.models.catalog import AdministrativeUnit, Agency, Field
from app.models.procedure import (
    Procedure,
    ProcedureApplication,
    ProcessStep,
    ProcessTemplate,
)
from app.models.throttle import ThrottleCounter
from app.models.user import Role, User, UserRole

__all__ = [
    "AdministrativeUnit",
    "Agency",
    "Base",
    "Field",
    "Procedure",
    "ProcedureApplication",
    "ProcessStep",
    "ProcessTemplate",
    "Role",
    "ThrottleCounter",
    "User",
    "UserRole",
]
