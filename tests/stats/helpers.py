"""Helpers of the statistics tests: dossiers built through the API, then placed in a past month."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import Dossier, DossierEvent
from app.services.stats import indicators as stats_indicators
from app.services.stats import rollups
from app.services.stats.indicators import Indicator, IndicatorReport
from app.services.stats.periods import parse_period

VN = timezone(timedelta(hours=7))
TODAY = date(2026, 12, 1)


def at(day: int, hour: int = 9, month: int = 10) -> datetime:
    """A Vietnam wall-clock instant of 2026."""
    return datetime(2026, month, day, hour, tzinfo=VN)


async def dossier_id(session: AsyncSession, code: str) -> int:
    found = await session.scalar(select(Dossier.id).where(Dossier.code == code))
    assert found is not None
    return found


async def place(
    session: AsyncSession, code: str, *, events: dict[str, datetime] | None = None, **values: Any
) -> int:
    """Move the dossier's instants (and the named events' ``at``) to a hand-chosen scenario."""
    ident = await dossier_id(session, code)
    values.setdefault("submitted_at", values.get("received_at") or at(1))
    await session.execute(
        update(Dossier)
        .where(Dossier.id == ident)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    for action, when in (events or {}).items():
        await session.execute(
            update(DossierEvent)
            .where(DossierEvent.dossier_id == ident, DossierEvent.action == action)
            .values(at=when)
        )
    # every other event of the dossier into the same past (submission, receipt)
    await session.execute(
        update(DossierEvent)
        .where(
            DossierEvent.dossier_id == ident, DossierEvent.at > datetime(2026, 11, 15, tzinfo=VN)
        )
        .values(at=values["submitted_at"])
    )
    session.expunge_all()
    return ident


async def refresh(session: AsyncSession, *ids: int) -> None:
    await rollups.refresh(session, ids)


async def report(
    session: AsyncSession,
    period: str = "2026-10",
    agencies: set[str] | None = None,
    *,
    portal: bool = False,
) -> IndicatorReport:
    return await stats_indicators.report(
        session, parse_period(period), TODAY, agencies, None, portal_configured=portal
    )


def indicator(found: IndicatorReport, code: str) -> Indicator:
    return next(i for i in found.indicators if i.code == code)
