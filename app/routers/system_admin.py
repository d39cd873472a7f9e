"""Administration of durable side effects: outbox state, dead letters, periodic jobs, replay."""

from __future__ import annotations

from fastapi import Depends

from app.models.user import Role
from app.problems import JSON_BODY, problem_responses
from app.routing import NO_STORE, ReadSession, Router, Session
from app.schemas.system import (
    DeadLetter,
    OutboxStatus,
    PeriodicJobRead,
    ReplayRequest,
    ReplayResult,
    TopicCounts,
)
from app.security import ROLE_PROBLEMS, require_role
from app.services.identity.principals import OfficerPrincipal
from app.services.system import outbox as outbox_service

# outbox messages carry notification payloads (names, phone numbers)
router = Router(prefix="/api/v1/admin", tags=["admin: outbox"], response_headers=NO_STORE)


@router.get(
    "/outbox",
    operation_id="admin_get_outbox_status",
    summary="Tình trạng hàng đợi gửi đi: số lượng theo chủ đề, độ trễ, thư chết, tác vụ định kỳ",
    response_model=OutboxStatus,
    responses=problem_responses(ROLE_PROBLEMS),
)
async def get_outbox_status(
    session: ReadSession,
    officer: OfficerPrincipal = Depends(require_role(Role.admin)),
) -> OutboxStatus:
    stats = await outbox_service.stats(session)
    return OutboxStatus(
        topics=[TopicCounts.model_validate(t) for t in stats.topics],
        oldest_undelivered_age_seconds=stats.oldest_undelivered_age_seconds,
        dead_letters=[DeadLetter.model_validate(m) for m in stats.dead_letters],
        jobs=[PeriodicJobRead.model_validate(j) for j in stats.jobs],
    )


@router.post(
    "/outbox/replay",
    operation_id="admin_replay_outbox",
    summary="Gửi lại thư chết (theo mã thông điệp hoặc theo chủ đề)",
    response_model=ReplayResult,
    responses=problem_responses(ROLE_PROBLEMS, JSON_BODY),
)
async def replay_outbox(
    session: Session,
    body: ReplayRequest,
    officer: OfficerPrincipal = Depends(require_role(Role.admin)),
) -> ReplayResult:
    replayed = await outbox_service.replay(session, ids=body.ids, topic=body.topic)
    return ReplayResult(replayed=replayed)
