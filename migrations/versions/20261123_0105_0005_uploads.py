"""uploaded files

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 01:05:08.541335+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "uploads",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "owner_kind",
            sa.Enum(
                "officer",
                "citizen",
                name="owner_kind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("owner_issuer", sa.String(length=255), nullable=True),
        sa.Column("owner_subject", sa.String(length=255), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=255), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum(
                "submitted",
                "supplement",
                "result",
                name="upload_purpose",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=True,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attached_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("size >= 0", name=op.f("ck_uploads_size_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_uploads")),
        sa.UniqueConstraint("storage_key", name=op.f("uq_uploads_storage_key")),
    )
    op.create_index(
        "ix_uploads_expires_at_unattached",
        "uploads",
        ["expires_at"],
        unique=False,
        postgresql_where=sa.text("attached_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index(
        "ix_uploads_expires_at_unattached",
        table_name="uploads",
        postgresql_where=sa.text("attached_at IS NULL"),
    )
    op.drop_table("uploads")
