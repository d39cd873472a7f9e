"""outbox leases: a claimed message carries its lease's end and token (no transaction during delivery)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 20:40:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Both NULL while nobody holds the message: adding nullable columns rewrites nothing.
    op.add_column(
        "outbox_messages",
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
    )
    op.add_column("outbox_messages", sa.Column("claim_token", sa.Uuid(), nullable=True))


def downgrade() -> None:
    op.drop_column("outbox_messages", "claim_token")
    op.drop_column("outbox_messages", "locked_until")
