"""payments: online fee payments, raw callbacks, alerts; fee lines priced by rule; cash migrated

Fee lines keep the quantities they were priced with, their rule and when they are due. Every cash
payment recorded at the desk (``record_payment``: paid fee lines sharing a receipt number) becomes a
succeeded ``cash`` payment, so the payments list and the settlement report see all the money.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-30 23:50:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0020"
down_revision: str | Sequence[str] | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = "status IN ('created', 'pending')"
SUCCESS = "status IN ('refunded', 'succeeded')"


def upgrade() -> None:
    op.add_column(
        "dossier_fee_lines",
        sa.Column(
            "quantities",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="{}",
            nullable=False,
        ),
    )
    op.add_column(
        "dossier_fee_lines",
        sa.Column("rule", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    )
    op.add_column(
        "dossier_fee_lines",
        sa.Column("due", sa.String(length=16), server_default="on_submission", nullable=False),
    )
    op.execute(
        "UPDATE dossier_fee_lines l SET due = p.fees_due FROM dossiers d JOIN procedures p "
        "ON p.id = d.procedure_id WHERE d.id = l.dossier_id"
    )
    op.create_table(
        "payments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("dossier_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "provider",
            sa.Enum(
                "vnpay",
                "momo",
                "zalopay",
                "national",
                "cash",
                name="payment_provider",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("merchant_code", sa.String(length=64), nullable=False),
        sa.Column("agency_code", sa.String(length=64), nullable=False),
        sa.Column("order_ref", sa.String(length=32), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "created",
                "pending",
                "succeeded",
                "failed",
                "expired",
                "refunded",
                name="payment_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("fee_line_ids", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("pay_url", sa.Text(), nullable=True),
        sa.Column("provider_txn_id", sa.String(length=64), nullable=True),
        sa.Column("provider_code", sa.String(length=32), nullable=True),
        sa.Column("receipt_number", sa.String(length=64), nullable=True),
        sa.Column("owner_subject", sa.String(length=255), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refund_reason", sa.Text(), nullable=True),
        sa.Column("refund_reference", sa.String(length=128), nullable=True),
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
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_payments_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("order_ref", name=op.f("uq_payments_order_ref")),
    )
    op.create_index(op.f("ix_payments_dossier_id"), "payments", ["dossier_id"])
    op.create_index("ix_payments_status_created_at", "payments", ["status", "created_at"])
    op.create_index(
        "uq_payments_open_per_dossier",
        "payments",
        ["dossier_id"],
        unique=True,
        postgresql_where=sa.text(OPEN),
    )
    op.create_index(
        "uq_payments_provider_txn",
        "payments",
        ["provider", "provider_txn_id"],
        unique=True,
        postgresql_where=sa.text(SUCCESS),
    )
    op.create_table(
        "payment_callbacks",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column(
            "provider",
            sa.Enum(
                "vnpay",
                "momo",
                "zalopay",
                "national",
                "cash",
                name="payment_provider",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("payment_id", sa.Uuid(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("rejection", sa.String(length=32), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("disposition", sa.String(length=32), nullable=False),
        sa.Column("order_ref", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_payment_callbacks_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_callbacks")),
    )
    op.create_index(op.f("ix_payment_callbacks_payment_id"), "payment_callbacks", ["payment_id"])
    op.create_index(op.f("ix_payment_callbacks_received_at"), "payment_callbacks", ["received_at"])
    op.create_table(
        "payment_alerts",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("payment_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "amount_mismatch",
                "refund_needed",
                name="payment_alert_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("detail", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_payment_alerts_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_alerts")),
    )
    op.create_index(op.f("ix_payment_alerts_payment_id"), "payment_alerts", ["payment_id"])
    # cash at the desk: one succeeded payment per (dossier, receipt number) of paid lines
    op.execute(
        """
        INSERT INTO payments (id, dossier_id, provider, merchant_code, agency_code, order_ref,
                              amount, status, fee_line_ids, receipt_number, expires_at, settled_at)
        SELECT md5('cash:' || min(l.id)::text)::uuid, l.dossier_id, 'cash', 'cash',
               d.receiving_office_code, 'CASH' || min(l.id)::text, sum(l.amount), 'succeeded',
               jsonb_agg(l.id ORDER BY l.id), l.receipt_number, min(l.paid_at), min(l.paid_at)
        FROM dossier_fee_lines l JOIN dossiers d ON d.id = l.dossier_id
        WHERE l.paid_at IS NOT NULL
        GROUP BY l.dossier_id, d.receiving_office_code, l.receipt_number
        """
    )


def downgrade() -> None:
    op.drop_table("payment_alerts")
    op.drop_table("payment_callbacks")
    op.drop_index("uq_payments_provider_txn", table_name="payments")
    op.drop_index("uq_payments_open_per_dossier", table_name="payments")
    op.drop_index("ix_payments_status_created_at", table_name="payments")
    op.drop_index(op.f("ix_payments_dossier_id"), table_name="payments")
    op.drop_table("payments")
    op.drop_column("dossier_fee_lines", "due")
    op.drop_column("dossier_fee_lines", "rule")
    op.drop_column("dossier_fee_lines", "quantities")
