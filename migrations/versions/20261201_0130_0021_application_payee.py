"""procedure_applications: the agency whose merchant accounts collect the fees (payee_agency_code)

"The money goes to the competent agency's merchant account unless the procedure application names
another" (issue 15): a nullable agency code, versioned with the application like its other fields.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01 01:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | Sequence[str] | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "procedure_applications",
        sa.Column(
            "payee_agency_code",
            sa.String(64),
            sa.ForeignKey(
                "agencies.code", name="fk_procedure_applications_payee_agency_code_agencies"
            ),
            nullable=True,
        ),
    )


def downgrade() -> None:
    op.drop_column("procedure_applications", "payee_agency_code")
