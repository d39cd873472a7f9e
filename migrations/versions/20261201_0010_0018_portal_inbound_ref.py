"""dossiers: the national portal's code of a dossier it forwarded to us (a repeated forward finds it)

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30 23:50:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("dossiers", sa.Column("portal_ref", sa.String(64), nullable=True))
    op.create_index(
        "uq_dossiers_portal_ref",
        "dossiers",
        ["portal_ref"],
        unique=True,
        postgresql_where=sa.text("portal_ref IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_dossiers_portal_ref", table_name="dossiers")
    op.drop_column("dossiers", "portal_ref")
