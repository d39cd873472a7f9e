"""dossiers: submitter and VNeID, result return (online, post, another desk), device ratings;
applications received anywhere in the province (Decree 118/2025)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 00:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _allow(table: str, column: str, *values: str) -> None:
    name = op.f(f"ck_{table}_{column}")
    op.drop_constraint(name, table, type_="check")
    listed = ", ".join(f"'{value}'" for value in values)
    op.create_check_constraint(name, table, f"{column} IN ({listed})")


def upgrade() -> None:
    op.add_column("dossiers", sa.Column("owner_vneid_verified", sa.Boolean(), nullable=True))
    op.add_column(
        "dossiers",
        sa.Column("submitter", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )
    op.add_column("dossiers", sa.Column("result_office_code", sa.String(length=64), nullable=True))
    op.create_foreign_key(
        op.f("fk_dossiers_result_office_code_agencies"),
        "dossiers",
        "agencies",
        ["result_office_code"],
        ["code"],
    )
    op.add_column(
        "dossiers", sa.Column("result_consignment_number", sa.String(length=64), nullable=True)
    )
    op.add_column(
        "dossiers",
        sa.Column("result_delivered_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.add_column("dossiers", sa.Column("rating_channel", sa.String(length=16), nullable=True))
    _allow("dossiers", "result_delivery", "desk", "postal", "online")
    _allow("dossier_events", "actor_kind", "officer", "citizen", "system", "gateway", "device")
    op.add_column(
        "procedure_applications",
        sa.Column("province_wide_reception", sa.Boolean(), server_default="false", nullable=False),
    )


def downgrade() -> None:  # fails while online results or device events exist: never rewritten
    op.drop_column("procedure_applications", "province_wide_reception")
    _allow("dossier_events", "actor_kind", "officer", "citizen", "system", "gateway")
    _allow("dossiers", "result_delivery", "desk", "postal")
    op.drop_column("dossiers", "rating_channel")
    op.drop_column("dossiers", "result_delivered_at")
    op.drop_column("dossiers", "result_consignment_number")
    op.drop_constraint(
        op.f("fk_dossiers_result_office_code_agencies"), "dossiers", type_="foreignkey"
    )
    op.drop_column("dossiers", "result_office_code")
    op.drop_column("dossiers", "submitter")
    op.drop_column("dossiers", "owner_vneid_verified")
