"""catalog: units, agencies, fields, procedures, process templates, procedure applications

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 01:01:07.950437+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "administrative_units",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=1000), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "province",
                "commune",
                "ward",
                "special_zone",
                name="unit_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("parent_code", sa.String(length=64), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("replaced_by", sa.String(length=64), nullable=True),
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
            ["parent_code"],
            ["administrative_units.code"],
            name=op.f("fk_administrative_units_parent_code_administrative_units"),
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by"],
            ["administrative_units.code"],
            name=op.f("fk_administrative_units_replaced_by_administrative_units"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_administrative_units")),
    )
    op.create_index(
        op.f("ix_administrative_units_parent_code"),
        "administrative_units",
        ["parent_code"],
        unique=False,
    )
    op.create_table(
        "fields",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=1000), nullable=False),
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
        sa.PrimaryKeyConstraint("code", name=op.f("pk_fields")),
    )
    op.create_table(
        "process_templates",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=1000), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "single_agency",
                "same_level",
                "cross_level",
                name="template_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_process_templates")),
        sa.UniqueConstraint("code", "version", name="uq_process_templates_code_version"),
    )
    op.create_table(
        "agencies",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=1000), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "ministry",
                "provincial_people_committee",
                "provincial_department",
                "service_centre",
                "commune_people_committee",
                "vertical_agency",
                "other",
                name="agency_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("parent_code", sa.String(length=64), nullable=True),
        sa.Column("unit_code", sa.String(length=64), nullable=True),
        sa.Column("receives_dossiers", sa.Boolean(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("replaced_by", sa.String(length=64), nullable=True),
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
            ["parent_code"], ["agencies.code"], name=op.f("fk_agencies_parent_code_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by"], ["agencies.code"], name=op.f("fk_agencies_replaced_by_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["unit_code"],
            ["administrative_units.code"],
            name=op.f("fk_agencies_unit_code_administrative_units"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_agencies")),
    )
    op.create_index(op.f("ix_agencies_parent_code"), "agencies", ["parent_code"], unique=False)
    op.create_index(op.f("ix_agencies_unit_code"), "agencies", ["unit_code"], unique=False)
    op.create_table(
        "procedures",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "draft",
                "published",
                "retired",
                name="catalog_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("name", sa.String(length=1000), nullable=False),
        sa.Column("name_folded", sa.String(length=1000), nullable=False),
        sa.Column(
            "search_vector",
            postgresql.TSVECTOR(),
            sa.Computed(
                "to_tsvector('simple'::regconfig, (name_folded || ' ') || code)", persisted=True
            ),
            nullable=False,
        ),
        sa.Column("field_code", sa.String(length=64), nullable=False),
        sa.Column("processing_time_amount", sa.Numeric(precision=10, scale=3), nullable=False),
        sa.Column(
            "processing_time_unit",
            sa.Enum(
                "working_days",
                "working_hours",
                "calendar_days",
                name="processing_time_unit",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "online_processing_time_amount", sa.Numeric(precision=10, scale=3), nullable=True
        ),
        sa.Column(
            "online_processing_time_unit",
            sa.Enum(
                "working_days",
                "working_hours",
                "calendar_days",
                name="online_processing_time_unit",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("fees", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "fees_due",
            sa.Enum(
                "on_submission",
                "on_request",
                "on_return",
                name="fees_due",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("documents", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "online_level",
            sa.Enum(
                "full",
                "partial",
                "none",
                name="online_level",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("levels", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("legal_basis", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("sources", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
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
            ["field_code"], ["fields.code"], name=op.f("fk_procedures_field_code_fields")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedures")),
        sa.UniqueConstraint("code", "version", name="uq_procedures_code_version"),
    )
    op.create_index(op.f("ix_procedures_field_code"), "procedures", ["field_code"], unique=False)
    op.create_index(
        "ix_procedures_search_vector",
        "procedures",
        ["search_vector"],
        unique=False,
        postgresql_using="gin",
        postgresql_where=sa.text("is_current"),
        postgresql_with={"fastupdate": "off"},
    )
    op.create_index(
        "uq_procedures_current_code",
        "procedures",
        ["code"],
        unique=True,
        postgresql_where=sa.text("is_current"),
    )
    op.create_table(
        "procedure_applications",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("procedure_code", sa.String(length=64), nullable=False),
        sa.Column("agency_code", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "draft",
                "published",
                "retired",
                name="catalog_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("receiving_offices", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("processing_time_amount", sa.Numeric(precision=10, scale=3), nullable=True),
        sa.Column(
            "processing_time_unit",
            sa.Enum(
                "working_days",
                "working_hours",
                "calendar_days",
                name="processing_time_unit",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("fees", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("template_code", sa.String(length=64), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
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
            ["agency_code"],
            ["agencies.code"],
            name=op.f("fk_procedure_applications_agency_code_agencies"),
        ),
        sa.ForeignKeyConstraint(
            ["template_code", "template_version"],
            ["process_templates.code", "process_templates.version"],
            name="fk_procedure_applications_template_process_templates",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_applications")),
        sa.UniqueConstraint(
            "procedure_code", "agency_code", "version", name="uq_procedure_applications_version"
        ),
    )
    op.create_index(
        op.f("ix_procedure_applications_agency_code"),
        "procedure_applications",
        ["agency_code"],
        unique=False,
    )
    op.create_table(
        "process_steps",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("template_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=1000), nullable=False),
        sa.Column(
            "runs_at_kind",
            sa.Enum(
                "fixed",
                "receiving_office",
                "competent_agency",
                "subject_unit_agency",
                "same_as",
                name="runs_at_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("runs_at_agency", sa.String(length=64), nullable=True),
        sa.Column("runs_at_step", sa.String(length=64), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "receptionist",
                "specialist",
                "leader",
                name="step_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("duration_amount", sa.Numeric(precision=10, scale=3), nullable=False),
        sa.Column(
            "duration_unit",
            sa.Enum(
                "working_days",
                "working_hours",
                "calendar_days",
                name="duration_unit",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["runs_at_agency"],
            ["agencies.code"],
            name=op.f("fk_process_steps_runs_at_agency_agencies"),
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["process_templates.id"],
            name=op.f("fk_process_steps_template_id_process_templates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_process_steps")),
        sa.UniqueConstraint("template_id", "code", name="uq_process_steps_template_code"),
        sa.UniqueConstraint("template_id", "position", name="uq_process_steps_template_position"),
    )


def downgrade() -> None:
    op.drop_table("process_steps")
    op.drop_index(
        op.f("ix_procedure_applications_agency_code"), table_name="procedure_applications"
    )
    op.drop_table("procedure_applications")
    op.drop_index(
        "uq_procedures_current_code",
        table_name="procedures",
        postgresql_where=sa.text("is_current"),
    )
    op.drop_index("ix_procedures_search_vector", table_name="procedures", postgresql_using="gin")
    op.drop_index(op.f("ix_procedures_field_code"), table_name="procedures")
    op.drop_table("procedures")
    op.drop_index(op.f("ix_agencies_unit_code"), table_name="agencies")
    op.drop_index(op.f("ix_agencies_parent_code"), table_name="agencies")
    op.drop_table("agencies")
    op.drop_table("process_templates")
    op.drop_table("fields")
    op.drop_index(op.f("ix_administrative_units_parent_code"), table_name="administrative_units")
    op.drop_table("administrative_units")
