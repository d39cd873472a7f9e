"""Online fee payments, every callback as received, and the alerts for administrators (DESIGN.md
section 3 "Payment"; issue 15).

Exactly once sits on the payment: its status changes only from an open state (a conditional update),
a partial unique index keeps one open payment per dossier, and another keeps one verified success per
(provider, provider transaction id). Callbacks are appended raw with their verification outcome and
no uniqueness (VNPay sends ``vnp_TransactionNo=0`` on every failure and repeats IPNs).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin
from app.models.catalog import CODE_LENGTH, str_enum


class PaymentStatus(StrEnum):
    created = "created"  # made, the payer not sent to the gateway yet
    pending = "pending"  # the payer was sent to the gateway: waiting for its word
    succeeded = "succeeded"
    failed = "failed"
    expired = "expired"  # the query said unpaid after the expiry time, or another provider chosen
    refunded = "refunded"  # an administrator recorded the refund


OPEN_PAYMENT_STATUSES = frozenset({PaymentStatus.created, PaymentStatus.pending})
# a success may still come for these: the provider's truth (FAILED -> PAID), never the reverse
SUCCESS_MAY_FOLLOW = OPEN_PAYMENT_STATUSES | {PaymentStatus.failed, PaymentStatus.expired}


class PaymentProvider(StrEnum):
    vnpay = "vnpay"
    momo = "momo"
    zalopay = "zalopay"
    national = "national"
    cash = "cash"  # at the desk (record_payment), for the register and the settlement report


class AlertKind(StrEnum):
    amount_mismatch = "amount_mismatch"  # a verified success for another amount: refused
    refund_needed = "refund_needed"  # money taken for a payment or dossier that needs none any more


def _in(column: str, values: frozenset[PaymentStatus] | set[PaymentStatus]) -> Any:
    listed = ", ".join(f"'{value.value}'" for value in sorted(values))
    return text(f"{column} IN ({listed})")


class Payment(TimestampMixin, Base):
    __tablename__ = "payments"
    __table_args__ = (
        # at most one open payment per dossier
        Index(
            "uq_payments_open_per_dossier",
            "dossier_id",
            unique=True,
            postgresql_where=_in("status", OPEN_PAYMENT_STATUSES),
        ),
        # one verified success per gateway transaction
        Index(
            "uq_payments_provider_txn",
            "provider",
            "provider_txn_id",
            unique=True,
            postgresql_where=_in("status", {PaymentStatus.succeeded, PaymentStatus.refunded}),
        ),
        Index("ix_payments_status_created_at", "status", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    provider: Mapped[PaymentProvider] = mapped_column(str_enum(PaymentProvider, "payment_provider"))
    merchant_code: Mapped[str] = mapped_column(String(64))
    agency_code: Mapped[str] = mapped_column(String(CODE_LENGTH))  # whose account collects
    order_ref: Mapped[str] = mapped_column(String(32), unique=True)  # our transaction reference
    amount: Mapped[int] = mapped_column(BigInteger)  # đồng
    status: Mapped[PaymentStatus] = mapped_column(str_enum(PaymentStatus, "payment_status"))
    fee_line_ids: Mapped[list[int]] = mapped_column(JSONB)  # the fee lines it pays
    pay_url: Mapped[str | None] = mapped_column(Text)  # where the payer goes (signed, no secret)
    provider_txn_id: Mapped[str | None] = mapped_column(String(64))
    provider_code: Mapped[str | None] = mapped_column(String(32))  # the gateway's last result code
    receipt_number: Mapped[str | None] = mapped_column(String(64))  # biên lai (điện tử: ours)
    owner_subject: Mapped[str | None] = mapped_column(String(255))  # who started it (a citizen)
    expires_at: Mapped[datetime]
    settled_at: Mapped[datetime | None]  # when it became final
    refund_reason: Mapped[str | None] = mapped_column(Text)
    refund_reference: Mapped[str | None] = mapped_column(String(128))


class PaymentCallback(Base):
    """One callback as received (raw), with what its verification and handling concluded."""

    __tablename__ = "payment_callbacks"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    provider: Mapped[PaymentProvider] = mapped_column(str_enum(PaymentProvider, "payment_provider"))
    payment_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("payments.id"), index=True)
    received_at: Mapped[datetime] = mapped_column(index=True)
    query: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    verified: Mapped[bool]
    rejection: Mapped[str | None] = mapped_column(String(32))
    outcome: Mapped[str | None] = mapped_column(String(16))
    disposition: Mapped[str] = mapped_column(String(32))
    order_ref: Mapped[str | None] = mapped_column(String(64))


class PaymentAlert(Base):
    """Something an administrator must act on (a refund, a mismatched amount)."""

    __tablename__ = "payment_alerts"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    payment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payments.id"), index=True)
    kind: Mapped[AlertKind] = mapped_column(str_enum(AlertKind, "payment_alert_kind"))
    detail: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
