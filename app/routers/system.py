"""Liveness and readiness."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse

from app.problems import REQUEST_TARGET, problem_responses
from app.routing import Router
from app.schemas.system import HealthRead, ReadinessRead
from app.services.system import health as health_service

router = Router(tags=["health"])


@router.get(
    "/health",
    operation_id="health",
    summary="Tiến trình còn sống",
    response_model=HealthRead,
    responses=problem_responses(REQUEST_TARGET),
)
async def health() -> dict[str, str]:
    """Liveness probe: answers 200 while the process runs, without touching the database."""
    return {"status": "ok"}


@router.get(
    "/ready",
    operation_id="ready",
    summary="Sẵn sàng phục vụ: cơ sở dữ liệu truy cập được và đã ở phiên bản migration mới nhất",
    responses={
        200: {"model": ReadinessRead},
        503: {"description": "Chưa sẵn sàng", "model": ReadinessRead},
        **problem_responses(REQUEST_TARGET),
    },
)
async def ready(request: Request) -> JSONResponse:
    """Readiness probe: 200 when the database answers and is migrated to the newest revision, else
    503 with the failing checks."""
    state = await health_service.readiness(
        request.app.state.engine, request.app.state.alembic_heads
    )
    return JSONResponse(
        {"status": "ok" if state.ready else "unavailable", "checks": state.checks},
        status_code=200 if state.ready else 503,
    )
