"""dossiers: every ending records the end of processing; backfill ``finished_at`` of ended dossiers

Stop and withdrawal did not set ``finished_at`` before; the national index (Decision 766/QĐ-TTg,
index 2.1) ends processing at refusal, stop, resolution, return and the withdrawal of a received
dossier. A received dossier in a final status without ``finished_at`` takes the time of its first
event that ended it (the event log is append-only, so it is still there).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 23:00:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BACKFILL = """
UPDATE dossiers AS d
SET finished_at = ended.at
FROM (
    SELECT e.dossier_id, min(e.at) AS at
    FROM dossier_events AS e
    WHERE e.to_status IN ('resolved', 'returned', 'stopped', 'withdrawn', 'rejected', 'refused')
    GROUP BY e.dossier_id
) AS ended
WHERE ended.dossier_id = d.id
  AND d.finished_at IS NULL
  AND d.received_at IS NOT NULL
  AND d.status IN ('returned', 'stopped', 'withdrawn', 'rejected', 'refused')
"""


def upgrade() -> None:
    op.execute(BACKFILL)


def downgrade() -> None:  # data only: the recorded endings stay (they are true either way)
    pass
