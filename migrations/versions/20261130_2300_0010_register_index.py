"""the dossier register reads a desk's dossiers in order of reception (form 06)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 23:00:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_dossiers_register",
        "dossiers",
        ["receiving_office_code", "received_at", "id"],
        postgresql_where="received_at IS NOT NULL",
    )


def downgrade() -> None:
    op.drop_index("ix_dossiers_register", table_name="dossiers")
