"""dossier events: the gateway actor (an online payment confirmed by its gateway's callback)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 20:10:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CONSTRAINT = "ck_dossier_events_actor_kind"


def _allow(*kinds: str) -> None:
    op.drop_constraint(op.f(_CONSTRAINT), "dossier_events", type_="check")
    listed = ", ".join(f"'{kind}'" for kind in kinds)
    op.create_check_constraint(op.f(_CONSTRAINT), "dossier_events", f"actor_kind IN ({listed})")


def upgrade() -> None:
    _allow("officer", "citizen", "system", "gateway")


def downgrade() -> None:  # fails while gateway events exist: they are never rewritten
    _allow("officer", "citizen", "system")
