"""The administrators' audit log: one append-only row per administrative change (issue 11).

Written in the transaction of the change it records (``system.audit.record``), so a change and its row
commit together or not at all. Neither the application nor anyone else updates or deletes a row: a
trigger of the database refuses both (migration 0010). A row names who acted (username and the agency
whose administrator role allowed it), when, the action, its target and a small summary of what
changed: never a password, a token or a citizen's personal data.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, Identity, Index, String, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class AdminAction(StrEnum):
    """What an administrator did; ``<target type>.<verb>``."""

    user_create = "user.create"
    user_update = "user.update"
    user_reset_password = "user.reset_password"  # noqa: S105 - an action name, not a secret
    user_revoke_tokens = "user.revoke_tokens"
    unit_put = "unit.put"
    agency_put = "agency.put"
    field_put = "field.put"
    procedure_create = "procedure.create"
    procedure_change = "procedure.change"
    procedure_publish = "procedure.publish"
    procedure_retire = "procedure.retire"
    template_create = "template.create"
    application_create = "application.create"
    application_change = "application.change"
    application_publish = "application.publish"
    application_retire = "application.retire"
    calendar_set_override = "calendar.set_override"
    calendar_delete_override = "calendar.delete_override"
    outbox_replay = "outbox.replay"
    payment_refund = "payment.refund"


class AuditTarget(StrEnum):
    user = "user"
    unit = "unit"
    agency = "agency"
    field = "field"
    procedure = "procedure"
    template = "template"
    application = "application"
    calendar_day = "calendar_day"
    outbox = "outbox"
    payment = "payment"


class AdminAuditEntry(Base):
    __tablename__ = "admin_audit_log"
    __table_args__ = (
        # the reader's filters, each newest first (keyset on id)
        Index("ix_admin_audit_log_actor", "actor_username", "id"),
        Index("ix_admin_audit_log_action", "action", "id"),
        Index("ix_admin_audit_log_target", "target_type", "target_key", "id"),
        Index("ix_admin_audit_log_at", "at"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    # the transaction's time: every row of one change carries the same instant
    at: Mapped[datetime] = mapped_column(server_default=func.now())
    actor_username: Mapped[str] = mapped_column(String(64))
    # the agency whose administrator role allowed the change (the root for the province admin)
    actor_agency: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target_type: Mapped[str] = mapped_column(String(32))
    target_key: Mapped[str] = mapped_column(String(200))
    changes: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
