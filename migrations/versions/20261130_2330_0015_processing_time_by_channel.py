"""procedures: processing time by submission channel (desk, online, postal)

The existing online time is copied in, so every procedure reads the same from both.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 23:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "procedures",
        sa.Column(
            "processing_time_by_channel",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="{}",
            nullable=False,
        ),
    )
    op.execute(
        """
        UPDATE procedures
        SET processing_time_by_channel = jsonb_build_object(
            'online',
            jsonb_build_object(
                'amount', trim(trailing '.' from trim(trailing '0' from online_processing_time_amount::text)),
                'unit', online_processing_time_unit
            )
        )
        WHERE online_processing_time_amount IS NOT NULL
        """
    )


def downgrade() -> None:
    op.drop_column("procedures", "processing_time_by_channel")
