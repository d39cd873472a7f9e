"""admin audit log: one append-only row per administrative change; UPDATE and DELETE refused

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 22:15:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "admin_audit_log",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column(
            "at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("actor_username", sa.String(length=64), nullable=False),
        sa.Column("actor_agency", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("target_type", sa.String(length=32), nullable=False),
        sa.Column("target_key", sa.String(length=200), nullable=False),
        sa.Column(
            "changes",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="{}",
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_audit_log")),
    )
    op.create_index("ix_admin_audit_log_actor", "admin_audit_log", ["actor_username", "id"])
    op.create_index("ix_admin_audit_log_action", "admin_audit_log", ["action", "id"])
    op.create_index(
        "ix_admin_audit_log_target", "admin_audit_log", ["target_type", "target_key", "id"]
    )
    op.create_index("ix_admin_audit_log_at", "admin_audit_log", ["at"])
    # Append-only: whoever connects, a row once written is never changed or removed (nor truncated).
    op.execute(
        """
        CREATE FUNCTION refuse_admin_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'admin_audit_log is append-only (% refused)', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER trg_admin_audit_log_append_only BEFORE UPDATE OR DELETE ON admin_audit_log "
        "FOR EACH ROW EXECUTE FUNCTION refuse_admin_audit_change()"
    )
    op.execute(
        "CREATE TRIGGER trg_admin_audit_log_no_truncate BEFORE TRUNCATE ON admin_audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION refuse_admin_audit_change()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER trg_admin_audit_log_no_truncate ON admin_audit_log")
    op.execute("DROP TRIGGER trg_admin_audit_log_append_only ON admin_audit_log")
    op.execute("DROP FUNCTION refuse_admin_audit_change()")
    op.drop_index("ix_admin_audit_log_at", table_name="admin_audit_log")
    op.drop_index("ix_admin_audit_log_target", table_name="admin_audit_log")
    op.drop_index("ix_admin_audit_log_action", table_name="admin_audit_log")
    op.drop_index("ix_admin_audit_log_actor", table_name="admin_audit_log")
    op.drop_table("admin_audit_log")
