"""Drill-down from an indicator to the dossiers of its numerator or denominator, in keyset pages over
the per-dossier facts (the same facts the rollups were summed from; a frozen month's snapshot may
differ from today's facts where a dossier changed after the month closed).

The conditions mirror ``facts.rows_of`` for a period [start, judged_at] (module ``indicators``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import ProblemCode, ValidationFailed
from app.models.dossier import Dossier, DossierStatus
from app.models.procedure import Procedure
from app.models.stats import StatsDossierFact as F
from app.services.stats import facts as f
from app.services.stats.periods import Period


class Part(StrEnum):
    numerator = "numerator"
    denominator = "denominator"


# received-population indicators: (flag of the denominator or None for all received, flag of the numerator)
_RECEIVED: dict[str, tuple[int | None, int]] = {
    "1.4": (None, f.FLAG_SYNCED),
    "3.3": (None, f.FLAG_ONLINE),
    "3.6": (f.FLAG_FEE, f.FLAG_PAID_ONLINE),
    "4.1": (f.FLAG_WITH_RESULT, f.FLAG_E_RESULT),
    "4.2": (None, f.FLAG_DIGITISED),
    "4.3": (None, f.FLAG_REUSED),
    "4.5": (None, f.FLAG_POPULATION),
}
DRILLABLE = ("2.1", "2.2", *_RECEIVED)


def _has(flag: int | None) -> ColumnElement[bool]:
    return true() if flag is None else F.flags.op("&")(flag) != 0


def condition(indicator: str, part: Part, start: date, judged_at: date) -> ColumnElement[bool]:
    ended = F.end_day.between(start, judged_at)
    if indicator in ("2.1", "2.2"):
        if indicator == "2.2":
            return ended
        open_at_end = and_(
            F.received_day <= judged_at, or_(F.end_day.is_(None), F.end_day > judged_at)
        )
        if part is Part.denominator:
            return or_(ended, open_at_end)
        return or_(
            and_(ended, F.on_time.is_(True)),
            and_(open_at_end, or_(F.due_day.is_(None), F.due_day > judged_at)),
        )
    if indicator in _RECEIVED:
        den, num = _RECEIVED[indicator]
        received = and_(F.received_day.between(start, judged_at), _has(den))
        return received if part is Part.denominator else and_(received, _has(num))
    raise ValidationFailed(
        f"Chỉ số {indicator} không hỗ trợ xem chi tiết hồ sơ; chọn một trong {', '.join(DRILLABLE)}.",
        code=ProblemCode.validation_failed,
    )


@dataclass(frozen=True)
class DrillRow:
    dossier_id: int
    code: str
    procedure_code: str
    agency_code: str
    channel: str
    status: DossierStatus
    received_at: datetime | None
    due_at: datetime | None
    finished_at: datetime | None
    on_time: bool | None


async def page(
    session: AsyncSession,
    indicator: str,
    part: Part,
    period: Period,
    judged_at: date,
    agencies: set[str] | None,
    unit: str | None,
    after: int | None,
    limit: int,
) -> list[DrillRow]:
    """One keyset page (by dossier id) of the dossiers in the indicator's part."""
    query = (
        select(
            F.dossier_id,
            Dossier.code,
            Procedure.code,
            F.agency_code,
            F.channel,
            Dossier.status,
            Dossier.received_at,
            Dossier.due_at,
            Dossier.finished_at,
            F.on_time,
        )
        .join(Dossier, Dossier.id == F.dossier_id)
        .join(Procedure, Procedure.id == F.procedure_id)
        .where(condition(indicator, part, period.start, judged_at))
        .order_by(F.dossier_id)
        .limit(limit)
    )
    if agencies is not None:
        query = query.where(F.agency_code.in_(sorted(agencies)) if agencies else false())
    if unit is not None:
        query = query.where(F.unit_code == unit)
    if after is not None:
        query = query.where(F.dossier_id > after)
    return [
        DrillRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9])
        for r in (await session.execute(query)).all()
    ]
