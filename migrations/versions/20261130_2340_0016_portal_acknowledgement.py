"""dossiers: the national portal's acknowledgement (last acknowledged event and when)

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 23:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("dossiers", sa.Column("portal_acked_seq", sa.Integer(), nullable=True))
    op.add_column(
        "dossiers", sa.Column("portal_acked_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("dossiers", "portal_acked_at")
    op.drop_column("dossiers", "portal_acked_seq")
