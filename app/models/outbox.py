"""The outbox: side effects written in the transaction of the change that causes them.

A row exists if and only if that change committed; ``motcua worker`` processes deliver the rows, one at a
time per ordering key, in id order, each under a lease (DESIGN.md section 8).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Identity, Index, String, Text, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class OutboxMessage(Base):
    __tablename__ = "outbox_messages"
    __table_args__ = (
        # The worker's hot paths, over undelivered rows only (they stay few): the oldest waiting
        # messages (candidate keys), and the oldest message of one key.
        Index(
            "ix_outbox_messages_waiting",
            "id",
            postgresql_where=text("delivered_at IS NULL AND dead_at IS NULL"),
        ),
        Index(
            "ix_outbox_messages_undelivered",
            "ordering_key",
            "id",
            postgresql_where=text("delivered_at IS NULL AND dead_at IS NULL"),
        ),
        Index(
            "ix_outbox_messages_dead",
            "topic",
            "id",
            postgresql_where=text("dead_at IS NOT NULL"),
        ),
    )

    # Also the idempotency id sent to receivers (header X-MotCua-Message-Id).
    id: Mapped[int] = mapped_column(BigInteger, Identity(always=False), primary_key=True)
    topic: Mapped[str] = mapped_column(String(100))
    # Messages of one key are delivered one at a time, in id order (per dossier: its code).
    ordering_key: Mapped[str] = mapped_column(String(200))
    # The content, or a reference ({"ref": {"kind": ..., ...}}) the handler resolves at send time.
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(server_default=func.now())
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    last_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(index=True)
    dead_at: Mapped[datetime | None]
    # The lease of the worker delivering it (app/workers/delivery.py): until when, and the claim's
    # token that the delivered mark must match. Both NULL while nobody holds the message.
    locked_until: Mapped[datetime | None]
    claim_token: Mapped[uuid.UUID | None]


class PeriodicJobState(Base):
    """One row per periodic job: the next period to run, claimed atomically by one worker."""

    __tablename__ = "periodic_job_states"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    schedule: Mapped[str] = mapped_column(String(100))
    next_run_at: Mapped[datetime]
    last_started_at: Mapped[datetime | None]
    last_finished_at: Mapped[datetime | None]
    # "ok" or "error"; None while never run
    last_outcome: Mapped[str | None] = mapped_column(String(16))
    last_error: Mapped[str | None] = mapped_column(Text)
    run_count: Mapped[int] = mapped_column(default=0)
