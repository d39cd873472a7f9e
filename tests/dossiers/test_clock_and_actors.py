"""The lifecycle table is the whole truth (DESIGN.md section 4): its clock column drives time, the
system and gateway actors pass through it like everyone else, "on time" and "overdue" have one
definition, and the sweep writes only the rows whose flags change, each with its own rule set."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.errors import Forbidden
from app.models.calendar import DurationUnit
from app.models.dossier import (
    Action,
    ActorKind,
    Dossier,
    DossierEvent,
    DossierFeeLine,
    DossierStatus,
    DossierStep,
)
from app.schemas.dossiers import ActionRequest
from app.services.calendar.overrides import load_calendar
from app.services.dossiers import actions as dossier_actions
from app.services.dossiers import jobs as dossier_jobs
from app.services.dossiers.jobs import flag_overdue
from app.services.dossiers.lifecycle import LIFECYCLE, Clock
from app.services.dossiers.rule_sets import RULE_SETS
from app.services.dossiers.side_effects import SIDE_EFFECTS, SideEffect, topics_of
from app.services.identity.principals import SYSTEM, gateway
from tests.dossiers.test_rules import MONDAY_0800, _desk_submit, _officer


async def _awaiting_payment(session: AsyncSession, settings: Settings) -> Dossier:
    desk = await _officer(session, "tiepnhan.xa")
    dossier = await _desk_submit(session, settings, desk, MONDAY_0800)
    session.add(
        DossierFeeLine(
            dossier_id=dossier.id,
            name="Lệ phí",
            kind="levy",
            amount=50_000,
            requires_confirmation=False,
            confirmed=True,
        )
    )
    await session.flush()
    await dossier_actions.perform(
        session,
        settings,
        desk,
        dossier.code,
        Action.request_payment,
        ActionRequest(),
        now=MONDAY_0800 + timedelta(hours=1),
    )
    assert dossier.status is DossierStatus.awaiting_payment
    return dossier


async def test_a_gateway_confirms_a_payment_through_the_table(
    session: AsyncSession, settings: Settings
) -> None:
    dossier = await _awaiting_payment(session, settings)
    due_before = dossier.due_at
    paused_at = dossier.paused_at
    assert due_before is not None and paused_at is not None
    paid_at = MONDAY_0800 + timedelta(hours=3)  # two working hours later (09:00 -> 11:00)
    await dossier_actions.perform(
        session,
        settings,
        gateway("vnpay"),
        dossier.code,
        Action.record_payment,
        ActionRequest(receipt_number="VNP-0001"),
        now=paid_at,
    )
    calendar = await load_calendar(session, settings)
    assert dossier.status is DossierStatus.received  # resumed where it was
    assert dossier.due_at == calendar.add(due_before, Decimal(2), DurationUnit.WORKING_HOURS)
    event = await session.scalar(
        select(DossierEvent)
        .where(DossierEvent.dossier_id == dossier.id)
        .order_by(DossierEvent.seq.desc())
        .limit(1)
    )
    assert event is not None
    assert (event.action, event.actor_kind, event.actor_id) == (
        "record_payment",
        ActorKind.gateway,
        "vnpay",
    )
    assert event.payload["provider"] == "vnpay"  # a gateway's confirmation names its provider


@pytest.mark.parametrize("action", [Action.reschedule, Action.stop, Action.withdraw])
async def test_a_gateway_takes_no_other_action(
    session: AsyncSession, settings: Settings, action: Action
) -> None:
    dossier = await _awaiting_payment(session, settings)
    with pytest.raises(Forbidden):
        await dossier_actions.perform(
            session,
            settings,
            gateway("momo"),
            dossier.code,
            action,
            ActionRequest(note="thử"),
            now=MONDAY_0800 + timedelta(hours=2),
        )


async def test_the_system_stops_through_the_table_and_is_named_in_the_event(
    session: AsyncSession, settings: Settings
) -> None:
    desk = await _officer(session, "tiepnhan.xa")
    dossier = await _desk_submit(session, settings, desk, MONDAY_0800)
    await dossier_actions.perform(
        session,
        settings,
        SYSTEM,
        dossier.code,
        Action.stop,
        ActionRequest(note="Quá hạn bổ sung hồ sơ mà người nộp không bổ sung."),
        now=MONDAY_0800 + timedelta(hours=1),
    )
    assert dossier.status is DossierStatus.stopped
    actor = await session.scalar(
        select(DossierEvent.actor_kind)
        .where(DossierEvent.dossier_id == dossier.id)
        .order_by(DossierEvent.seq.desc())
        .limit(1)
    )
    assert actor is ActorKind.system


async def test_the_clock_column_alone_decides_time(
    session: AsyncSession, settings: Settings
) -> None:
    """Receipt starts the clock, request_payment pauses it, record_payment resumes it, resolve
    finishes it: each because the table says so (the effects do not touch the clock)."""
    assert {rule.clock for rules in LIFECYCLE.values() for rule in rules} == set(Clock)
    dossier = await _awaiting_payment(session, settings)  # receive (start), request_payment (pause)
    assert dossier.received_at == MONDAY_0800 and dossier.due_at is not None
    assert dossier.paused_at == MONDAY_0800 + timedelta(hours=1)
    assert dossier.resume_status is DossierStatus.received
    specialist = await _officer(session, "chuyenvien.xa")
    await dossier_actions.perform(
        session,
        settings,
        gateway("zalopay"),
        dossier.code,
        Action.record_payment,
        ActionRequest(receipt_number="ZP-1"),
        now=MONDAY_0800 + timedelta(hours=2),
    )
    assert dossier.paused_at is None and dossier.resume_status is None
    desk = await _officer(session, "tiepnhan.xa")
    leader = await _officer(session, "lanhdao.xa")
    # S1 desk -> S2 specialist -> S3 leader, who resolves (S4 is the desk's return of the result)
    for who, action in (
        (desk, Action.forward),
        (specialist, Action.forward),
        (leader, Action.resolve),
    ):
        await dossier_actions.perform(
            session,
            settings,
            who,
            dossier.code,
            action,
            ActionRequest(),
            now=MONDAY_0800 + timedelta(hours=4),
        )
    assert dossier.status is DossierStatus.resolved
    assert dossier.finished_at == MONDAY_0800 + timedelta(hours=4)
    assert dossier.on_time is True


async def test_on_time_has_one_definition_for_python_and_sql(
    session: AsyncSession, settings: Settings
) -> None:
    desk = await _officer(session, "tiepnhan.xa")
    cases = {
        "early": timedelta(hours=-1),
        "exact": timedelta(0),
        "late": timedelta(minutes=1),
        "open": None,
    }
    ids: dict[str, int] = {}
    for name, delta in cases.items():
        dossier = await _desk_submit(session, settings, desk, MONDAY_0800)
        assert dossier.due_at is not None
        dossier.finished_at = None if delta is None else dossier.due_at + delta
        ids[name] = dossier.id
    await session.flush()
    result = await session.execute(
        select(Dossier.id, Dossier.on_time).where(Dossier.id.in_(ids.values()))
    )
    rows = {row[0]: row[1] for row in result}
    python = {name: (await session.get(Dossier, i)).on_time for name, i in ids.items()}  # type: ignore[union-attr]
    sql = {name: rows[i] for name, i in ids.items()}
    assert python == sql == {"early": True, "exact": True, "late": False, "open": None}


async def test_the_sweep_writes_only_changed_rows_with_each_dossiers_rule_set(
    session: AsyncSession, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = await _officer(session, "tiepnhan.xa")
    now = datetime.now(UTC)
    # a later rule set with a much wider warning window (as a future legal version might have)
    wide = dataclasses.replace(
        RULE_SETS[0],
        code="test-wide-window",
        effective_from=datetime(2099, 1, 1, tzinfo=UTC),
        due_soon_window=(Decimal(30), DurationUnit.CALENDAR_DAYS),
    )
    monkeypatch.setattr(dossier_jobs, "RULE_SETS", (*RULE_SETS, wide))
    calendar = await load_calendar(session, settings)
    due = calendar.add(
        now, Decimal(5), DurationUnit.WORKING_DAYS
    )  # past 1 working day, within 30 days
    current = await _desk_submit(session, settings, desk, MONDAY_0800)
    later = await _desk_submit(session, settings, desk, MONDAY_0800)
    for dossier, code in ((current, RULE_SETS[0].code), (later, wide.code)):
        await session.execute(
            update(Dossier)
            .where(Dossier.id == dossier.id)
            .values(due_at=due, rule_set=code, overdue=False, due_soon=False)
        )
    await session.execute(update(DossierStep).values(overdue=False))
    first = await flag_overdue(session, settings, now)
    result = await session.execute(
        select(Dossier.id, Dossier.due_soon).where(Dossier.id.in_([current.id, later.id]))
    )
    flags = {row[0]: row[1] for row in result}
    assert flags == {current.id: False, later.id: True}  # each with its own window
    assert first >= 1
    assert await flag_overdue(session, settings, now) == 0  # nothing changed: nothing written


def test_every_action_declares_its_side_effects() -> None:
    """The table beside the lifecycle table covers every action; what the applicant is told of, what
    the portal and the statistics will hear of, is data (DESIGN.md section 4)."""
    assert set(Action) <= set(SIDE_EFFECTS)
    silent = {
        action for action, effects in SIDE_EFFECTS.items() if SideEffect.notify not in effects
    }
    assert silent == {
        Action.assign,
        Action.forward,
        Action.send_back,
        Action.rate,
        "add_documents",
    }
    assert all(SideEffect.portal_sync in effects for effects in SIDE_EFFECTS.values())
    settings = Settings(env="test", notify_webhook_url="https://sms.example.gov.vn/hook")  # type: ignore[arg-type]
    # the statistics' rollup follows the notifications (issue 17 wired the ``stats`` effect)
    assert topics_of(Action.receive, settings) == (
        "notification.log",
        "notification.webhook",
        "stats.rollup",
    )
    assert topics_of(Action.assign, settings) == ()
