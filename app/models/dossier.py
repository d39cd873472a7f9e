"""Dossiers (hồ sơ), their append-only events, per-step progress, documents, fee lines, and the
per-office daily code counter (DESIGN.md sections 3, 4 and 6)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ColumnElement,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    and_,
    case,
    null,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin
from app.models.catalog import CODE_LENGTH, NAME_LENGTH, str_enum


class DossierStatus(StrEnum):
    submitted = "submitted"
    received = "received"
    rejected = "rejected"
    in_progress = "in_progress"
    supplement_requested = "supplement_requested"
    awaiting_payment = "awaiting_payment"
    withdrawn = "withdrawn"
    stopped = "stopped"
    resolved = "resolved"
    returned = "returned"
    # refused after appraisal by the processing agency (the dossier does not meet the conditions)
    refused = "refused"


class Action(StrEnum):
    receive = "receive"
    reject = "reject"
    request_supplement = "request_supplement"
    supplement = "supplement"
    assign = "assign"
    forward = "forward"
    send_back = "send_back"
    request_payment = "request_payment"
    record_payment = "record_payment"
    reschedule = "reschedule"
    stop = "stop"
    resolve = "resolve"
    return_result = "return_result"
    withdraw = "withdraw"
    rate = "rate"
    refuse = "refuse"  # the processing agency's reasoned refusal after appraisal
    record_delivery = "record_delivery"  # the post delivered a result sent by post


# The statuses in which the processing clock runs (received, being processed): "overdue" applies only
# to them; paused dossiers (supplement, payment) have their appointment moved on resume instead.
CLOCK_RUNNING = frozenset({DossierStatus.received, DossierStatus.in_progress})


class IdentifierKind(StrEnum):
    personal_id = "personal_id"  # số định danh cá nhân / CCCD: 12 digits
    passport = "passport"
    tax_code = "tax_code"  # mã số thuế: 10 digits, or 10 digits + "-" + 3 digits for a branch


class Channel(StrEnum):
    desk = "desk"
    online = "online"
    postal = "postal"
    national_portal = "national_portal"


class ApplicantKind(StrEnum):
    person = "person"
    organisation = "organisation"


class ResultDelivery(StrEnum):
    desk = "desk"  # at a one-stop desk of the province
    postal = "postal"  # by post, with a consignment number
    online = "online"  # an electronic result the owner downloads (Decree 42/2022 art. 11)


class SubmitterRelationship(StrEnum):
    """Why someone other than the applicant submits (người nộp hồ sơ thay)."""

    legal_representative = "legal_representative"  # parent, guardian (no authorisation needed)
    authorised = "authorised"  # authorised by the applicant (giấy ủy quyền)
    organisation_representative = "organisation_representative"  # for an organisation


class DocumentKind(StrEnum):
    submitted = "submitted"
    supplement = "supplement"
    result = "result"


class ActorKind(StrEnum):
    officer = "officer"
    citizen = "citizen"
    system = "system"
    gateway = "gateway"
    device = "device"  # a desk rating device (kiosk, tablet) holding the dossier's code and PIN


class OnTime:
    """ "On time" (đúng hạn), defined once for Python and SQL alike: ended (``finished_at``) no later
    than the due time (``due_at``); ``None`` while not ended or without a due time. A dossier's
    processing and each of its steps are judged by it (the dossier services, the sweeps, the forms
    and the statistics read ``on_time``, never their own comparison)."""

    due_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]

    @hybrid_property
    def on_time(self) -> bool | None:
        if self.finished_at is None or self.due_at is None:
            return None
        return self.finished_at <= self.due_at

    @on_time.inplace.expression
    @classmethod
    def _on_time_sql(cls) -> ColumnElement[bool | None]:
        return case(
            (
                and_(cls.finished_at.is_not(None), cls.due_at.is_not(None)),
                cls.finished_at <= cls.due_at,
            ),
            else_=null(),
        )


class Dossier(OnTime, TimestampMixin, Base):
    __tablename__ = "dossiers"
    __table_args__ = (
        # no dossier is received without an appointment date (Decree 118/2025)
        CheckConstraint("received_at IS NULL OR due_at IS NOT NULL", name="received_has_due_at"),
        # worklists: by receiving office / current agency, newest first (keyset on id)
        Index("ix_dossiers_receiving_office_id", "receiving_office_code", "id"),
        Index("ix_dossiers_current_agency_id", "current_agency_code", "id"),
        Index("ix_dossiers_owner_id", "owner_subject", "owner_issuer", "id"),
        Index("ix_dossiers_applicant_id_number", "applicant_id_number"),
        # the register (form 06): a desk's dossiers in order of reception
        Index(
            "ix_dossiers_register",
            "receiving_office_code",
            "received_at",
            "id",
            postgresql_where=text("received_at IS NOT NULL"),
        ),
        Index(
            "ix_dossiers_open_due_at",
            "due_at",
            postgresql_where=text("status IN ('received', 'in_progress')"),
        ),
        # a dossier forwarded by the national portal, found again by the portal's code
        Index(
            "uq_dossiers_portal_ref",
            "portal_ref",
            unique=True,
            postgresql_where=text("portal_ref IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(96), unique=True)
    pin: Mapped[str] = mapped_column(String(16))
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"))
    application_id: Mapped[int] = mapped_column(ForeignKey("procedure_applications.id"), index=True)
    rule_set: Mapped[str] = mapped_column(String(32))
    receiving_office_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"))
    competent_agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"))
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, "channel"))

    applicant_kind: Mapped[ApplicantKind] = mapped_column(str_enum(ApplicantKind, "applicant_kind"))
    applicant_name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    applicant_id_kind: Mapped[IdentifierKind] = mapped_column(
        str_enum(IdentifierKind, "applicant_id_kind")
    )
    applicant_id_number: Mapped[str] = mapped_column(String(32))
    applicant_phone: Mapped[str | None] = mapped_column(String(16))
    applicant_email: Mapped[str | None] = mapped_column(String(254))
    applicant_address: Mapped[str | None] = mapped_column(Text)
    applicant_unit_code: Mapped[str | None] = mapped_column(ForeignKey("administrative_units.code"))
    # the unit the dossier is about (where the land lies...); defaults to the applicant's
    subject_unit_code: Mapped[str | None] = mapped_column(ForeignKey("administrative_units.code"))
    # the citizen account that submitted it online: OIDC subjects are unique per issuer
    owner_issuer: Mapped[str | None] = mapped_column(String(255))
    owner_subject: Mapped[str | None] = mapped_column(String(255))
    # the submitting account was verified with VNeID (the portal's TaiKhoanDuocXacThucVoiVNeID)
    owner_vneid_verified: Mapped[bool | None] = mapped_column()
    # someone other than the applicant submitted: {name, id_kind, id_number, phone, relationship,
    # authorisation_upload_id}; null when the applicant submitted themselves
    submitter: Mapped[dict[str, Any] | None] = mapped_column(JSONB)

    # the template's steps resolved to agencies at submission: [{position, code, name, agency_code,
    # role, duration_amount, duration_unit}] (a template change never reroutes a dossier in flight)
    route: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    status: Mapped[DossierStatus] = mapped_column(str_enum(DossierStatus, "status"))
    resume_status: Mapped[DossierStatus | None] = mapped_column(
        str_enum(DossierStatus, "resume_status")
    )
    resume_step: Mapped[int | None] = mapped_column(SmallInteger)
    current_step: Mapped[int | None] = mapped_column(SmallInteger)  # position in the template
    current_agency_code: Mapped[str | None] = mapped_column(ForeignKey("agencies.code"))
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))

    submitted_at: Mapped[datetime]
    received_at: Mapped[datetime | None]
    due_at: Mapped[datetime | None]
    promised_due_at: Mapped[datetime | None]
    paused_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    returned_at: Mapped[datetime | None]
    # supplement requests before receipt (at the desk) and during processing, counted apart
    desk_supplement_count: Mapped[int] = mapped_column(SmallInteger, default=0)
    supplement_count: Mapped[int] = mapped_column(SmallInteger, default=0)
    supplement_deadline_at: Mapped[datetime | None]
    reschedule_count: Mapped[int] = mapped_column(SmallInteger, default=0)
    # calendar-day procedures: the calendar days paused so far, added to the processing time
    calendar_days_paused: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")
    overdue: Mapped[bool] = mapped_column(default=False)
    due_soon: Mapped[bool] = mapped_column(default=False)

    result_delivery: Mapped[ResultDelivery] = mapped_column(
        str_enum(ResultDelivery, "result_delivery"), default=ResultDelivery.desk
    )
    result_address: Mapped[str | None] = mapped_column(Text)
    # where the result was handed over (any one-stop desk of the province, Decree 118/2025)
    result_office_code: Mapped[str | None] = mapped_column(ForeignKey("agencies.code"))
    # postal return: the consignment number, when the post took it, when it delivered it
    result_consignment_number: Mapped[str | None] = mapped_column(String(64))
    result_delivered_at: Mapped[datetime | None]
    rating: Mapped[int | None] = mapped_column(SmallInteger)
    rating_channel: Mapped[str | None] = mapped_column(String(16))  # online, device
    rating_comment: Mapped[str | None] = mapped_column(Text)
    last_event_seq: Mapped[int] = mapped_column(Integer, default=0)
    # The national portal's acknowledgement: the last event whose state it took, and when (written
    # by the portal adapter's delivery, never by an action: it does not change ``version``).
    portal_acked_seq: Mapped[int | None] = mapped_column(Integer)
    portal_acked_at: Mapped[datetime | None]
    # The portal's own code of a dossier it forwarded to us (channel ``national_portal``).
    portal_ref: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - optimistic locking

    # "Overdue" is defined here once (and "on time" by ``OnTime``): the dossier services, the sweeps,
    # the forms and the statistics all read these (DESIGN.md sections 4 and 11).
    @classmethod
    def overdue_at(cls, now: datetime) -> ColumnElement[bool]:
        """The clock runs and the appointment date has passed at ``now`` (SQL)."""
        return and_(cls.status.in_(CLOCK_RUNNING), cls.due_at < now)

    @classmethod
    def due_soon_at(cls, now: datetime, soon: datetime) -> ColumnElement[bool]:
        """The clock runs and the appointment date falls between ``now`` and ``soon`` (SQL)."""
        return and_(cls.status.in_(CLOCK_RUNNING), cls.due_at >= now, cls.due_at <= soon)


class DossierEvent(Base):
    """Append-only audit trail and progress log (the control sheet, form 05)."""

    __tablename__ = "dossier_events"
    __table_args__ = (UniqueConstraint("dossier_id", "seq", name="uq_dossier_events_dossier_seq"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"))
    seq: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))  # an Action value, or "submit" at creation
    from_status: Mapped[DossierStatus | None] = mapped_column(
        str_enum(DossierStatus, "from_status")
    )
    to_status: Mapped[DossierStatus] = mapped_column(str_enum(DossierStatus, "to_status"))
    step: Mapped[int | None] = mapped_column(SmallInteger)
    agency_code: Mapped[str | None] = mapped_column(String(CODE_LENGTH))
    actor_kind: Mapped[ActorKind] = mapped_column(str_enum(ActorKind, "actor_kind"))
    actor_id: Mapped[str | None] = mapped_column(String(255))
    at: Mapped[datetime]
    note: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)


class DossierStep(OnTime, Base):
    """Per-step progress: where each step ran, when it started, was due and finished."""

    __tablename__ = "dossier_steps"
    # worklists: the dossiers a department had a step of, newest first
    __table_args__ = (Index("ix_dossier_steps_agency_dossier", "agency_code", "dossier_id"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    position: Mapped[int] = mapped_column(SmallInteger)
    step_code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code"))
    role: Mapped[str] = mapped_column(String(32))
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[datetime]
    due_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    overdue: Mapped[bool] = mapped_column(default=False)

    @classmethod
    def overdue_at(cls, now: datetime) -> ColumnElement[bool]:
        """The step is still open and its due time has passed at ``now`` (SQL)."""
        return and_(cls.finished_at.is_(None), cls.due_at < now)


class DossierDocument(Base):
    __tablename__ = "dossier_documents"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    requirement_code: Mapped[str | None] = mapped_column(String(CODE_LENGTH))
    kind: Mapped[DocumentKind] = mapped_column(str_enum(DocumentKind, "document_kind"))
    upload_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("uploads.id"))
    paper_original_checked: Mapped[bool] = mapped_column(default=False)
    file_name: Mapped[str | None] = mapped_column(String(255))
    content_type: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64))
    digitised: Mapped[bool] = mapped_column(default=False)
    reused: Mapped[bool] = mapped_column(default=False)
    added_at: Mapped[datetime]


class DossierFeeLine(Base):
    __tablename__ = "dossier_fee_lines"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    kind: Mapped[str] = mapped_column(String(16))  # charge (phí) / levy (lệ phí)
    amount: Mapped[int] = mapped_column(BigInteger)  # đồng
    condition: Mapped[str | None] = mapped_column(Text)
    requires_confirmation: Mapped[bool] = mapped_column(default=False)
    confirmed: Mapped[bool] = mapped_column(default=True)
    # the counted quantities the amount was priced with ({"pages": 5, "copies": 2}), and the fee rule
    # (docs/payments.md) so the desk can price it again when it confirms other quantities
    quantities: Mapped[dict[str, int]] = mapped_column(JSONB, default=dict, server_default="{}")
    rule: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    # when it is due: on_submission, on_request, on_return (the rule's, else the procedure's)
    due: Mapped[str] = mapped_column(
        String(16), default="on_submission", server_default="on_submission"
    )
    paid_at: Mapped[datetime | None]
    receipt_number: Mapped[str | None] = mapped_column(String(64))


class DossierCodeCounter(Base):
    """Per receiving office and Asia/Ho_Chi_Minh day: the last number drawn (never reused)."""

    __tablename__ = "dossier_code_counters"

    office_code: Mapped[str] = mapped_column(String(CODE_LENGTH), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class IdempotencyKey(Base):
    """A retried submission with the same ``Idempotency-Key`` returns the first dossier."""

    __tablename__ = "idempotency_keys"

    owner: Mapped[str] = mapped_column(String(300), primary_key=True)  # who sent it
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"))
    created_at: Mapped[datetime]
