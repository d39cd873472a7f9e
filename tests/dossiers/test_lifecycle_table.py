"""Every (status, action, role): the allowed ones succeed, the others are refused with the right status,
and nothing changes on refusal.

One dossier is built per status (and per step where the step matters); each attempt runs inside a
savepoint rolled back afterwards, so every attempt starts from the same state.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from app.models.dossier import Action, Dossier, DossierStatus
from app.models.user import Role
from tests.dossiers.conftest import COMMUNE, CONSTRUCTION, World

PROCEDURE = "1.001612"  # Đăng ký thành lập hộ kinh doanh: commune 31, 3 working days, fees due

ROLES = (
    "receptionist",
    "specialist",
    "leader",
    "admin",
    "owner",
    "other_citizen",
    "unrelated_officer",
)
ROLE_ACCOUNTS = {
    "receptionist": "tiepnhan.xa",
    "specialist": "chuyenvien.xa",
    "leader": "lanhdao.xa",
    "admin": "admin",
}
STEP_ACCOUNT = {"S1": "tiepnhan.xa", "S2": "chuyenvien.xa", "S3": "lanhdao.xa", "S4": "tiepnhan.xa"}
STEP_ROLE = {"S1": "receptionist", "S2": "specialist", "S3": "leader", "S4": "receptionist"}
LAST_PROCESSING_STEP = "S3"


@dataclass
class State:
    name: str
    status: DossierStatus
    step: str | None  # current step code, when it matters
    received: bool


Builder = Callable[[World, dict[str, dict[str, str]]], Awaitable[str]]


async def _ok(world: World, code: str, action: str, who: dict[str, str], **body: Any) -> None:
    response = await world.act(code, action, who, **body)
    assert response.status_code == 200, (action, response.text)


async def _submitted(world: World, h: dict[str, dict[str, str]]) -> str:
    response = await world.submit_online(h["owner"], PROCEDURE, COMMUNE)
    assert response.status_code == 201, response.text
    code: str = response.json()["code"]
    return code


async def _received(world: World, h: dict[str, dict[str, str]]) -> str:
    code = await _submitted(world, h)
    await _ok(world, code, "receive", h["receptionist"])
    return code


async def _at_step(world: World, h: dict[str, dict[str, str]], step: str) -> str:
    code = await _received(world, h)
    order = ["S1", "S2", "S3"]
    for current in order[: order.index(step)]:
        await _ok(world, code, "forward", h[STEP_ROLE[current]])
    return code


async def _build(world: World, h: dict[str, dict[str, str]], state: State) -> str:
    if state.name == "submitted":
        return await _submitted(world, h)
    if state.name == "supplement_before_receipt":
        code = await _submitted(world, h)
        await _ok(
            world,
            code,
            "request_supplement",
            h["receptionist"],
            note="Thiếu giấy tờ",
            items=[{"requirement_code": "TP01", "reason": "Thiếu chữ ký"}],
        )
        return code
    if state.name == "rejected":
        code = await _submitted(world, h)
        await _ok(world, code, "reject", h["receptionist"], note="Không thuộc thẩm quyền")
        return code
    if state.name == "withdrawn":
        code = await _submitted(world, h)
        await _ok(world, code, "withdraw", h["owner"], note="Không có nhu cầu")
        return code
    if state.name == "received":
        return await _received(world, h)
    if state.name in ("in_progress_S2", "in_progress_S3"):
        return await _at_step(world, h, state.step or "S2")
    if state.name == "supplement_in_processing":
        code = await _at_step(world, h, "S2")
        await _ok(
            world,
            code,
            "request_supplement",
            h["specialist"],
            note="Bổ sung bản vẽ",
            items=[{"requirement_code": "TP01", "reason": "Thiếu chữ ký"}],
        )
        return code
    if state.name == "awaiting_payment":
        code = await _at_step(world, h, "S2")
        await _ok(world, code, "request_payment", h["specialist"])
        return code
    if state.name == "stopped":
        code = await _at_step(world, h, "S2")
        await _ok(world, code, "stop", h["leader"], note="Người nộp đề nghị dừng")
        return code
    if state.name == "refused":
        code = await _at_step(world, h, "S3")
        await _ok(world, code, "refuse", h["leader"], note="Không đủ điều kiện")
        return code
    code = await _at_step(world, h, "S3")
    await _ok(world, code, "resolve", h["leader"])
    if state.name == "returned":
        await _ok(world, code, "return_result", h["receptionist"])
    return code


STATES = [
    State("submitted", DossierStatus.submitted, None, False),
    State("supplement_before_receipt", DossierStatus.supplement_requested, None, False),
    State("rejected", DossierStatus.rejected, None, False),
    State("withdrawn", DossierStatus.withdrawn, None, False),
    State("received", DossierStatus.received, "S1", True),
    State("in_progress_S2", DossierStatus.in_progress, "S2", True),
    State("in_progress_S3", DossierStatus.in_progress, "S3", True),
    State("supplement_in_processing", DossierStatus.supplement_requested, "S2", True),
    State("awaiting_payment", DossierStatus.awaiting_payment, "S2", True),
    State("stopped", DossierStatus.stopped, "S2", True),
    State("refused", DossierStatus.refused, None, True),
    State("resolved", DossierStatus.resolved, "S4", True),
    State("returned", DossierStatus.returned, None, True),
]

# status -> actions the lifecycle allows (DESIGN.md section 4), written out independently of the code
ALLOWED_IN: dict[DossierStatus, set[str]] = {
    # fees are payable where they are due (issue 15): on submission before receipt, on return
    DossierStatus.submitted: {"receive", "reject", "request_supplement", "withdraw", "record_payment"},
    DossierStatus.received: {
        "request_supplement", "assign", "forward", "request_payment", "reschedule", "stop", "withdraw",
        "refuse",
    },
    DossierStatus.in_progress: {
        "request_supplement", "assign", "forward", "send_back", "request_payment", "reschedule",
        "stop", "resolve", "withdraw", "refuse",
    },
    DossierStatus.supplement_requested: {"supplement", "reschedule", "stop", "withdraw", "reject"},
    DossierStatus.awaiting_payment: {"record_payment", "reschedule", "stop", "withdraw"},
    DossierStatus.resolved: {"return_result", "record_payment"},
    DossierStatus.returned: {"rate", "record_delivery"},
    DossierStatus.rejected: set(),
    DossierStatus.withdrawn: set(),
    DossierStatus.stopped: set(),
    DossierStatus.refused: set(),
}  # fmt: skip

# action -> who may take it: desk (receptionist of the receiving office), step (the current step's
# role at its agency), leader (a leader at the current agency), owner (the citizen)
ACTORS: dict[str, set[str]] = {
    "receive": {"desk"},
    "reject": {"desk"},
    "request_supplement": {"desk", "step"},
    "supplement": {"owner", "desk"},
    "assign": {"leader", "desk"},
    "forward": {"step", "leader"},
    "send_back": {"step", "leader"},
    "request_payment": {"desk", "step"},
    "record_payment": {"desk"},
    "reschedule": {"leader", "desk"},
    "stop": {"leader"},
    "resolve": {"step", "leader"},
    # the owner takes it by downloading an electronic result; any desk of the province with the PIN
    "return_result": {"desk", "owner"},
    "withdraw": {"owner", "desk"},
    "rate": {"owner", "device"},
    "refuse": {"leader"},
    "record_delivery": {"desk"},
}


# where an action's actors depend on the status: only the sweep rejects a dossier whose supplement
# deadline passed before receipt
ACTORS_IN: dict[tuple[DossierStatus, str], set[str]] = {
    (DossierStatus.supplement_requested, "reject"): {"system"},
}


def _kinds(role: str, state: State) -> set[str]:
    kinds: set[str] = set()
    if role == "owner":
        return {"owner"}
    if role == "receptionist":
        kinds.add("desk")
    if role == "leader":
        kinds.add("leader")  # every step of this procedure runs at the commune
    if (
        state.step is not None
        and STEP_ROLE[state.step] == role
        and state.status not in (DossierStatus.submitted,)
    ):
        kinds.add("step")
    return kinds


def expected(state: State, action: str, role: str) -> tuple[int, str | None]:
    if role in ("other_citizen", "unrelated_officer"):
        return 404, "dossier_not_found"
    if action not in ALLOWED_IN[state.status]:
        return 409, "action_not_allowed"
    actors = ACTORS_IN.get((state.status, action), ACTORS[action])
    if not (actors & _kinds(role, state)):
        return 403, "not_allowed_at_step"
    # preconditions of an allowed action
    if action == "forward" and state.step == LAST_PROCESSING_STEP:
        return 409, "last_step"
    if action == "resolve" and state.step != LAST_PROCESSING_STEP:
        return 409, "not_last_step"
    if action == "send_back" and state.step in ("S1", None):
        return 422, "invalid_step"
    if action == "reschedule" and not state.received:
        return 409, "no_due_date"
    # this dossier's result goes back at the desk: not downloaded online, nothing posted
    if action == "return_result" and role == "owner":
        return 403, "result_not_online"
    if action == "record_delivery":
        return 409, "action_not_allowed"
    return 200, None


async def _body(
    world: World, state: State, action: str, role: str, who: dict[str, str], due_at: datetime | None
) -> dict[str, Any]:
    notes = {
        "reject",
        "request_supplement",
        "send_back",
        "reschedule",
        "stop",
        "withdraw",
        "refuse",
    }
    body: dict[str, Any] = {"note": "Lý do kiểm thử"} if action in notes else {}
    if action == "request_supplement":
        body["items"] = [{"requirement_code": "TP01", "reason": "Thiếu chữ ký"}]
    if action == "send_back":
        body["to_step"] = "S1"
    if action == "assign":
        body["assignee"] = STEP_ACCOUNT[state.step or "S1"]
    if action == "record_payment":
        body["receipt_number"] = "BL-0001"
    if action == "rate":
        body["rating"] = 4
    if action == "reschedule":
        base = due_at or datetime.now().astimezone()
        body["promised_due_at"] = (base + timedelta(days=3)).isoformat()
    if action == "supplement":
        if role == "owner":
            body["documents"] = [{"requirement_code": "TP01", "upload_id": await world.upload(who)}]
        else:
            body["documents"] = [{"requirement_code": "TP01", "paper_original_checked": True}]
    return body


@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
async def test_every_action_and_role_in_each_status(
    world: World, connection: AsyncConnection, state: State
) -> None:
    headers: dict[str, dict[str, str]] = {
        role: await world.officer(account) for role, account in ROLE_ACCOUNTS.items()
    }
    headers["owner"] = await world.citizen("table-owner")
    headers["other_citizen"] = await world.citizen("table-other")
    _, headers["unrelated_officer"] = await world.new_officer(
        (CONSTRUCTION, Role.specialist),
        (CONSTRUCTION, Role.leader),
        (CONSTRUCTION, Role.receptionist),
    )
    code = await _build(world, headers, state)
    dossier = await _snapshot(world, code)
    assert dossier["status"] == state.status
    failures: list[str] = []
    for action in Action:
        for role in ROLES:
            want_status, want_code = expected(state, action.value, role)
            nested = await connection.begin_nested()
            try:
                body = await _body(
                    world, state, action.value, role, headers[role], dossier["due_at"]
                )
                response = await world.act(code, action.value, headers[role], **body)
                got = response.status_code
                problem_code = response.json().get("code") if got >= 400 else None
                if got != want_status or (want_code and problem_code != want_code):
                    failures.append(
                        f"{state.name} {action.value} {role}: want {want_status} {want_code}, "
                        f"got {got} {problem_code}"
                    )
                if got >= 400 and await _snapshot(world, code) != dossier:
                    failures.append(f"{state.name} {action.value} {role}: refused but changed")
            finally:
                await nested.rollback()
    assert not failures, "\n".join(failures)


async def _snapshot(world: World, code: str) -> dict[str, Any]:
    async with world.factory() as session:
        row = await session.scalar(select(Dossier).where(Dossier.code == code))
        assert row is not None
        return {
            "status": row.status,
            "version": row.version,
            "events": row.last_event_seq,
            "step": row.current_step,
            "due_at": row.due_at,
        }
