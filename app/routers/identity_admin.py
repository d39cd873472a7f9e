"""Officer accounts, managed by administrators of the agencies concerned."""

from __future__ import annotations

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Forbidden, ProblemCode
from app.models.user import Role, User
from app.problems import JSON_BODY, problem_responses
from app.routing import NO_STORE, ReadSession, Router, Session
from app.schemas.identity import PasswordReset, UserCreate, UserRead, UserUpdate
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
        ROLE_PROBLEMS,
        JSON_BODY,
        ProblemCode.agency_not_administered,
        ProblemCode.username_taken,
        ProblemCode.weak_password,
    ),
)
async def create_user(
    session: Session,
    body: UserCreate,
    officer: OfficerPrincipal = Depends(require_role(Role.admin)),
) -> UserRead:
    _require_administers(officer, {r.agency for r in body.roles})
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


def _require_administers(officer: OfficerPrincipal, agencies: set[str]) -> None:
    """An agency administrator manages the accounts of the agencies they administer only: every
    agency of the account's roles, before and after the change."""
    outside = sorted(agencies - officer.agencies_with(Role.admin))
    if outside:
        raise Forbidden(
            "Chỉ được quản lý tài khoản, vai trò tại cơ quan mà bạn quản trị: "
            + ", ".join(outside),
            code=ProblemCode.agency_not_administered,
        )


async def _managed_user(session: AsyncSession, officer: OfficerPrincipal, username: str) -> User:
    user = await users_service.get_user(session, username)
    _require_administers(officer, {r.agency_code for r in user.roles})
    return user


@router.patch(
    "/users/{username}",
    operation_id="admin_update_user",
    summary="Sửa tài khoản cán bộ: họ tên, khóa / mở khóa, vai trò (quản trị của các cơ quan liên quan)",
    response_model=UserRead,
    responses=problem_responses(
        ROLE_PROBLEMS, JSON_BODY, ProblemCode.agency_not_administered, ProblemCode.user_not_found
    ),
)
async def update_user(
    session: Session,
    username: str,
    body: UserUpdate,
    officer: OfficerPrincipal = Depends(require_role(Role.admin)),
) -> UserRead:
    user = await _managed_user(session, officer, username)
    roles = frozenset((r.agency, r.role) for r in body.roles) if body.roles is not None else None
    if roles is not None:
        _require_administers(officer, {agency for agency, _ in roles})
    user = await users_service.update_user(
        session, user, full_name=body.full_name, active=body.active, roles=roles
    )
    return UserRead.model_validate(_read(user))


@router.post(
    "/users/{username}/password",
    operation_id="admin_reset_password",
    summary="Đặt lại mật khẩu của cán bộ (mọi mã truy cập đã cấp bị thu hồi)",
    status_code=204,
    responses=problem_responses(
        ROLE_PROBLEMS,
        JSON_BODY,
        ProblemCode.agency_not_administered,
        ProblemCode.user_not_found,
        ProblemCode.weak_password,
    ),
)
async def reset_password(
    session: Session,
    username: str,
    body: PasswordReset,
    officer: OfficerPrincipal = Depends(require_role(Role.admin)),
) -> None:
    user = await _managed_user(session, officer, username)
    await users_service.set_password(session, user, body.password)


@router.post(
    "/users/{username}/revoke",
    operation_id="admin_revoke_user_tokens",
    summary="Thu hồi mọi mã truy cập đã cấp cho một cán bộ",
    status_code=204,
    responses=problem_responses(
        ROLE_PROBLEMS, ProblemCode.agency_not_administered, ProblemCode.user_not_found
    ),
)
async def revoke_user_tokens(
    session: Session,
    username: str,
    officer: OfficerPrincipal = Depends(require_role(Role.admin)),
) -> None:
    user = await _managed_user(session, officer, username)
    users_service.revoke_tokens(user)
    await session.flush()


def _read(user: User) -> dict[str, object]:
    return {
        "id": user.id,
        "username": user.username,
        "full_name": user.full_name,
        "active": user.active,
        "tokens_valid_after": user.tokens_valid_after,
        "roles": [{"agency": r.agency_code, "role": r.role} for r in user.roles],
    }
