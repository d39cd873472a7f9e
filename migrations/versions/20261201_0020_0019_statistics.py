"""statistics: per-dossier facts, daily rollups (append-only delta rows), frozen month snapshots

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01 00:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | Sequence[str] | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTERS = (
    "submitted", "rejected", "received", "received_online", "received_postal", "synced",
    "fee_bearing", "paid_online", "digitised", "reused", "population_data", "with_result",
    "e_result", "rated", "rating_sum", "dissatisfied", "ended", "ended_early", "ended_on_time",
    "ended_resolved", "ended_stopped", "ended_refused", "ended_withdrawn", "ended_paused",
    "processing_seconds", "open_delta", "open_late_delta",
)  # fmt: skip


def _counters() -> list[sa.Column[int]]:
    return [
        sa.Column(
            name, sa.BigInteger() if name == "processing_seconds" else sa.Integer(), nullable=False
        )
        for name in COUNTERS
    ]


def _dims() -> list[sa.Column[object]]:
    return [
        sa.Column("agency_code", sa.String(64), nullable=False),
        sa.Column("unit_code", sa.String(64), nullable=False),
        sa.Column("procedure_id", sa.BigInteger(), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "stats_daily",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        *_dims(),
        *_counters(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_daily")),
    )
    op.create_index("ix_stats_daily_key", "stats_daily", ["day", "agency_code", "unit_code"])
    op.create_table(
        "stats_month_snapshots",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        *_dims(),
        *_counters(),
        sa.Column("frozen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_month_snapshots")),
    )
    op.create_index(
        "ix_stats_month_snapshots_key",
        "stats_month_snapshots",
        ["month", "agency_code", "unit_code"],
    )
    op.create_table(
        "stats_dossier_facts",
        sa.Column("dossier_id", sa.BigInteger(), nullable=False),
        *_dims(),
        sa.Column("submitted_day", sa.Date(), nullable=False),
        sa.Column("rejected_day", sa.Date(), nullable=True),
        sa.Column("received_day", sa.Date(), nullable=True),
        sa.Column("due_day", sa.Date(), nullable=True),
        sa.Column("end_day", sa.Date(), nullable=True),
        sa.Column("end_kind", sa.String(16), nullable=True),
        sa.Column("on_time", sa.Boolean(), nullable=True),
        sa.Column("early", sa.Boolean(), nullable=True),
        sa.Column("processing_seconds", sa.BigInteger(), nullable=True),
        sa.Column("flags", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_stats_dossier_facts_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("dossier_id", name=op.f("pk_stats_dossier_facts")),
    )
    op.create_index(
        "ix_stats_dossier_facts_end",
        "stats_dossier_facts",
        ["end_day", "agency_code", "dossier_id"],
    )
    op.create_index(
        "ix_stats_dossier_facts_received",
        "stats_dossier_facts",
        ["received_day", "agency_code", "dossier_id"],
    )


def downgrade() -> None:
    op.drop_table("stats_dossier_facts")
    op.drop_table("stats_month_snapshots")
    op.drop_table("stats_daily")
