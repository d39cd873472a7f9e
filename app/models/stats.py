"""Statistics (DESIGN.md section 11; issue 17): per-dossier facts, daily rollups fed as delta rows, and
the frozen snapshots of closed months.

* ``StatsDossierFact`` — one row per dossier: what the statistics know of it (dimensions, the local days
  that count, its verdicts). The rollup handler compares the new facts with the stored ones and writes
  the difference; drill-downs read these rows (never the dossier table).
* ``StatsDaily`` — append-only rows of counters per Asia/Ho_Chi_Minh day × agency × unit × procedure ×
  channel. Nothing is ever updated in place: a change inserts a delta row (+1/-1), so concurrent actions
  never queue on one hot row; a periodic compaction merges the rows of one key. Reads sum.
* ``StatsMonthSnapshot`` — a closed month's sums, frozen when the month closes (open dossiers judged at
  that month's end as they stood then).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.catalog import CODE_LENGTH

# The counters of a rollup row, in a stable order (columns of StatsDaily and StatsMonthSnapshot).
COUNTERS: tuple[str, ...] = (
    "submitted",  # dossiers created (any channel), on the day of submission
    "rejected",  # refused at the desk before receipt, on the day of refusal
    "received",  # received (tiếp nhận), on the day of receipt: the NgayTiepNhan population
    "received_online",  # ... through the online channels (online, national portal)
    "received_postal",
    "synced",  # ... acknowledged by the national portal
    "fee_bearing",  # ... with a fee to pay (sum of fee lines > 0)
    "paid_online",  # ... paid through an online gateway
    "digitised",  # ... whose submitted documents all carry a file (and an e-result where issued)
    "reused",  # ... with at least one document reused from stored data
    "population_data",  # ... submitted by a citizen account authenticated by the identity provider
    "with_result",  # ... resolved with a result (resolved or returned)
    "e_result",  # ... among those, with an electronic result file
    "rated",  # ratings given, counted on the day of the end of processing
    "rating_sum",
    "dissatisfied",  # ratings of 1 or 2
    "ended",  # end of processing (index 2.1), on the day of the end
    "ended_early",  # ... before the due day
    "ended_on_time",  # ... on time (early included)
    "ended_resolved",
    "ended_stopped",
    "ended_refused",
    "ended_withdrawn",
    "ended_paused",  # judged at a single supplement request still waiting
    "processing_seconds",  # sum of (end - receipt - supplement time) over the ended
    "open_delta",  # +1 on the day of receipt, -1 on the day of the end (cumulative: open at day end)
    "open_late_delta",  # +1 on the day an open dossier's due day passes, -1 at its end (cumulative)
)


class _Counters:
    submitted: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    received: Mapped[int] = mapped_column(Integer, default=0)
    received_online: Mapped[int] = mapped_column(Integer, default=0)
    received_postal: Mapped[int] = mapped_column(Integer, default=0)
    synced: Mapped[int] = mapped_column(Integer, default=0)
    fee_bearing: Mapped[int] = mapped_column(Integer, default=0)
    paid_online: Mapped[int] = mapped_column(Integer, default=0)
    digitised: Mapped[int] = mapped_column(Integer, default=0)
    reused: Mapped[int] = mapped_column(Integer, default=0)
    population_data: Mapped[int] = mapped_column(Integer, default=0)
    with_result: Mapped[int] = mapped_column(Integer, default=0)
    e_result: Mapped[int] = mapped_column(Integer, default=0)
    rated: Mapped[int] = mapped_column(Integer, default=0)
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    dissatisfied: Mapped[int] = mapped_column(Integer, default=0)
    ended: Mapped[int] = mapped_column(Integer, default=0)
    ended_early: Mapped[int] = mapped_column(Integer, default=0)
    ended_on_time: Mapped[int] = mapped_column(Integer, default=0)
    ended_resolved: Mapped[int] = mapped_column(Integer, default=0)
    ended_stopped: Mapped[int] = mapped_column(Integer, default=0)
    ended_refused: Mapped[int] = mapped_column(Integer, default=0)
    ended_withdrawn: Mapped[int] = mapped_column(Integer, default=0)
    ended_paused: Mapped[int] = mapped_column(Integer, default=0)
    processing_seconds: Mapped[int] = mapped_column(BigInteger, default=0)
    open_delta: Mapped[int] = mapped_column(Integer, default=0)
    open_late_delta: Mapped[int] = mapped_column(Integer, default=0)


class StatsDaily(_Counters, Base):
    __tablename__ = "stats_daily"
    __table_args__ = (Index("ix_stats_daily_key", "day", "agency_code", "unit_code"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    day: Mapped[date] = mapped_column(Date)
    agency_code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    unit_code: Mapped[str] = mapped_column(String(CODE_LENGTH), default="")
    procedure_id: Mapped[int] = mapped_column(BigInteger)
    channel: Mapped[str] = mapped_column(String(32))


class StatsMonthSnapshot(_Counters, Base):
    __tablename__ = "stats_month_snapshots"
    __table_args__ = (Index("ix_stats_month_snapshots_key", "month", "agency_code", "unit_code"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    month: Mapped[date] = mapped_column(Date)  # first day of the month
    agency_code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    unit_code: Mapped[str] = mapped_column(String(CODE_LENGTH), default="")
    procedure_id: Mapped[int] = mapped_column(BigInteger)
    channel: Mapped[str] = mapped_column(String(32))
    # the cumulative counters above are the month's open dossiers at its end, not deltas
    frozen_at: Mapped[datetime]


class StatsDossierFact(Base):
    """What the statistics know of one dossier (``stats.facts.facts_of``)."""

    __tablename__ = "stats_dossier_facts"
    __table_args__ = (
        Index("ix_stats_dossier_facts_end", "end_day", "agency_code", "dossier_id"),
        Index("ix_stats_dossier_facts_received", "received_day", "agency_code", "dossier_id"),
    )

    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True
    )
    agency_code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    unit_code: Mapped[str] = mapped_column(String(CODE_LENGTH), default="")
    procedure_id: Mapped[int] = mapped_column(BigInteger)
    channel: Mapped[str] = mapped_column(String(32))
    submitted_day: Mapped[date] = mapped_column(Date)
    rejected_day: Mapped[date | None] = mapped_column(Date)
    received_day: Mapped[date | None] = mapped_column(Date)
    due_day: Mapped[date | None] = mapped_column(Date)
    end_day: Mapped[date | None] = mapped_column(Date)
    end_kind: Mapped[str | None] = mapped_column(String(16))
    on_time: Mapped[bool | None]
    early: Mapped[bool | None]
    processing_seconds: Mapped[int | None] = mapped_column(BigInteger)
    flags: Mapped[int] = mapped_column(Integer, default=0)  # bit set of facts.FLAGS
    rating: Mapped[int | None] = mapped_column(Integer)
