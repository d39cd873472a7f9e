"""dossiers: the refused status (the processing agency's reasoned refusal after appraisal)

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 23:20:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BEFORE = (
    "submitted",
    "received",
    "rejected",
    "in_progress",
    "supplement_requested",
    "awaiting_payment",
    "withdrawn",
    "stopped",
    "resolved",
    "returned",
)
_COLUMNS = (
    ("dossiers", "status"),
    ("dossiers", "resume_status"),
    ("dossier_events", "from_status"),
    ("dossier_events", "to_status"),
)


def _allow(*statuses: str) -> None:
    listed = ", ".join(f"'{status}'" for status in statuses)
    for table, column in _COLUMNS:
        name = op.f(f"ck_{table}_{column}")
        op.drop_constraint(name, table, type_="check")
        op.create_check_constraint(name, table, f"{column} IN ({listed})")


def upgrade() -> None:
    _allow(*_BEFORE, "refused")


def downgrade() -> None:  # fails while refused dossiers exist: they are never rewritten
    _allow(*_BEFORE)
