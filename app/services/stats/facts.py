"""What the statistics know of one dossier, and the rollup counters it contributes (issue 17).

``facts_of`` reads dossiers (in batches) and returns their ``Fact``: the dimensions (competent agency,
subject unit, procedure, channel), the Asia/Ho_Chi_Minh days that count and the verdicts. ``rows_of``
turns a fact into counters per day; the rollup handler writes ``rows_of(new) - rows_of(old)`` and the
rebuild writes ``sum(rows_of(fact))``, so both paths share one definition.

Indicator 2.1 (Decision 766/QĐ-TTg, reference 4.3 [S]) on one dossier:

* the end of processing is the first of resolution > return > stop/refusal (our ``finished_at``, set by
  every ending, issue 12; withdrawal of a received dossier too); a dossier waiting on its supplement
  request after receipt is judged at that request (``paused_at``); otherwise it is open and judged at
  the end of the period (``rows_of``'s ``open_*`` counters);
* on time iff the end is no later than the appointment (``Dossier.on_time``, the dossier module's one
  definition), with the index's adjustments: more than one supplement request after receipt makes it
  late; the supplement time (supplemented − requested, requests after receipt only) is subtracted
  again when the rule set says so (``StatsRuleSet.subtract_supplement_again`` [U]);
* early (trước hạn) iff on time and the end's day is before the appointment's day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import (
    Action,
    ActorKind,
    Channel,
    DocumentKind,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierFeeLine,
    DossierStatus,
)
from app.models.stats import COUNTERS, StatsDossierFact
from app.services.stats.rules import in_force

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

FLAG_ONLINE = 1
FLAG_POSTAL = 2
FLAG_SYNCED = 4
FLAG_FEE = 8
FLAG_PAID_ONLINE = 16
FLAG_DIGITISED = 32
FLAG_REUSED = 64
FLAG_POPULATION = 128
FLAG_WITH_RESULT = 256
FLAG_E_RESULT = 512

# flag -> the counter of the received population it feeds
FLAG_COUNTERS: dict[int, str] = {
    FLAG_ONLINE: "received_online",
    FLAG_POSTAL: "received_postal",
    FLAG_SYNCED: "synced",
    FLAG_FEE: "fee_bearing",
    FLAG_PAID_ONLINE: "paid_online",
    FLAG_DIGITISED: "digitised",
    FLAG_REUSED: "reused",
    FLAG_POPULATION: "population_data",
    FLAG_WITH_RESULT: "with_result",
    FLAG_E_RESULT: "e_result",
}

ONLINE_CHANNELS = frozenset({Channel.online, Channel.national_portal})
END_KINDS = {
    DossierStatus.resolved: "resolved",
    DossierStatus.returned: "resolved",
    DossierStatus.stopped: "stopped",
    DossierStatus.refused: "refused",
    DossierStatus.withdrawn: "withdrawn",
}
DISSATISFIED_AT_MOST = 2  # ratings of 1-5: 1 and 2 are "not satisfied"

Key = tuple[date, str, str, int, str]  # day, agency, unit, procedure, channel


def local_day(at: datetime) -> date:
    return at.astimezone(VIETNAM).date()


@dataclass(frozen=True)
class Fact:
    dossier_id: int
    agency_code: str
    unit_code: str
    procedure_id: int
    channel: str
    submitted_day: date
    rejected_day: date | None
    received_day: date | None
    due_day: date | None
    end_day: date | None
    end_kind: str | None
    on_time: bool | None
    early: bool | None
    processing_seconds: int | None
    flags: int
    rating: int | None

    def as_row(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_row(cls, row: StatsDossierFact) -> Fact:
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


def supplement_time(events: Sequence[DossierEvent], received_at: datetime | None) -> timedelta:
    """Σ (supplemented − requested) over the supplement requests after receipt (reference 4.3, 2.1)."""
    total = timedelta()
    asked: datetime | None = None
    for event in events:
        if event.action == Action.request_supplement and received_at and event.at >= received_at:
            asked = event.at
        elif event.action == Action.supplement and asked is not None:
            total += event.at - asked
            asked = None
    return total


def fact_of(
    dossier: Dossier,
    events: Sequence[DossierEvent],
    documents: Sequence[DossierDocument],
    fee_total: int,
) -> Fact:
    """The statistics' view of one dossier (module docstring for indicator 2.1)."""
    received_at, due_at = dossier.received_at, dossier.due_at
    end: datetime | None = None
    end_kind: str | None = None
    if received_at is not None and dossier.finished_at is not None:
        end, end_kind = dossier.finished_at, END_KINDS.get(dossier.status, "resolved")
    elif (
        received_at is not None
        and dossier.status == DossierStatus.supplement_requested
        and dossier.paused_at is not None
    ):
        end, end_kind = dossier.paused_at, "paused"

    on_time = early = None
    seconds = None
    if end is not None and received_at is not None and due_at is not None:
        paused = supplement_time(events, received_at)
        rules = in_force(local_day(end))
        judged = end - paused if rules.subtract_supplement_again else end
        on_time = dossier.supplement_count <= 1 and judged <= due_at
        early = on_time and local_day(judged) < local_day(due_at)
        seconds = max(0, int((end - received_at - paused).total_seconds()))

    rejected_day = next(
        (local_day(e.at) for e in events if e.to_status == DossierStatus.rejected), None
    )
    submitted = [d for d in documents if d.kind == DocumentKind.submitted]
    results = [d for d in documents if d.kind == DocumentKind.result]
    with_result = dossier.status in (DossierStatus.resolved, DossierStatus.returned)
    e_result = with_result and any(d.upload_id is not None for d in results)
    digitised = (
        bool(submitted)
        and all(d.upload_id is not None or d.digitised for d in submitted)
        and (e_result or not with_result)
    )
    flags = 0
    flags |= FLAG_ONLINE if dossier.channel in ONLINE_CHANNELS else 0
    flags |= FLAG_POSTAL if dossier.channel == Channel.postal else 0
    flags |= FLAG_SYNCED if dossier.portal_acked_seq is not None else 0
    flags |= FLAG_FEE if fee_total > 0 else 0
    flags |= (
        FLAG_PAID_ONLINE
        if fee_total > 0
        and any(
            e.action == Action.record_payment and e.actor_kind == ActorKind.gateway for e in events
        )
        else 0
    )
    flags |= FLAG_DIGITISED if digitised else 0
    flags |= FLAG_REUSED if any(d.reused for d in documents) else 0
    flags |= FLAG_POPULATION if dossier.owner_subject is not None else 0
    flags |= FLAG_WITH_RESULT if with_result else 0
    flags |= FLAG_E_RESULT if e_result else 0
    return Fact(
        dossier_id=dossier.id,
        agency_code=dossier.competent_agency_code,
        unit_code=dossier.subject_unit_code or dossier.applicant_unit_code or "",
        procedure_id=dossier.procedure_id,
        channel=dossier.channel.value,
        submitted_day=local_day(dossier.submitted_at),
        rejected_day=rejected_day,
        received_day=local_day(received_at) if received_at else None,
        due_day=local_day(due_at) if due_at and received_at else None,
        end_day=local_day(end) if end else None,
        end_kind=end_kind,
        on_time=on_time,
        early=early,
        processing_seconds=seconds,
        flags=flags,
        rating=dossier.rating,
    )


