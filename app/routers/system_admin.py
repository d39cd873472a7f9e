"""System administration, the province administrator's alone: the outbox (delivery state, dead
letters, periodic jobs, replay) and the admin audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from app.errors import ProblemCode
from app.problems import JSON_BODY, problem_responses
from app.routing import NO_STORE, ReadSession, Router, Session
from app.schemas.system import (
    AuditEntryRead,
    AuditPage,
    AuditQuery,
    DeadLetter,
    OutboxStatus,
    PeriodicJobRead,
    ReplayRequest,
    ReplayResult,
    TopicCounts,
)
from app.security import PROVINCE_ADMIN_PROBLEMS, Administrator, require_province_admin
from app.services.system import audit as audit_service
from app.services.system import outbox as outbox_service

# outbox messages carry notification payloads (names, phone numbers)
router = Router(prefix="/api/v1/admin", tags=["admin: outbox"], response_headers=NO_STORE)
audit_router = Router(prefix="/api/v1/admin", tags=["admin: audit"], response_headers=NO_STORE)
province_admin = Depends(require_province_admin)


@router.get(
    "/outbox",
    operation_id="admin_get_outbox_status",
    summary="Tình trạng hàng đợi gửi đi: số lượng theo chủ đề, độ trễ, thư chết, tác vụ định kỳ",
    response_model=OutboxStatus,
    responses=problem_responses(PROVINCE_ADMIN_PROBLEMS),
)
async def get_outbox_status(
    session: ReadSession,
    admin: Administrator = province_admin,
) -> OutboxStatus:
    """The outbox's state: undelivered messages per topic, the oldest message's age, dead letters
    and the periodic jobs' last runs."""
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
    responses=problem_responses(PROVINCE_ADMIN_PROBLEMS, JSON_BODY),
)
async def replay_outbox(
    session: Session,
    body: ReplayRequest,
    admin: Administrator = province_admin,
) -> ReplayResult:
    """Replays dead letters, by message ids or by topic: they are delivered again by the worker.
    Recorded in the admin audit log."""
    replayed = await outbox_service.replay(
        session, ids=body.ids, topic=body.topic, actor=admin.actor
    )
    return ReplayResult(replayed=replayed)


@audit_router.get(
    "/audit",
    operation_id="admin_list_audit",
    summary="Nhật ký quản trị: ai đã thay đổi gì, khi nào (mới nhất trước, phân trang bằng con trỏ)",
    response_model=AuditPage,
    responses=problem_responses(
        PROVINCE_ADMIN_PROBLEMS, ProblemCode.invalid_cursor, ProblemCode.validation_failed
    ),
)
async def list_audit(
    session: ReadSession,
    query: Annotated[AuditQuery, Query()],
    admin: Administrator = province_admin,
) -> AuditPage:
    """The administrators' audit log: who changed what and when, newest first, filtered by action,
    actor or target; paginated by cursor."""
    page, next_cursor = await audit_service.entries(
        session, audit_service.AuditFilter(**query.model_dump())
    )
    return AuditPage(
        items=[AuditEntryRead.model_validate(e) for e in page], next_cursor=next_cursor
    )
