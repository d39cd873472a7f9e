"""Officer accounts, managed by administrators of the agencies concerned."""

from __future__ import annotations

from fastapi import Depends

from app.errors import Forbidden, ProblemCode
from app.models.user import Role, User
from app.problems import JSON_BODY, problem_responses
from app.routing import NO_STORE, ReadSession, Router, Session
from app.schemas.identity import UserCreate, UserRead
from app.security import ROLE_PROBLEMS, require_agency_role, require_role
from app.services.identity import users as users_service
from app.services.identity.principals import OfficerPrincipal

router = Router(prefix="/api/v1/admin", tags=["admin: users"], response_headers=NO_STORE)


@router.get(
    "/agencies/{agency_code}/users",
    operation_id="admin_list_agency_users",
    summary="Danh sách cán bộ có vai trò tại một cơ quan (quản trị của cơ quan đó)",
    response_model=list[UserRead],
    responses=problem_responses(ROLE_PROBLEMS),
)
async def list_agency_users(
    session: ReadSession,
    agency_code: str,
    officer: OfficerPrincipal = Depends(require_agency_role(Role.admin)),
) -> list[UserRead]:
    users = await users_service.list_users_at(session, [agency_code])
    return [UserRead.model_validate(_read(u)) for u in users]


@router.post(
    "/users",
    operation_id="admin_create_user",
    summary="Tạo tài khoản cán bộ (quản trị của mọi cơ quan được cấp vai trò)",
    status_code=201,
    response_model=UserRead,
    responses=problem_responses(
        ROLE_PROBLEMS, JSON_BODY, ProblemCode.agency_not_administered, ProblemCode.username_taken
    ),
)
async def create_user(
    session: Session,
    body: UserCreate,
    officer: OfficerPrincipal = Depends(require_role(Role.admin)),
) -> UserRead:
    administered = officer.agencies_with(Role.admin)
    outside = sorted({r.agency for r in body.roles} - administered)
    if outside:
        raise Forbidden(
            "Chỉ được cấp vai trò tại cơ quan mà bạn quản trị: " + ", ".join(outside),
            code=ProblemCode.agency_not_administered,
        )
    user = await users_service.create_user(
        session,
        users_service.NewUser(
            username=body.username,
            full_name=body.full_name,
            password=body.password,
            roles=frozenset((r.agency, r.role) for r in body.roles),
        ),
    )
    return UserRead.model_validate(_read(user))


def _read(user: User) -> dict[str, object]:
    return {
        "id": user.id,
        "username": user.username,
        "full_name": user.full_name,
        "active": user.active,
        "tokens_valid_after": user.tokens_valid_after,
        "roles": [{"agency": r.agency_code, "role": r.role} for r in user.roles],
    }
