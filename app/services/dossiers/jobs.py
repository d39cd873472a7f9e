"""What the dossiers domain gives the worker: its periodic sweeps (DESIGN.md sections 4 and 8).

* Supplement deadlines: a dossier whose applicant did not supplement in time is closed by the system —
  rejected if it was never received, stopped otherwise (Decree 118/2025).
* Overdue sweep: flags open dossiers and steps that are overdue or due within the warning window.

Listed in ``JOBS`` (app/services/system/registry.py); the notification a dossier's events send is
worded in the notifications domain.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import DomainError
from app.models.dossier import CLOCK_RUNNING, Action, Dossier, DossierStatus, DossierStep
from app.schemas.dossiers import ActionRequest
from app.services.calendar.overrides import load_calendar
from app.services.dossiers import actions as dossier_actions
from app.services.dossiers.rule_sets import RULE_SETS
from app.services.identity.principals import SYSTEM
from app.services.system.registry import PeriodicJob, WorkerContext

log = logging.getLogger(__name__)
SWEEP_BATCH = 200


async def _close_one(ctx: WorkerContext, code: str, now: datetime) -> str | None:
    async with ctx.session_factory() as session, session.begin():
        dossier = await session.scalar(
            select(Dossier).where(Dossier.code == code).with_for_update(skip_locked=True)
        )
        if (
            dossier is None
            or dossier.status is not DossierStatus.supplement_requested
            or dossier.supplement_deadline_at is None
            or dossier.supplement_deadline_at > now
        ):
            return None
        action = Action.reject if dossier.received_at is None else Action.stop
        await dossier_actions.perform(
            session,
            ctx.settings,
            SYSTEM,
            code,
            action,
            ActionRequest(note="Quá hạn bổ sung hồ sơ mà người nộp không bổ sung."),
            now=now,
        )
        return action.value


async def close_expired_supplements(ctx: WorkerContext, period: datetime) -> int:
    """Close the dossiers whose supplement deadline passed without a supplement."""
    now = datetime.now(UTC)
    async with ctx.session_factory() as session:
        codes = list(
            await session.scalars(
                select(Dossier.code)
                .where(
                    Dossier.status == DossierStatus.supplement_requested,
                    Dossier.supplement_deadline_at <= now,
                )
                .order_by(Dossier.supplement_deadline_at)
                .limit(SWEEP_BATCH)
            )
        )
    closed = 0
    for code in codes:
        try:
            if await _close_one(ctx, code, now):
                closed += 1
        except DomainError as exc:  # e.g. a concurrent officer action: the next run retries
            log.warning("supplement_sweep_skipped", extra={"code": code, "reason": exc.detail})
    return closed


async def flag_overdue(session: AsyncSession, ctx_settings: Any, now: datetime) -> int:
    """Set ``overdue`` and ``due_soon`` on open dossiers and ``overdue`` on open steps.

    Only the rows whose flag changes are written, and each dossier's warning window comes from its own
    rule set (the one in force when it was submitted, DESIGN.md section 2). Returns the dossiers changed.
    """
    calendar = await load_calendar(session, ctx_settings)
    changed = 0
    for rules in RULE_SETS:
        amount, unit = rules.due_soon_window
        overdue = Dossier.overdue_at(now)
        due_soon = Dossier.due_soon_at(now, calendar.add(now, amount, unit))
        result = await session.execute(
            update(Dossier)
            .where(
                Dossier.rule_set == rules.code,
                Dossier.status.in_(CLOCK_RUNNING),
                Dossier.due_at.is_not(None),
                or_(Dossier.overdue != overdue, Dossier.due_soon != due_soon),
            )
            .values(overdue=overdue, due_soon=due_soon)
            .execution_options(synchronize_session=False)
        )
        changed += int(getattr(result, "rowcount", 0) or 0)
    await session.execute(
        update(DossierStep)
        .where(DossierStep.overdue_at(now), DossierStep.overdue.is_(False))
        .values(overdue=True)
        .execution_options(synchronize_session=False)
    )
    return changed


async def overdue_sweep(ctx: WorkerContext, period: datetime) -> int:
    async with ctx.session_factory() as session, session.begin():
        return await flag_overdue(session, ctx.settings, datetime.now(UTC))


JOBS = (
    PeriodicJob(
        "dossiers.supplement_deadlines", close_expired_supplements, every=timedelta(minutes=5)
    ),
    PeriodicJob("dossiers.overdue_sweep", overdue_sweep, every=timedelta(minutes=5)),
)
