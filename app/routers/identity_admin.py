"""Officer accounts, managed by administrators of the agencies concerned.

An administrator manages the accounts whose roles all lie in their agency subtrees (their agency and
the agencies below it), before and after the change; the province administrator manages every
account (rules: ``identity.scopes``). Every change is written to the admin audit log.
"""

from __future__ import annotations

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.callers import Audience, callers
from app.errors import ProblemCode
from app.models.user import User
from app.problems import JSON_BODY, problem_responses
from app.routing import NO_STORE, ReadSession, Router, Session
from app.schemas.identity import PasswordReset, UserCreate, UserRead, UserUpdate
from app.security import (
    AGENCY_ADMIN_PROBLEMS,
    Administrator,
    AdminScope,
    require_admin,
    require_agency_admin,
)
from app.services.identity import users as users_service
from app.services.system.audit import AuditActor

router = Router(prefix="/api/v1/admin", tags=["admin: users"], response_headers=NO_STORE)
# an account without roles is the province administrator's alone
ACCOUNT_PROBLEMS = (*AGENCY_ADMIN_PROBLEMS, ProblemCode.province_admin_required)


@router.get(
    "/agencies/{agency_code}/users",
    operation_id="admin_list_agency_users",
    summary="Danh sách cán bộ có vai trò tại một cơ quan (quản trị của cơ quan đó hoặc cấp trên)",
    response_model=list[UserRead],
    responses=problem_responses(AGENCY_ADMIN_PROBLEMS),
)
async def list_agency_users(
    session: ReadSession,
    agency_code: str,
    admin: Administrator = Depends(require_agency_admin("agency_code")),
) -> list[UserRead]:
    """Lists the officers holding a role at an agency, with their roles and whether the account is
    disabled."""
    users = await users_service.list_users_at(session, [agency_code])
    return [UserRead.model_validate(_read(u)) for u in users]


@router.post(
    "/users",
    operation_id="admin_create_user",
    summary="Tạo tài khoản cán bộ (quản trị của mọi cơ quan được cấp vai trò)",
    status_code=201,
    response_model=UserRead,
    responses=problem_responses(
        AGENCY_ADMIN_PROBLEMS,
        JSON_BODY,
        ProblemCode.username_taken,
        ProblemCode.weak_password,
    ),
)
@callers(Audience.agency)
async def create_user(
    session: Session,
    body: UserCreate,
    scope: AdminScope = Depends(require_admin),
) -> UserRead:
    """Creates an officer account with its (agency, role) pairs; every agency named must be
    administered by the caller. Recorded in the admin audit log."""
    actor = await scope.of({r.agency for r in body.roles})
    user = await users_service.create_user(
        session,
        users_service.NewUser(
            username=body.username,
            full_name=body.full_name,
            password=body.password,
            roles=frozenset((r.agency, r.role) for r in body.roles),
        ),
        actor=actor,
    )
    return UserRead.model_validate(_read(user))


async def _managed_user(
    session: AsyncSession, scope: AdminScope, username: str
) -> tuple[User, AuditActor]:
    """The account and the actor, when the caller administers every agency of its roles."""
    user = await users_service.get_user(session, username)
    actor = await scope.of({r.agency_code for r in user.roles})
    return user, actor


@router.patch(
    "/users/{username}",
    operation_id="admin_update_user",
    summary="Sửa tài khoản cán bộ: họ tên, khóa / mở khóa, vai trò (quản trị của các cơ quan liên quan)",
    response_model=UserRead,
    responses=problem_responses(ACCOUNT_PROBLEMS, JSON_BODY, ProblemCode.user_not_found),
)
@callers(Audience.agency)
async def update_user(
    session: Session,
    username: str,
    body: UserUpdate,
    scope: AdminScope = Depends(require_admin),
) -> UserRead:
    """Changes an officer's full name, disables or enables the account, or replaces its roles (both
    the old and the new agencies must be administered by the caller). Recorded in the admin audit
    log."""
    user, actor = await _managed_user(session, scope, username)
    roles = frozenset((r.agency, r.role) for r in body.roles) if body.roles is not None else None
    if roles is not None:
        await scope.of({agency for agency, _ in roles})
    user = await users_service.update_user(
        session, user, full_name=body.full_name, active=body.active, roles=roles, actor=actor
    )
    return UserRead.model_validate(_read(user))


@router.post(
    "/users/{username}/password",
    operation_id="admin_reset_password",
    summary="Đặt lại mật khẩu của cán bộ (mọi mã truy cập đã cấp bị thu hồi)",
    status_code=204,
    responses=problem_responses(
        ACCOUNT_PROBLEMS,
        JSON_BODY,
        ProblemCode.user_not_found,
        ProblemCode.weak_password,
    ),
)
@callers(Audience.agency)
async def reset_password(
    session: Session,
    username: str,
    body: PasswordReset,
    scope: AdminScope = Depends(require_admin),
) -> None:
    """Sets a new password for an officer and revokes every token issued to them. Recorded in the
    admin audit log."""
    user, actor = await _managed_user(session, scope, username)
    await users_service.set_password(session, user, body.password, actor=actor)


@router.post(
    "/users/{username}/revoke",
    operation_id="admin_revoke_user_tokens",
    summary="Thu hồi mọi mã truy cập đã cấp cho một cán bộ",
    status_code=204,
    responses=problem_responses(ACCOUNT_PROBLEMS, ProblemCode.user_not_found),
)
@callers(Audience.agency)
async def revoke_user_tokens(
    session: Session,
    username: str,
    scope: AdminScope = Depends(require_admin),
) -> None:
    """Revokes every token issued to an officer (a lost device, a departure). Recorded in the admin
    audit log."""
    user, actor = await _managed_user(session, scope, username)
    await users_service.revoke_user_tokens(session, user, actor=actor)


def _read(user: User) -> dict[str, object]:
    return {
        "id": user.id,
        "username": user.username,
        "full_name": user.full_name,
        "active": user.active,
        "tokens_valid_after": user.tokens_valid_after,
        "roles": [{"agency": r.agency_code, "role": r.role} for r in user.roles],
    }
