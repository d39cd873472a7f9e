"""Every model module, imported so ``Base.metadata`` is complete for Alembic and tests."""

from app.models.audit import AdminAction, AdminAuditEntry, AuditTarget
from app.models.base import Base
from app.models.calendar import CalendarOverride, OverrideKind
from app.models.catalog import AdministrativeUnit, Agency, Field
from app.models.dossier import (
    Dossier,
    DossierCodeCounter,
    DossierDocument,
    DossierEvent,
    DossierFeeLine,
    DossierStep,
    IdempotencyKey,
)
from app.models.outbox import OutboxMessage, PeriodicJobState
from app.models.payment import Payment, PaymentAlert, PaymentCallback
from app.models.procedure import (
    CatalogGeneration,
    Procedure,
    ProcedureApplication,
    ProcessStep,
    ProcessTemplate,
)
from app.models.stats import StatsDaily, StatsDossierFact, StatsMonthSnapshot
from app.models.throttle import ThrottleCounter
from app.models.upload import OwnerKind, Upload, UploadPurpose
from app.models.user import Role, User, UserRole

__all__ = [
    "AdminAction",
    "AdminAuditEntry",
    "AdministrativeUnit",
    "Agency",
    "AuditTarget",
    "Base",
    "CalendarOverride",
    "CatalogGeneration",
    "Dossier",
    "DossierCodeCounter",
    "DossierDocument",
    "DossierEvent",
    "DossierFeeLine",
    "DossierStep",
    "Field",
    "IdempotencyKey",
    "OutboxMessage",
    "OverrideKind",
    "OwnerKind",
    "Payment",
    "PaymentAlert",
    "PaymentCallback",
    "PeriodicJobState",
    "Procedure",
    "ProcedureApplication",
    "ProcessStep",
    "ProcessTemplate",
    "Role",
    "StatsDaily",
    "StatsDossierFact",
    "StatsMonthSnapshot",
    "ThrottleCounter",
    "Upload",
    "UploadPurpose",
    "User",
    "UserRole",
]
