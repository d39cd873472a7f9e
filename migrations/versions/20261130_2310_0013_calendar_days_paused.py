"""dossiers: the calendar days paused so far (calendar-day procedures move by elapsed days)

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 23:10:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "dossiers",
        sa.Column("calendar_days_paused", sa.SmallInteger(), server_default="0", nullable=False),
    )


def downgrade() -> None:
    op.drop_column("dossiers", "calendar_days_paused")
