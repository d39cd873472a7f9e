"""catalog generation: a number bumped by every write to the searchable catalog

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 02:15:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Statement-level: one bump per INSERT/UPDATE/DELETE/TRUNCATE statement, inside the writer's
# transaction (so it commits or rolls back with the rows). Plain PL/pgSQL, no extension. BEFORE the
# statement: a catalog writer takes the generation row's lock before it locks any catalog row, so
# two concurrent catalog writers queue on the generation instead of deadlocking over it.
_TABLES = ("procedures", "procedure_applications")


def upgrade() -> None:
    op.create_table(
        "catalog_generation",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_generation")),
    )
    op.execute("INSERT INTO catalog_generation (id, value) VALUES (1, 0)")
    op.execute(
        """
        CREATE FUNCTION bump_catalog_generation() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE catalog_generation SET value = value + 1 WHERE id = 1;
            RETURN NULL;
        END
        $$
        """
    )
    for table in _TABLES:
        op.execute(
            f"CREATE TRIGGER trg_{table}_catalog_generation"
            f" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation()"
        )


def downgrade() -> None:
    for table in _TABLES:
        op.execute(f"DROP TRIGGER trg_{table}_catalog_generation ON {table}")
    op.execute("DROP FUNCTION bump_catalog_generation()")
    op.drop_table("catalog_generation")
