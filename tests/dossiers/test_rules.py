"""Legal rules of the lifecycle (Decree 118/2025 as DESIGN.md section 4 states them)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.models.calendar import DurationUnit
from app.models.dossier import Action, Dossier, DossierStatus
from app.models.procedure import Procedure
from app.schemas.dossiers import ActionRequest, DocumentInput, DossierCreate
from app.services.calendar.overrides import load_calendar
from app.services.dossiers import actions as dossier_actions
from app.services.dossiers.jobs import close_expired_supplements, flag_overdue
from app.services.identity import users as users_service
from app.services.identity.principals import OfficerPrincipal, Principal
from app.services.system.registry import WorkerContext
from tests.dossiers.conftest import BIRTH, COMMUNE, COMMUNE_UNIT, World

PROCEDURE = "1.001612"  # 3 working days at commune 31
VN = timedelta(hours=7)
MONDAY_0800 = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)  # Monday 30 Nov 2026, 08:00 in Vietnam


async def _officer(session: AsyncSession, username: str) -> OfficerPrincipal:
    user = await users_service.get_by_username(session, username)
    assert user is not None
    return OfficerPrincipal(
        user_id=user.id,
        username=user.username,
        roles=frozenset((r.agency_code, r.role) for r in user.roles),
        issued_at=MONDAY_0800,
    )


async def _desk_submit(
    session: AsyncSession, settings: Settings, desk: OfficerPrincipal, now: datetime
) -> Dossier:
    docs = await session.scalar(
        select(Procedure.documents).where(Procedure.code == PROCEDURE, Procedure.is_current)
    )
    data = DossierCreate(
        procedure_code=PROCEDURE,
        agency_code=COMMUNE,
        receiving_office_code=COMMUNE,
        applicant={
            "name": "Lê Văn Cường",
            "id_kind": "personal_id",
            "id_number": "001088001122",
            "unit_code": COMMUNE_UNIT,
        },
        documents=[
            DocumentInput(requirement_code=d["code"], paper_original_checked=True)
            for d in docs or []
            if d.get("mandatory")
        ],
        outcome="receive",
    )
    submission = await dossier_actions.submit(session, settings, desk, data, now=now)
    return submission.dossier


async def _act(
    session: AsyncSession,
    settings: Settings,
    who: Principal | None,
    code: str,
    action: Action,
    now: datetime,
    **body: Any,
) -> Dossier:
    return await dossier_actions.perform(
        session, settings, who, code, action, ActionRequest(**body), now=now
    )


async def test_receipt_always_has_a_due_date_and_the_database_refuses_otherwise(
    world: World, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    desk = await world.officer("tiepnhan.xa")
    response = await world.submit_at_desk(desk, PROCEDURE)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "received"
    assert body["received_at"] and body["due_at"]
    receipt = await world.client.get(f"/api/v1/dossiers/{body['code']}/forms/receipt", headers=desk)
    assert receipt.status_code == 200
    assert receipt.json()["due_at"] is not None
    async with session_factory() as session:
        with pytest.raises(IntegrityError):
            await session.execute(
                update(Dossier).where(Dossier.code == body["code"]).values(due_at=None)
            )


async def test_pause_and_resume_move_due_at_by_exactly_the_working_time_paused(
    session: AsyncSession, settings: Settings
) -> None:
    desk = await _officer(session, "tiepnhan.xa")
    specialist = await _officer(session, "chuyenvien.xa")
    dossier = await _desk_submit(session, settings, desk, MONDAY_0800)
    calendar = await load_calendar(session, settings)
    assert dossier.due_at == calendar.add(MONDAY_0800, 3, DurationUnit.WORKING_DAYS)
    due_before = dossier.due_at
    await _act(
        session, settings, desk, dossier.code, Action.forward, MONDAY_0800 + timedelta(minutes=30)
    )
    assert dossier.current_step == 1
    paused_at = MONDAY_0800 + timedelta(hours=1)  # Monday 09:00
    await _act(
        session,
        settings,
        specialist,
        dossier.code,
        Action.request_supplement,
        paused_at,
        note="Thiếu",
        items=[{"requirement_code": "TP01", "reason": "Thiếu chữ ký"}],
    )
    assert dossier.status is DossierStatus.supplement_requested
    assert dossier.resume_status is DossierStatus.in_progress
    assert dossier.resume_step == 1
    resumed_at = MONDAY_0800 + timedelta(days=1, hours=2)  # Tuesday 10:00
    await _act(
        session,
        settings,
        desk,
        dossier.code,
        Action.supplement,
        resumed_at,
        documents=[{"requirement_code": "TP01", "paper_original_checked": True}],
    )
    assert dossier.status is DossierStatus.in_progress
    assert dossier.current_step == 1
    # Monday 09:00-11:30 and 13:00-17:00, Tuesday 07:30-10:00: nine working hours
    paused = calendar.working_time_between(paused_at, resumed_at)
    assert paused == timedelta(hours=9)
    assert dossier.due_at == calendar.add(due_before, Decimal(9), DurationUnit.WORKING_HOURS)
    assert calendar.working_time_between(due_before, dossier.due_at) == timedelta(hours=9)


async def test_second_supplement_request_during_processing_is_refused(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    code = (await world.submit_at_desk(desk, PROCEDURE)).json()["code"]
    await world.act(code, "forward", desk)
    specialist = await world.officer("chuyenvien.xa")
    first = await world.act(
        code,
        "request_supplement",
        specialist,
        note="Thiếu bản vẽ",
        items=[{"requirement_code": "TP01", "reason": "Thiếu chữ ký"}],
    )
    assert first.status_code == 200
    assert first.json()["supplement_deadline_at"]
    back = await world.act(
        code,
        "supplement",
        desk,
        documents=[{"requirement_code": "TP01", "paper_original_checked": True}],
    )
    assert back.json()["status"] == "in_progress"
    second = await world.act(
        code,
        "request_supplement",
        specialist,
        note="Lại thiếu",
        items=[{"requirement_code": "TP01", "reason": "Thiếu chữ ký"}],
    )
    assert second.status_code == 409
    assert second.json()["code"] == "supplement_limit"
    form = await world.client.get(f"/api/v1/dossiers/{code}/forms/supplement_request", headers=desk)
    assert form.json()["reasons"] == "Thiếu bản vẽ"


async def test_expired_supplement_deadline_stops_or_rejects(
    session: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    engine: Any,
) -> None:
    desk = await _officer(session, "tiepnhan.xa")
    long_ago = datetime.now(UTC) - timedelta(days=120)
    received = await _desk_submit(session, settings, desk, long_ago)
    await _act(
        session,
        settings,
        desk,
        received.code,
        Action.request_supplement,
        long_ago,
        note="Thiếu",
        items=[{"requirement_code": "TP01", "reason": "Thiếu chữ ký"}],
    )
    never_received = await _desk_submit(session, settings, desk, long_ago)
    # a dossier submitted online and sent back for supplements before receipt
    never_received.status = DossierStatus.submitted
    never_received.received_at = None
    never_received.due_at = None
    await session.flush()
    await _act(
        session,
        settings,
        desk,
        never_received.code,
        Action.request_supplement,
        long_ago,
        note="Thiếu",
        items=[{"requirement_code": "TP01", "reason": "Thiếu chữ ký"}],
    )
    await session.commit()
    ctx = WorkerContext(
        settings=settings, engine=engine, session_factory=session_factory, http=None
    )  # type: ignore[arg-type]
    assert await close_expired_supplements(ctx, datetime.now(UTC)) >= 2
    async with session_factory() as check:
        rows = await check.execute(
            select(Dossier.code, Dossier.status).where(
                Dossier.code.in_([received.code, never_received.code])
            )
        )
        statuses = {code: status for code, status in rows}
    assert statuses[received.code] is DossierStatus.stopped
    assert statuses[never_received.code] is DossierStatus.rejected


async def test_reschedule_once_at_least_a_working_day_ahead_due_at_unchanged(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    code = (await world.submit_at_desk(desk, PROCEDURE)).json()["code"]
    leader = await world.officer("lanhdao.xa")
    before = (await world.get(code, desk)).json()
    promised = (datetime.fromisoformat(before["due_at"]) + timedelta(days=5)).isoformat()
    no_reason = await world.act(code, "reschedule", leader, promised_due_at=promised)
    assert no_reason.status_code == 422
    first = await world.act(
        code, "reschedule", leader, promised_due_at=promised, note="Cần xác minh"
    )
    assert first.status_code == 200, first.text
    assert first.json()["due_at"] == before["due_at"]
    assert datetime.fromisoformat(first.json()["promised_due_at"]) == datetime.fromisoformat(
        promised
    )
    again = await world.act(code, "reschedule", leader, promised_due_at=promised, note="Lần hai")
    assert again.status_code == 409
    assert again.json()["code"] == "reschedule_limit"
    apology = await world.client.get(f"/api/v1/dossiers/{code}/forms/apology", headers=desk)
    assert apology.status_code == 200
    assert apology.json()["reasons"] == "Cần xác minh"


async def test_reschedule_less_than_a_working_day_before_due_at_is_refused_under_decree_61(
    session: AsyncSession, settings: Settings
) -> None:
    """The lead time is the rule set's (issue 12): Decree 61/2018's asks for one working day; the
    rule set in force since 2025 has none (``tests/dossiers/test_apologies.py``)."""
    desk = await _officer(session, "tiepnhan.xa")
    leader = await _officer(session, "lanhdao.xa")
    dossier = await _desk_submit(session, settings, desk, MONDAY_0800)
    dossier.rule_set = "nd61-2018"
    assert dossier.due_at is not None
    late = dossier.due_at - timedelta(hours=2)
    from app.errors import Conflict

    with pytest.raises(Conflict) as refused:
        await _act(
            session,
            settings,
            leader,
            dossier.code,
            Action.reschedule,
            late,
            note="Muộn",
            promised_due_at=dossier.due_at + timedelta(days=3),
        )
    assert refused.value.instance_code == "reschedule_too_late"
    assert dossier.promised_due_at is None


async def test_withdraw_is_possible_until_resolved(world: World) -> None:
    citizen = await world.citizen("citizen-withdraw")
    code = (await world.submit_online(citizen, BIRTH, COMMUNE)).json()["code"]
    desk = await world.officer("tiepnhan.xa")
    await world.act(code, "receive", desk)
    await world.act(code, "forward", desk)
    await world.act(code, "forward", await world.officer("chuyenvien.xa"))
    await world.act(code, "resolve", await world.officer("lanhdao.xa"))
    late = await world.act(code, "withdraw", citizen, note="Đổi ý")
    assert late.status_code == 409
    other = (await world.submit_online(citizen, BIRTH, COMMUNE)).json()["code"]
    early = await world.act(other, "withdraw", citizen, note="Đổi ý")
    assert early.status_code == 200
    assert early.json()["status"] == "withdrawn"


async def test_overdue_sweep_flags_late_dossiers_and_steps(
    session: AsyncSession, settings: Settings
) -> None:
    desk = await _officer(session, "tiepnhan.xa")
    late = await _desk_submit(session, settings, desk, datetime.now(UTC) - timedelta(days=30))
    fresh = await _desk_submit(session, settings, desk, datetime.now(UTC))
    await flag_overdue(session, settings, datetime.now(UTC))
    await session.refresh(late)
    await session.refresh(fresh)
    assert late.overdue is True
    assert fresh.overdue is False
