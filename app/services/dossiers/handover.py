"""Hand-over of open dossiers when agencies merge (DESIGN.md section 3; Decree 118/2025 and the
2025 two-tier reform: the successor of a merged agency takes over its pending work).

An open dossier linked to a replaced agency (``replaced_by``) follows it: its current agency, the
steps still ahead of it (the current one included), and its receiving office (the desk that returns
the result and keeps its register) become the successor's, so worklists and permissions, which read
exactly these, follow. Steps already done keep the agency that did them. One ``hand_over`` event
records the change (which agency went to which). Run when an administrator records the merger,
and by ``motcua catalog hand-over`` for agencies replaced before (an import, or earlier data).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.models.catalog import Agency
from app.models.dossier import Dossier
from app.services.catalog import reads as catalog_service
from app.services.dossiers.events import record_event
from app.services.dossiers.lifecycle import FINAL_STATUSES
from app.services.identity.principals import SYSTEM

HAND_OVER = "hand_over"  # the event's action


async def _successors(session: AsyncSession, codes: Iterable[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for code in sorted(set(codes)):
        successor = await catalog_service.current_successor(session, code)
        if successor is not None and successor.code != code:
            mapping[code] = successor.code
    return mapping


async def hand_over(
    session: AsyncSession, settings: Settings, dossier: Dossier, *, now: datetime
) -> dict[str, str]:
    """Move what remains of an open dossier to the successors of replaced agencies; the agencies
    moved (old code -> new code), empty when nothing was replaced."""
    if dossier.status in FINAL_STATUSES:
        return {}
    start = dossier.current_step if dossier.current_step is not None else 0
    ahead = [step["agency_code"] for step in dossier.route[start:]]
    linked = [*ahead, dossier.receiving_office_code]
    if dossier.current_agency_code is not None:
        linked.append(dossier.current_agency_code)
    mapping = await _successors(session, linked)
    if not mapping:
        return {}
    dossier.route = [
        {**step, "agency_code": mapping.get(step["agency_code"], step["agency_code"])}
        if position >= start
        else step
        for position, step in enumerate(dossier.route)
    ]
    if dossier.current_agency_code is not None:
        dossier.current_agency_code = mapping.get(
            dossier.current_agency_code, dossier.current_agency_code
        )
    dossier.receiving_office_code = mapping.get(
        dossier.receiving_office_code, dossier.receiving_office_code
    )
    await record_event(
        session,
        settings,
        dossier,
        action=HAND_OVER,
        from_status=dossier.status,
        principal=SYSTEM,
        at=now,
        note="Bàn giao hồ sơ cho cơ quan kế thừa sau sáp nhập",
        payload={"agencies": mapping},
    )
    return mapping


async def hand_over_replaced(
    session: AsyncSession,
    settings: Settings,
    *,
    now: datetime,
    agencies: Iterable[str] | None = None,
) -> list[str]:
    """Hand over every open dossier linked to a replaced agency (or only to ``agencies``, when
    given); the codes of the dossiers handed over. Idempotent: a second run finds nothing."""
    replaced = select(Agency.code).where(Agency.replaced_by.is_not(None))
    if agencies is not None:
        replaced = replaced.where(Agency.code.in_(sorted(set(agencies))))
    step_agency = func.jsonb_array_elements(Dossier.route).table_valued("value").alias("step")
    query = (
        select(Dossier)
        .where(
            Dossier.status.not_in(FINAL_STATUSES),
            or_(
                Dossier.current_agency_code.in_(replaced),
                Dossier.receiving_office_code.in_(replaced),
                exists()
                .select_from(step_agency)
                .where(step_agency.c.value.op("->>")("agency_code").in_(replaced)),
            ),
        )
        .order_by(Dossier.id)
        .with_for_update()
    )
    handed: list[str] = []
    for dossier in await session.scalars(query):
        if await hand_over(session, settings, dossier, now=now):
            handed.append(dossier.code)
    await session.flush()
    return handed
