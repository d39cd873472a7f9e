"""Who the citizen calling us is, as their identity provider's token says."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from app.db import TransactionalRoute
from app.errors import problem_responses
from app.schemas.citizens import CitizenMe
from app.security import CitizenPrincipal, get_citizen

router = APIRouter(prefix="/api/v1/auth/citizen", tags=["auth"], route_class=TransactionalRoute)


@router.get(
    "/me",
    operation_id="auth_citizen_me",
    summary="Công dân, tổ chức đang đăng nhập (theo mã truy cập của hệ thống định danh)",
    response_model=CitizenMe,
    responses=problem_responses(401, 403, 503),
)
async def citizen_me(citizen: CitizenPrincipal = Depends(get_citizen)) -> CitizenMe:
    return CitizenMe(
        issuer=citizen.issuer,
        subject=citizen.subject,
        name=citizen.name,
        personal_id=citizen.personal_id,
    )
