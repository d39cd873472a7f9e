"""outbox and periodic jobs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 01:00:32.665444+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "outbox_messages",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("ordering_key", sa.String(length=200), nullable=False),
        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column(
            "next_attempt_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("last_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("dead_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_messages")),
    )
    op.create_index(
        "ix_outbox_messages_dead",
        "outbox_messages",
        ["topic", "id"],
        unique=False,
        postgresql_where=sa.text("dead_at IS NOT NULL"),
    )
    op.create_index(
        op.f("ix_outbox_messages_delivered_at"), "outbox_messages", ["delivered_at"], unique=False
    )
    op.create_index(
        "ix_outbox_messages_waiting",
        "outbox_messages",
        ["id"],
        unique=False,
        postgresql_where=sa.text("delivered_at IS NULL AND dead_at IS NULL"),
    )
    op.create_index(
        "ix_outbox_messages_undelivered",
        "outbox_messages",
        ["ordering_key", "id"],
        unique=False,
        postgresql_where=sa.text("delivered_at IS NULL AND dead_at IS NULL"),
    )
    op.create_table(
        "periodic_job_states",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("schedule", sa.String(length=100), nullable=False),
        sa.Column("next_run_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_outcome", sa.String(length=16), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("run_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_periodic_job_states")),
    )


def downgrade() -> None:
    op.drop_table("periodic_job_states")
    op.drop_index(
        "ix_outbox_messages_waiting",
        table_name="outbox_messages",
        postgresql_where=sa.text("delivered_at IS NULL AND dead_at IS NULL"),
    )
    op.drop_index(
        "ix_outbox_messages_undelivered",
        table_name="outbox_messages",
        postgresql_where=sa.text("delivered_at IS NULL AND dead_at IS NULL"),
    )
    op.drop_index(op.f("ix_outbox_messages_delivered_at"), table_name="outbox_messages")
    op.drop_index(
        "ix_outbox_messages_dead",
        table_name="outbox_messages",
        postgresql_where=sa.text("dead_at IS NOT NULL"),
    )
    op.drop_table("outbox_messages")
