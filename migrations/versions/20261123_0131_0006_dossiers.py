"""dossiers

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 01:31:36.566380+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dossier_code_counters",
        sa.Column("office_code", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("office_code", "day", name=op.f("pk_dossier_code_counters")),
    )
    op.create_table(
        "dossiers",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("code", sa.String(length=96), nullable=False),
        sa.Column("pin", sa.String(length=16), nullable=False),
        sa.Column("procedure_id", sa.BigInteger(), nullable=False),
        sa.Column("application_id", sa.BigInteger(), nullable=False),
        sa.Column("rule_set", sa.String(length=32), nullable=False),
        sa.Column("receiving_office_code", sa.String(length=64), nullable=False),
        sa.Column("competent_agency_code", sa.String(length=64), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "desk",
                "online",
                "postal",
                "national_portal",
                name="channel",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "applicant_kind",
            sa.Enum(
                "person",
                "organisation",
                name="applicant_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("applicant_name", sa.String(length=1000), nullable=False),
        sa.Column(
            "applicant_id_kind",
            sa.Enum(
                "personal_id",
                "passport",
                "tax_code",
                name="applicant_id_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("applicant_id_number", sa.String(length=32), nullable=False),
        sa.Column("applicant_phone", sa.String(length=16), nullable=True),
        sa.Column("applicant_email", sa.String(length=254), nullable=True),
        sa.Column("applicant_address", sa.Text(), nullable=True),
        sa.Column("applicant_unit_code", sa.String(length=64), nullable=True),
        sa.Column("subject_unit_code", sa.String(length=64), nullable=True),
        sa.Column("owner_issuer", sa.String(length=255), nullable=True),
        sa.Column("owner_subject", sa.String(length=255), nullable=True),
        sa.Column("route", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "submitted",
                "received",
                "rejected",
                "in_progress",
                "supplement_requested",
                "awaiting_payment",
                "withdrawn",
                "stopped",
                "resolved",
                "returned",
                name="status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "resume_status",
            sa.Enum(
                "submitted",
                "received",
                "rejected",
                "in_progress",
                "supplement_requested",
                "awaiting_payment",
                "withdrawn",
                "stopped",
                "resolved",
                "returned",
                name="resume_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("resume_step", sa.SmallInteger(), nullable=True),
        sa.Column("current_step", sa.SmallInteger(), nullable=True),
        sa.Column("current_agency_code", sa.String(length=64), nullable=True),
        sa.Column("assignee_id", sa.Uuid(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("promised_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("paused_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("desk_supplement_count", sa.SmallInteger(), nullable=False),
        sa.Column("supplement_count", sa.SmallInteger(), nullable=False),
        sa.Column("supplement_deadline_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reschedule_count", sa.SmallInteger(), nullable=False),
        sa.Column("overdue", sa.Boolean(), nullable=False),
        sa.Column("due_soon", sa.Boolean(), nullable=False),
        sa.Column(
            "result_delivery",
            sa.Enum(
                "desk",
                "postal",
                name="result_delivery",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("result_address", sa.Text(), nullable=True),
        sa.Column("rating", sa.SmallInteger(), nullable=True),
        sa.Column("rating_comment", sa.Text(), nullable=True),
        sa.Column("last_event_seq", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["applicant_unit_code"],
            ["administrative_units.code"],
            name=op.f("fk_dossiers_applicant_unit_code_administrative_units"),
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["procedure_applications.id"],
            name=op.f("fk_dossiers_application_id_procedure_applications"),
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"], ["users.id"], name=op.f("fk_dossiers_assignee_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["competent_agency_code"],
            ["agencies.code"],
            name=op.f("fk_dossiers_competent_agency_code_agencies"),
        ),
        sa.ForeignKeyConstraint(
            ["current_agency_code"],
            ["agencies.code"],
            name=op.f("fk_dossiers_current_agency_code_agencies"),
        ),
        sa.ForeignKeyConstraint(
            ["procedure_id"], ["procedures.id"], name=op.f("fk_dossiers_procedure_id_procedures")
        ),
        sa.ForeignKeyConstraint(
            ["receiving_office_code"],
            ["agencies.code"],
            name=op.f("fk_dossiers_receiving_office_code_agencies"),
        ),
        sa.ForeignKeyConstraint(
            ["subject_unit_code"],
            ["administrative_units.code"],
            name=op.f("fk_dossiers_subject_unit_code_administrative_units"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossiers")),
        sa.UniqueConstraint("code", name=op.f("uq_dossiers_code")),
    )
    op.create_check_constraint(
        op.f("ck_dossiers_received_has_due_at"),
        "dossiers",
        "received_at IS NULL OR due_at IS NOT NULL",
    )
    op.create_index(
        "ix_dossiers_applicant_id_number", "dossiers", ["applicant_id_number"], unique=False
    )
    op.create_index(
        op.f("ix_dossiers_application_id"), "dossiers", ["application_id"], unique=False
    )
    op.create_index(
        "ix_dossiers_current_agency_id", "dossiers", ["current_agency_code", "id"], unique=False
    )
    op.create_index(
        "ix_dossiers_open_due_at",
        "dossiers",
        ["due_at"],
        unique=False,
        postgresql_where=sa.text("status IN ('received', 'in_progress')"),
    )
    op.create_index(
        "ix_dossiers_owner_id", "dossiers", ["owner_subject", "owner_issuer", "id"], unique=False
    )
    op.create_index(
        "ix_dossiers_receiving_office_id", "dossiers", ["receiving_office_code", "id"], unique=False
    )
    op.create_table(
        "dossier_documents",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("dossier_id", sa.BigInteger(), nullable=False),
        sa.Column("requirement_code", sa.String(length=64), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "submitted",
                "supplement",
                "result",
                name="document_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("upload_id", sa.Uuid(), nullable=True),
        sa.Column("paper_original_checked", sa.Boolean(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=True),
        sa.Column("content_type", sa.String(length=64), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("digitised", sa.Boolean(), nullable=False),
        sa.Column("reused", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_dossier_documents_dossier_id_dossiers")
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["uploads.id"], name=op.f("fk_dossier_documents_upload_id_uploads")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_documents")),
    )
    op.create_index(
        op.f("ix_dossier_documents_dossier_id"), "dossier_documents", ["dossier_id"], unique=False
    )
    op.create_table(
        "dossier_events",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("dossier_id", sa.BigInteger(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "submitted",
                "received",
                "rejected",
                "in_progress",
                "supplement_requested",
                "awaiting_payment",
                "withdrawn",
                "stopped",
                "resolved",
                "returned",
                name="from_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "submitted",
                "received",
                "rejected",
                "in_progress",
                "supplement_requested",
                "awaiting_payment",
                "withdrawn",
                "stopped",
                "resolved",
                "returned",
                name="to_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("step", sa.SmallInteger(), nullable=True),
        sa.Column("agency_code", sa.String(length=64), nullable=True),
        sa.Column(
            "actor_kind",
            sa.Enum(
                "officer",
                "citizen",
                "system",
                name="actor_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("actor_id", sa.String(length=255), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_dossier_events_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_events")),
        sa.UniqueConstraint("dossier_id", "seq", name="uq_dossier_events_dossier_seq"),
    )
    op.create_table(
        "dossier_fee_lines",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("dossier_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=1000), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("condition", sa.Text(), nullable=True),
        sa.Column("requires_confirmation", sa.Boolean(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("receipt_number", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_dossier_fee_lines_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_fee_lines")),
    )
    op.create_index(
        op.f("ix_dossier_fee_lines_dossier_id"), "dossier_fee_lines", ["dossier_id"], unique=False
    )
    op.create_table(
        "dossier_steps",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("dossier_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("step_code", sa.String(length=64), nullable=False),
        sa.Column("agency_code", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("assignee_id", sa.Uuid(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("overdue", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_code"], ["agencies.code"], name=op.f("fk_dossier_steps_agency_code_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"], ["users.id"], name=op.f("fk_dossier_steps_assignee_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_dossier_steps_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_steps")),
    )
    op.create_index(
        "ix_dossier_steps_agency_dossier",
        "dossier_steps",
        ["agency_code", "dossier_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_dossier_steps_dossier_id"), "dossier_steps", ["dossier_id"], unique=False
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("owner", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("dossier_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_idempotency_keys_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("owner", "key", name=op.f("pk_idempotency_keys")),
    )


def downgrade() -> None:
    op.drop_table("idempotency_keys")
    op.drop_index(op.f("ix_dossier_steps_dossier_id"), table_name="dossier_steps")
    op.drop_index("ix_dossier_steps_agency_dossier", table_name="dossier_steps")
    op.drop_table("dossier_steps")
    op.drop_index(op.f("ix_dossier_fee_lines_dossier_id"), table_name="dossier_fee_lines")
    op.drop_table("dossier_fee_lines")
    op.drop_table("dossier_events")
    op.drop_index(op.f("ix_dossier_documents_dossier_id"), table_name="dossier_documents")
    op.drop_table("dossier_documents")
    op.drop_index("ix_dossiers_receiving_office_id", table_name="dossiers")
    op.drop_index("ix_dossiers_owner_id", table_name="dossiers")
    op.drop_index(
        "ix_dossiers_open_due_at",
        table_name="dossiers",
        postgresql_where=sa.text("status IN ('received', 'in_progress')"),
    )
    op.drop_index("ix_dossiers_current_agency_id", table_name="dossiers")
    op.drop_index(op.f("ix_dossiers_application_id"), table_name="dossiers")
    op.drop_index("ix_dossiers_applicant_id_number", table_name="dossiers")
    op.drop_table("dossiers")
    op.drop_table("dossier_code_counters")
