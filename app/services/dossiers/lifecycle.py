"""The dossier lifecycle as one declarative table (DESIGN.md section 4).

Status × action → who may act, the next status and the clock effect. Routers never decide outcomes; the
dossier service reads this table, and the tests walk it as a table. Legal frame: Decree 118/2025/NĐ-CP on
the one-stop mechanism (receipt, supplement requests, refusals, apologies, stops, returning results),
status codes of the national portal (TrangThaiHoSo).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.models.dossier import CLOCK_RUNNING, Action, DossierStatus

# The national portal's TrangThaiHoSo codes (reference section 1.3, [S]); the rule set maps the
# statuses the list does not name (``rule_sets.RuleSet.status_code``).
PORTAL_STATUS_CODE: dict[DossierStatus, int] = {
    DossierStatus.submitted: 1,
    DossierStatus.received: 2,
    DossierStatus.rejected: 3,
    DossierStatus.in_progress: 4,
    DossierStatus.supplement_requested: 5,
    DossierStatus.awaiting_payment: 6,
    DossierStatus.withdrawn: 7,
    DossierStatus.stopped: 8,
    DossierStatus.resolved: 9,
    DossierStatus.returned: 10,
}

# What citizens and officers read (public lookup, forms, notifications).
STATUS_LABEL_VI: dict[DossierStatus, str] = {
    DossierStatus.submitted: "Đã nộp, chờ tiếp nhận",
    DossierStatus.received: "Đã tiếp nhận",
    DossierStatus.rejected: "Từ chối tiếp nhận",
    DossierStatus.in_progress: "Đang xử lý",
    DossierStatus.supplement_requested: "Yêu cầu bổ sung hồ sơ",
    DossierStatus.awaiting_payment: "Chờ thực hiện nghĩa vụ tài chính",
    DossierStatus.withdrawn: "Đã rút hồ sơ",
    DossierStatus.stopped: "Dừng xử lý",
    DossierStatus.resolved: "Đã có kết quả, chờ trả",
    DossierStatus.returned: "Đã trả kết quả",
    DossierStatus.refused: "Từ chối giải quyết (không đủ điều kiện)",
}

FINAL_STATUSES = frozenset(
    {
        DossierStatus.rejected,
        DossierStatus.withdrawn,
        DossierStatus.stopped,
        DossierStatus.returned,
        DossierStatus.refused,
    }
)
PAUSED_STATUSES = frozenset({DossierStatus.supplement_requested, DossierStatus.awaiting_payment})


class Actor(StrEnum):
    """Who may take an action, relative to the dossier (not a global role)."""

    desk = "desk"  # a receptionist of the dossier's receiving office
    # a receptionist of any one-stop desk of the province, holding the dossier's code and PIN
    # (results are handed over at any desk, Decree 118/2025)
    any_desk = "any_desk"
    step = "step"  # an officer holding the current step's role at the current step's agency
    step_leader = "step_leader"  # a leader at the current step's agency
    owner = "owner"  # the citizen who submitted the dossier online
    system = "system"  # periodic sweeps (supplement deadline)
    gateway = "gateway"  # a payment gateway's verified confirmation (online payment)
    device = "device"  # a desk rating device (kiosk, tablet) given the dossier's code and PIN


class Next(StrEnum):
    same = "same"  # the status does not change
    resume = "resume"  # back to the status remembered when the dossier was paused


class Clock(StrEnum):
    """What the action does to the processing clock (``due_at``)."""

    none = "none"
    start = "start"  # receipt: due_at = received_at + processing time
    pause = "pause"  # remember the status/step, stop counting
    resume = "resume"  # move due_at by the working time paused
    # every ending of a received dossier: finished_at = now, the first ending only (on time means
    # finished_at <= due_at); ending a pause first moves due_at by the time paused
    finish = "finish"


@dataclass(frozen=True)
class Rule:
    sources: frozenset[DossierStatus]
    target: DossierStatus | Next
    actors: frozenset[Actor]
    clock: Clock = Clock.none


S = DossierStatus
A = Actor
_OPEN_AFTER_RECEIPT = CLOCK_RUNNING
_PROCESSING_OR_PAUSED = _OPEN_AFTER_RECEIPT | PAUSED_STATUSES


def _rule(
    sources: set[DossierStatus] | frozenset[DossierStatus],
    target: DossierStatus | Next,
    *actors: Actor,
    clock: Clock = Clock.none,
) -> Rule:
    return Rule(frozenset(sources), target, frozenset(actors), clock)


LIFECYCLE: dict[Action, tuple[Rule, ...]] = {
    # Receipt issues the receipt and appointment slip (form 01); no receipt without due_at.
    Action.receive: (_rule({S.submitted}, S.received, A.desk, clock=Clock.start),),
    # Refusal at the desk (form 03), only before receipt; the system closes a dossier never received
    # whose supplement deadline passed.
    Action.reject: (
        _rule({S.submitted}, S.rejected, A.desk),
        _rule({S.supplement_requested}, S.rejected, A.system),
    ),
    Action.request_supplement: (
        # before receipt the clock is not running: nothing to pause, but the status is remembered
        _rule({S.submitted}, S.supplement_requested, A.desk, clock=Clock.pause),
        _rule(_OPEN_AFTER_RECEIPT, S.supplement_requested, A.desk, A.step, clock=Clock.pause),
    ),
    Action.supplement: (
        _rule({S.supplement_requested}, Next.resume, A.owner, A.desk, clock=Clock.resume),
    ),
    Action.assign: (_rule(_OPEN_AFTER_RECEIPT, Next.same, A.step_leader, A.desk),),
    Action.forward: (_rule(_OPEN_AFTER_RECEIPT, S.in_progress, A.step, A.step_leader),),
    Action.send_back: (_rule({S.in_progress}, S.in_progress, A.step, A.step_leader),),
    Action.request_payment: (
        _rule(_OPEN_AFTER_RECEIPT, S.awaiting_payment, A.desk, A.step, clock=Clock.pause),
    ),
    # Cash at the desk, or an online payment confirmed by its gateway's verified callback. Fees are
    # payable wherever confirmed fees are due (issue 15): on submission (before receipt: the status
    # stays), on request (the dossier waits and resumes, its clock too), on return (resolved: stays).
    Action.record_payment: (
        _rule({S.awaiting_payment}, Next.resume, A.desk, A.gateway, clock=Clock.resume),
        _rule({S.submitted, S.resolved}, Next.same, A.desk, A.gateway),
    ),
    # Apology and new appointment (form 04): sets promised_due_at, due_at stays.
    Action.reschedule: (_rule(_PROCESSING_OR_PAUSED, Next.same, A.step_leader, A.desk),),
    # Stop (stop notice), also by the system when a supplement deadline passes after receipt.
    Action.stop: (
        _rule(_PROCESSING_OR_PAUSED, S.stopped, A.step_leader, A.system, clock=Clock.finish),
    ),
    # Refusal after appraisal: the processing agency's leader refuses, with reasons, a dossier that does
    # not meet the conditions; issued to the applicant through the one-stop desk (form 03). An ending.
    Action.refuse: (_rule(_OPEN_AFTER_RECEIPT, S.refused, A.step_leader, clock=Clock.finish),),
    Action.resolve: (
        _rule({S.in_progress}, S.resolved, A.step, A.step_leader, clock=Clock.finish),
    ),
    # Returning the result ends processing when resolving did not already (the first ending counts):
    # at the receiving desk or any desk of the province (code and PIN), by post (the hand-over to
    # the post, with its consignment number), or online when the owner downloads the electronic
    # result (Decree 42/2022 art. 11).
    Action.return_result: (
        _rule({S.resolved}, S.returned, A.desk, A.any_desk, A.owner, clock=Clock.finish),
    ),
    # The post delivered a result sent by post (its delivery date and note).
    Action.record_delivery: (_rule({S.returned}, Next.same, A.desk),),
    # Withdrawal is possible until the dossier is resolved; the withdrawal of a received dossier ends
    # its processing (Decision 766/QĐ-TTg index 2.1), one never received has none to end.
    Action.withdraw: (
        _rule({S.submitted}, S.withdrawn, A.owner, A.desk),
        _rule(_PROCESSING_OR_PAUSED, S.withdrawn, A.owner, A.desk, clock=Clock.finish),
    ),
    # The applicant rates online, or on a desk device with the dossier's code and PIN.
    Action.rate: (_rule({S.returned}, Next.same, A.owner, A.device),),
}


def rule_for(action: Action, status: DossierStatus) -> Rule | None:
    """The rule that applies ``action`` to a dossier in ``status``, if any."""
    for rule in LIFECYCLE[action]:
        if status in rule.sources:
            return rule
    return None


def actions_in(status: DossierStatus) -> list[Action]:
    """Actions the table allows in ``status`` (for 409 answers and the UI)."""
    return [action for action in Action if rule_for(action, status) is not None]


def next_status(
    rule: Rule, current: DossierStatus, resume_to: DossierStatus | None
) -> DossierStatus:
    if rule.target is Next.same:
        return current
    if rule.target is Next.resume:
        if resume_to is None:
            raise ValueError("a paused dossier must remember the status to resume")
        return resume_to
    assert isinstance(rule.target, DossierStatus)
    return rule.target
