"""Procedures (the national record), process templates and procedure applications.

DESIGN.md section 3. Procedures and applications are versioned rows keyed by (code, version) and
(procedure, agency, version): national data is read-only once published, so a change is a new version
and older versions stay readable (dossiers keep the versions in force when they were submitted).
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BigInteger,
    Computed,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, TimestampMixin
from app.models.calendar import DurationUnit
from app.models.catalog import CODE_LENGTH, NAME_LENGTH, str_enum

# Fractions of a day are allowed (DESIGN.md section 3): three decimals hold 0.125 (one hour of eight).
AMOUNT = Numeric(10, 3)


class CatalogState(StrEnum):
    draft = "draft"
    published = "published"
    retired = "retired"


class OnlineLevel(StrEnum):
    """Decree 42/2022: toàn trình (full), một phần (partial); the old levels 4 and 3."""

    full = "full"
    partial = "partial"
    none = "none"


class SubmissionChannel(StrEnum):
    """The channels a dossier is submitted through, as the national record names them: in person
    (trực tiếp), online (trực tuyến), by post (bưu chính)."""

    desk = "desk"
    online = "online"
    postal = "postal"


class FeesDue(StrEnum):
    on_submission = "on_submission"
    on_request = "on_request"
    on_return = "on_return"


class TemplateKind(StrEnum):
    single_agency = "single_agency"  # một cửa
    same_level = "same_level"  # liên thông cùng cấp
    cross_level = "cross_level"  # liên thông giữa các cấp


class RunsAtKind(StrEnum):
    fixed = "fixed"  # a named agency
    receiving_office = "receiving_office"
    competent_agency = "competent_agency"  # the applying agency of the procedure application
    subject_unit_agency = "subject_unit_agency"  # competent agency of the subject's unit
    same_as = "same_as"  # the same place as an earlier step


class StepRole(StrEnum):
    receptionist = "receptionist"
    specialist = "specialist"
    leader = "leader"


@functools.lru_cache(maxsize=1024)  # equal amounts give equal results; search renders many
def _plain(amount: Decimal) -> Decimal:
    """``Decimal('1.000')`` → ``Decimal('1')`` so exports read like the files they came from."""
    return Decimal(format(amount.normalize(), "f"))


def duration(amount: Decimal | None, unit: DurationUnit | None) -> dict[str, Any] | None:
    if amount is None or unit is None:
        return None
    return {"amount": _plain(amount), "unit": str(unit)}


class Procedure(TimestampMixin, Base):
    """Thủ tục hành chính, one version of the national record."""

    __tablename__ = "procedures"
    __table_args__ = (
        UniqueConstraint("code", "version", name="uq_procedures_code_version"),
        # at most one current (latest published) version per code: what search and reads show
        Index(
            "uq_procedures_current_code",
            "code",
            unique=True,
            postgresql_where=text("is_current"),
        ),
        # Search reads current versions only, so the index holds only those. The catalog changes
        # rarely: no GIN pending list (fastupdate off), so searches never scan unindexed entries.
        Index(
            "ix_procedures_search_vector",
            "search_vector",
            postgresql_using="gin",
            postgresql_where=text("is_current"),
            postgresql_with={"fastupdate": "off"},
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    version: Mapped[int] = mapped_column(Integer)
    state: Mapped[CatalogState] = mapped_column(str_enum(CatalogState, "catalog_state"))
    is_current: Mapped[bool] = mapped_column(default=False)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    # app.services.text.fold(name), filled by the application: the C locale cannot fold Vietnamese
    name_folded: Mapped[str] = mapped_column(String(NAME_LENGTH))
    search_vector: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed("to_tsvector('simple'::regconfig, (name_folded || ' ') || code)", persisted=True),
    )
    field_code: Mapped[str] = mapped_column(ForeignKey("fields.code"), index=True)
    processing_time_amount: Mapped[Decimal] = mapped_column(AMOUNT)
    processing_time_unit: Mapped[DurationUnit] = mapped_column(
        str_enum(DurationUnit, "processing_time_unit")
    )
    online_processing_time_amount: Mapped[Decimal | None] = mapped_column(AMOUNT)
    online_processing_time_unit: Mapped[DurationUnit | None] = mapped_column(
        str_enum(DurationUnit, "online_processing_time_unit")
    )
    # desk / online / postal -> {amount, unit} where a channel's time differs (online mirrors the
    # online_processing_time columns)
    processing_time_by_channel: Mapped[dict[str, Any]] = mapped_column(
        JSONB, default=dict, server_default="{}"
    )
    fees: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    fees_due: Mapped[FeesDue] = mapped_column(str_enum(FeesDue, "fees_due"))
    documents: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    online_level: Mapped[OnlineLevel] = mapped_column(str_enum(OnlineLevel, "online_level"))
    levels: Mapped[list[str]] = mapped_column(JSONB)
    legal_basis: Mapped[list[str]] = mapped_column(JSONB)
    result: Mapped[str | None] = mapped_column(Text)
    sources: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    verified: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None]
    retired_at: Mapped[datetime | None]

    def content(self) -> dict[str, Any]:
        """The row in the catalog file format (``motcua.catalog/v2``)."""
        return {
            "code": self.code,
            "version": self.version,
            "state": str(self.state),
            "name": self.name,
            "field": self.field_code,
            "processing_time": duration(self.processing_time_amount, self.processing_time_unit),
            "online_processing_time": duration(
                self.online_processing_time_amount, self.online_processing_time_unit
            ),
            "processing_time_by_channel": self.processing_time_by_channel,
            "fees": self.fees,
            "fees_due": str(self.fees_due),
            "documents": self.documents,
            "online_level": str(self.online_level),
            "levels": self.levels,
            "legal_basis": self.legal_basis,
            "result": self.result,
            "sources": self.sources,
            "verified": self.verified,
            "notes": self.notes,
        }


class ProcessTemplate(TimestampMixin, Base):
    """Quy trình nội bộ / liên thông: ordered steps; a (code, version) never changes once stored."""

    __tablename__ = "process_templates"
    __table_args__ = (
        UniqueConstraint("code", "version", name="uq_process_templates_code_version"),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    kind: Mapped[TemplateKind] = mapped_column(str_enum(TemplateKind, "template_kind"))

    steps: Mapped[list[ProcessStep]] = relationship(
        lazy="raise",
        cascade="all, delete-orphan",
        order_by="ProcessStep.position",
    )

    def content(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "version": self.version,
            "name": self.name,
            "kind": str(self.kind),
            "steps": [step.content() for step in self.steps],
        }


class ProcessStep(Base):
    __tablename__ = "process_steps"
    __table_args__ = (
        UniqueConstraint("template_id", "position", name="uq_process_steps_template_position"),
        UniqueConstraint("template_id", "code", name="uq_process_steps_template_code"),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("process_templates.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    runs_at_kind: Mapped[RunsAtKind] = mapped_column(str_enum(RunsAtKind, "runs_at_kind"))
    runs_at_agency: Mapped[str | None] = mapped_column(ForeignKey("agencies.code"))
    runs_at_step: Mapped[str | None] = mapped_column(String(CODE_LENGTH))
    role: Mapped[StepRole] = mapped_column(str_enum(StepRole, "step_role"))
    duration_amount: Mapped[Decimal] = mapped_column(AMOUNT)
    duration_unit: Mapped[DurationUnit] = mapped_column(str_enum(DurationUnit, "duration_unit"))

    def content(self) -> dict[str, Any]:
        runs_at: dict[str, Any] = {"kind": str(self.runs_at_kind)}
        if self.runs_at_agency is not None:
            runs_at["agency"] = self.runs_at_agency
        if self.runs_at_step is not None:
            runs_at["step"] = self.runs_at_step
        return {
            "code": self.code,
            "name": self.name,
            "runs_at": runs_at,
            "role": str(self.role),
            "duration": duration(self.duration_amount, self.duration_unit),
        }


class ProcedureApplication(TimestampMixin, Base):
    """How one agency applies a procedure: receiving offices, local time and fees, template."""

    __tablename__ = "procedure_applications"
    __table_args__ = (
        UniqueConstraint(
            "procedure_code", "agency_code", "version", name="uq_procedure_applications_version"
        ),
        ForeignKeyConstraint(
            ["template_code", "template_version"],
            ["process_templates.code", "process_templates.version"],
            name="fk_procedure_applications_template_process_templates",
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    # the national code; versions of the procedure itself live in ``procedures``
    procedure_code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    state: Mapped[CatalogState] = mapped_column(str_enum(CatalogState, "catalog_state"))
    receiving_offices: Mapped[list[str]] = mapped_column(JSONB)
    # any one-stop desk of the province may receive it (Decree 118/2025: regardless of address)
    province_wide_reception: Mapped[bool] = mapped_column(default=False, server_default="false")
    # null: the national processing time / fees apply
    processing_time_amount: Mapped[Decimal | None] = mapped_column(AMOUNT)
    processing_time_unit: Mapped[DurationUnit | None] = mapped_column(
        str_enum(DurationUnit, "processing_time_unit")
    )
    fees: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONB)
    # whose merchant accounts collect the fees; None: the competent agency's (issue 15)
    payee_agency_code: Mapped[str | None] = mapped_column(ForeignKey("agencies.code"))
    template_code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    template_version: Mapped[int] = mapped_column(Integer)
    effective_from: Mapped[date]
    published_at: Mapped[datetime | None]
    retired_at: Mapped[datetime | None]

    def content(self) -> dict[str, Any]:
        return {
            "procedure": self.procedure_code,
            "agency": self.agency_code,
            "version": self.version,
            "state": str(self.state),
            "receiving_offices": self.receiving_offices,
            "province_wide_reception": self.province_wide_reception,
            "processing_time": duration(self.processing_time_amount, self.processing_time_unit),
            "fees": self.fees,
            "payee_agency": self.payee_agency_code,
            "template": self.template_code,
            "template_version": self.template_version,
            "effective_from": self.effective_from,
        }


class CatalogGeneration(Base):
    """One row: a number every write to the searchable catalog bumps, in the writer's transaction.

    Statement triggers on ``procedures`` and ``procedure_applications`` (migration 0007) do the bump,
    so no writer can forget it and a rolled-back write rolls the bump back too. The search cache keys
    its entries by this number: a reader that sees the new number also sees the new rows.
    """

    __tablename__ = "catalog_generation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