async def facts_of(session: AsyncSession, dossier_ids: Iterable[int]) -> dict[int, Fact]:
    """The facts of the given dossiers, read in four queries whatever their number."""
    ids = list(dossier_ids)
    if not ids:
        return {}
    dossiers = list(await session.scalars(select(Dossier).where(Dossier.id.in_(ids))))
    events: dict[int, list[DossierEvent]] = defaultdict(list)
    for event in await session.scalars(
        select(DossierEvent)
        .where(
            DossierEvent.dossier_id.in_(ids),
            DossierEvent.action.in_(
                [Action.request_supplement, Action.supplement, Action.record_payment, Action.reject]
            ),
        )
        .order_by(DossierEvent.dossier_id, DossierEvent.seq)
    ):
        events[event.dossier_id].append(event)
    documents: dict[int, list[DossierDocument]] = defaultdict(list)
    for document in await session.scalars(
        select(DossierDocument).where(DossierDocument.dossier_id.in_(ids))
    ):
        documents[document.dossier_id].append(document)
    fees: dict[int, int] = {}
    for dossier_id, total in await session.execute(
        select(DossierFeeLine.dossier_id, func.sum(DossierFeeLine.amount))
        .where(DossierFeeLine.dossier_id.in_(ids), DossierFeeLine.confirmed)
        .group_by(DossierFeeLine.dossier_id)
    ):
        fees[dossier_id] = int(total or 0)
    return {d.id: fact_of(d, events[d.id], documents[d.id], fees.get(d.id, 0)) for d in dossiers}


def rows_of(fact: Fact | None) -> dict[Key, dict[str, int]]:
    """The rollup counters one dossier contributes, per day (module docstring)."""
    rows: dict[Key, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))
    if fact is None:
        return {}

    def add(day: date, counter: str, value: int = 1) -> None:
        key = (day, fact.agency_code, fact.unit_code, fact.procedure_id, fact.channel)
        rows[key][counter] += value

    add(fact.submitted_day, "submitted")
    if fact.rejected_day is not None:
        add(fact.rejected_day, "rejected")
    if fact.received_day is not None:
        add(fact.received_day, "received")
        for flag, counter in FLAG_COUNTERS.items():
            if fact.flags & flag:
                add(fact.received_day, counter)
        add(fact.received_day, "open_delta")
        late_from = max(fact.received_day, fact.due_day) if fact.due_day else None
        if late_from is not None and (fact.end_day is None or late_from < fact.end_day):
            add(late_from, "open_late_delta")
            if fact.end_day is not None:
                add(fact.end_day, "open_late_delta", -1)
    if fact.end_day is not None:
        add(fact.end_day, "open_delta", -1)
        add(fact.end_day, "ended")
        add(fact.end_day, f"ended_{fact.end_kind}")
        if fact.on_time:
            add(fact.end_day, "ended_on_time")
        if fact.early:
            add(fact.end_day, "ended_early")
        add(fact.end_day, "processing_seconds", fact.processing_seconds or 0)
        if fact.rating is not None:
            add(fact.end_day, "rated")
            add(fact.end_day, "rating_sum", fact.rating)
            if fact.rating <= DISSATISFIED_AT_MOST:
                add(fact.end_day, "dissatisfied")
    return {key: counters for key, counters in rows.items() if any(counters.values())}


def difference(
    new: dict[Key, dict[str, int]], old: dict[Key, dict[str, int]]
) -> dict[Key, dict[str, int]]:
    """``new - old`` per key and counter, keys whose difference is all zero left out."""
    out: dict[Key, dict[str, int]] = {}
    for key in new.keys() | old.keys():
        a, b = new.get(key, {}), old.get(key, {})
        delta = {c: a.get(c, 0) - b.get(c, 0) for c in COUNTERS}
        if any(delta.values()):
            out[key] = delta
    return out
