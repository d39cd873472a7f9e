"""What a gateway's verified word does to a payment, exactly once (issue 15; DESIGN.md section 8).

* The status changes by one conditional UPDATE, only from a state the word may leave: a success from
  created, pending, failed or expired (FAILED -> PAID is the provider's truth), a failure or an
  expiry only from created or pending (PAID -> FAILED never). Concurrent duplicates wait on the row
  and then find nothing to change: one state change, one event.
* A success's dossier change goes through the lifecycle table as the ``gateway`` actor, in the same
  transaction: the fee lines are paid, a dossier waiting for payment resumes (its clock too), the
  event is written and its notification queued (``dossiers.side_effects``).
* A success for a payment already expired, a dossier already paid or ended is recorded, changes no
  dossier status and raises a refund alert; a verified amount that is not the payment's is refused
  and raises an alert (the money may have been taken: VNPay's 04 does not undo it).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, bindparam, cast, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.errors import DomainError
from app.models.dossier import Action, Dossier, DossierFeeLine
from app.models.payment import (
    OPEN_PAYMENT_STATUSES,
    SUCCESS_MAY_FOLLOW,
    AlertKind,
    Payment,
    PaymentAlert,
    PaymentProvider,
    PaymentStatus,
)
from app.schemas.dossiers import ActionRequest
from app.services.dossiers import actions as dossier_actions
from app.services.identity.principals import gateway
from app.services.payments.gateways.base import PaymentOutcome


class Change(StrEnum):
    applied = "applied"  # the payment's status changed (and the dossier, for a success)
    unchanged = "unchanged"  # already final: a duplicate, or a late failure after a success


@dataclass(frozen=True)
class OrderOf:
    """The order a callback names, and the amount it states."""

    provider: PaymentProvider
    merchant: str | None
    order_ref: str
    amount: int | None


@dataclass(frozen=True)
class Word:
    """A verified statement by the gateway (a callback or a query's answer)."""

    outcome: PaymentOutcome
    provider_txn_id: str | None
    provider_code: str | None


def receipt_number(order_ref: str, at: datetime) -> str:
    """The electronic receipt (biên lai điện tử) number of a succeeded payment: one per payment."""
    return f"BLDT-{at:%Y%m%d}-{order_ref}"


class NotPayable(Exception):
    """The dossier refused a verified success (it ended, or its fees are no longer payable where it
    stands) with no savepoint around the attempt: the caller rolls the transaction back and applies
    the word again with ``refused`` set, which records the refund alert instead."""

    def __init__(self, error: DomainError) -> None:
        super().__init__(error.detail)
        self.error = error


async def alert(
    session: AsyncSession, payment: Payment, kind: AlertKind, now: datetime, **detail: Any
) -> None:
    session.add(PaymentAlert(payment_id=payment.id, kind=kind, detail=detail, created_at=now))


@functools.cache
def _transition_statement(
    sources: frozenset[PaymentStatus], target: PaymentStatus, columns: tuple[str, ...]
) -> Any:
    """The conditional UPDATE from ``sources`` to ``target`` setting ``columns`` (bound as ``v_`` +
    the column), built once per kind of change: its RETURNING refreshes the payment."""
    return (
        update(Payment)
        .where(Payment.id == bindparam("payment_id"), Payment.status.in_(sorted(sources)))
        .values(status=target, **{column: bindparam(f"v_{column}") for column in columns})
        .returning(Payment)
        .execution_options(synchronize_session=False, populate_existing=True)
    )


async def _transition(
    session: AsyncSession,
    payment: Payment,
    sources: frozenset[PaymentStatus],
    target: PaymentStatus,
    values: dict[str, Any],
) -> bool:
    """One conditional UPDATE; its RETURNING refreshes ``payment`` (no second read on success)."""
    changed = await session.scalar(
        _transition_statement(sources, target, tuple(values)),
        {"payment_id": payment.id, **{f"v_{column}": value for column, value in values.items()}},
    )
    if changed is None:
        await session.refresh(payment)
        return False
    return True


_PAID_AMONG = select(DossierFeeLine.id).where(
    DossierFeeLine.id.in_(bindparam("line_ids", expanding=True)),
    DossierFeeLine.paid_at.is_not(None),
)


async def _lines_still_due(session: AsyncSession, payment: Payment) -> bool:
    """Every line the payment covers is still unpaid (nobody paid them another way meanwhile)."""
    paid = await session.scalar(_PAID_AMONG, {"line_ids": list(payment.fee_line_ids)})
    return paid is None


async def apply(
    session: AsyncSession,
    settings: Settings,
    payment: Payment,
    word: Word,
    *,
    now: datetime,
    isolated: bool = True,
    refused: DomainError | None = None,
) -> Change:
    """Apply the gateway's verified ``word`` about ``payment`` (see the module's rules).

    ``isolated`` (the default, for callers whose transaction holds other writes): the dossier's
    action runs in a savepoint, and its refusal becomes a refund alert. Otherwise (a callback, which
    owns its transaction) there is no savepoint to pay for: a refusal raises ``NotPayable``, the
    caller rolls back and calls again with ``refused``, which records the alert."""
    if word.outcome is PaymentOutcome.pending:
        return Change.unchanged
    if word.outcome is not PaymentOutcome.succeeded:
        changed = await _transition(
            session,
            payment,
            OPEN_PAYMENT_STATUSES,
            PaymentStatus.failed,
            {"provider_code": word.provider_code, "settled_at": now},
        )
        return Change.applied if changed else Change.unchanged
    was = payment.status
    changed = await _transition(
        session,
        payment,
        SUCCESS_MAY_FOLLOW,
        PaymentStatus.succeeded,
        {
            "provider_txn_id": word.provider_txn_id,
            "provider_code": word.provider_code,
            "settled_at": now,
            "receipt_number": receipt_number(payment.order_ref, now),
        },
    )
    if not changed:
        return Change.unchanged
    expired = was is PaymentStatus.expired
    await _paid(
        session, settings, payment, now, expired=expired, isolated=isolated, refused=refused
    )
    return Change.applied


# the payment of the order a callback names: its reference, provider and merchant, bound as
# ``w_order_ref``, ``w_provider``, ``w_merchant`` (an UPDATE reserves the columns' own names)
OF_ORDER = (
    Payment.order_ref == bindparam("w_order_ref"),
    Payment.provider == bindparam("w_provider"),
    Payment.merchant_code == bindparam("w_merchant"),
)
# some line the payment covers was paid another way meanwhile (``_lines_still_due``'s contrary)
_COVERED_LINE = func.jsonb_array_elements_text(Payment.fee_line_ids).column_valued("line_id")
_LINES_PAID_MEANWHILE = (
    select(DossierFeeLine.id)
    .where(
        DossierFeeLine.id.in_(select(cast(_COVERED_LINE, BigInteger))),
        DossierFeeLine.paid_at.is_not(None),
    )
    .exists()
    .correlate(Payment)
    .label("lines_paid")
)
# A callback's success in one statement: the open (or failed) payment of the order, at the amount
# the gateway states, becomes succeeded. No row: an unknown order, a wrong amount, a payment already
# final or expired, each told apart by ``apply``'s slower path.
_SUCCESS_OF_ORDER = (
    update(Payment)
    .where(
        *OF_ORDER,
        Payment.amount == bindparam("w_amount"),
        Payment.status.in_(sorted(SUCCESS_MAY_FOLLOW - {PaymentStatus.expired})),
    )
    .values(
        status=PaymentStatus.succeeded,
        provider_txn_id=bindparam("v_provider_txn_id"),
        provider_code=bindparam("v_provider_code"),
        settled_at=bindparam("v_settled_at"),
        receipt_number=bindparam("v_receipt_number"),
    )
    .returning(Payment, _LINES_PAID_MEANWHILE)
    .execution_options(synchronize_session=False, populate_existing=True)
)
# the order's dossier, locked before its payment changes (as when a payment starts: dossier, then
# payment), so what the UPDATE then reads of the lines is what the dossier's lock guards
_DOSSIER_OF_ORDER = (
    select(Dossier)
    .where(Dossier.id == select(Payment.dossier_id).where(*OF_ORDER).scalar_subquery())
    .with_for_update(of=Dossier)
)


async def apply_success_of_order(
    session: AsyncSession,
    settings: Settings,
    order: OrderOf,
    word: Word,
    *,
    now: datetime,
    refused: DomainError | None = None,
) -> Payment | None:
    """A callback's verified success, applied as ``apply`` would in the common case (the payment
    open or failed, the amount its own) with one statement fewer; None when that is not the case,
    and nothing was changed. The caller owns the transaction (``isolated=False``)."""
    assert word.outcome is PaymentOutcome.succeeded
    of_order = {
        "w_order_ref": order.order_ref,
        "w_provider": order.provider,
        "w_merchant": order.merchant,
    }
    dossier = await session.scalar(_DOSSIER_OF_ORDER, of_order)
    if dossier is None:
        return None
    values = {
        "w_amount": order.amount,
        "v_provider_txn_id": word.provider_txn_id,
        "v_provider_code": word.provider_code,
        "v_settled_at": now,
        "v_receipt_number": receipt_number(order.order_ref, now),
    }
    row = (await session.execute(_SUCCESS_OF_ORDER, {**of_order, **values})).one_or_none()
    if row is None:
        return None
    payment, lines_paid = row
    await _paid(
        session, settings, payment, now,
        expired=False, isolated=False, refused=refused, locked=(dossier, not lines_paid),
    )  # fmt: skip
    return payment


async def _paid(
    session: AsyncSession,
    settings: Settings,
    payment: Payment,
    now: datetime,
    *,
    expired: bool,
    isolated: bool,
    refused: DomainError | None,
    locked: tuple[Dossier, bool] | None = None,
) -> None:
    """The dossier's side of a success just applied to ``payment`` (see the module's rules).

    ``locked``: the dossier, already locked, and whether the payment's lines were all still due
    when read under that lock."""
    if locked is None:
        dossier = await session.get(Dossier, payment.dossier_id, with_for_update=True)
        assert dossier is not None
        still_due = await _lines_still_due(session, payment)
    else:
        dossier, still_due = locked
    if expired or not still_due:
        await alert(
            session, payment, AlertKind.refund_needed, now,
            reason="expired" if expired else "already_paid", amount=payment.amount,
        )  # fmt: skip
        return
    if refused is None:
        try:
            if isolated:
                async with session.begin_nested():
                    await _record_payment(session, settings, payment, dossier, now)
            else:
                await _record_payment(session, settings, payment, dossier, now)
            return
        except DomainError as exc:  # the dossier ended, or is no longer where fees are payable
            if not isolated:  # what the attempt wrote may stay half done: the caller starts again
                raise NotPayable(exc) from exc
            refused = exc
    await alert(
        session, payment, AlertKind.refund_needed, now,
        reason="dossier_not_payable", dossier_status=dossier.status.value,
        code=refused.instance_code.value, amount=payment.amount,
    )  # fmt: skip


async def _record_payment(
    session: AsyncSession, settings: Settings, payment: Payment, dossier: Dossier, now: datetime
) -> None:
    """The lifecycle's ``record_payment`` by the gateway actor: the lines paid, the clock resumed,
    the event and its messages."""
    await dossier_actions.perform(
        session,
        settings,
        gateway(payment.provider.value),
        dossier.code,
        Action.record_payment,
        ActionRequest(receipt_number=payment.receipt_number),
        now=now,
        locked=dossier,
    )
