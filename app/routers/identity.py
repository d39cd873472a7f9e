"""Who is calling: officer login (OAuth2 password flow, so Swagger's Authorize button works), the
officer's and the citizen's own identity, revocation."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Form, Request

from app.errors import ProblemCode
from app.problems import JSON_BODY, problem_responses
from app.routing import NO_STORE, Router, Session
from app.schemas.identity import (
    AgencyRole,
    CitizenMe,
    Me,
    OfficerLoginForm,
    PasswordChange,
    TokenResponse,
)
from app.security import (
    CITIZEN_PROBLEMS,
    OFFICER_PROBLEMS,
    client_of,
    get_citizen,
    get_officer,
    get_token_service,
)
from app.services.identity import login as auth_service
from app.services.identity import users as users_service
from app.services.identity.principals import CitizenPrincipal, OfficerPrincipal

# tokens and accounts: never stored by a cache
router = Router(prefix="/api/v1/auth", tags=["auth"], response_headers=NO_STORE)
citizen_router = Router(prefix="/api/v1/auth/citizen", tags=["auth"], response_headers=NO_STORE)


@router.post(
    "/token",
    operation_id="auth_token",
    summary="Cán bộ đăng nhập, nhận mã truy cập (JWT)",
    response_model=TokenResponse,
    responses=problem_responses(
        ProblemCode.bad_request,
        ProblemCode.invalid_credentials,
        ProblemCode.validation_failed,
        ProblemCode.login_throttled,
    ),
)
async def issue_token(
    session: Session,
    request: Request,
    form: Annotated[OfficerLoginForm, Form()],
) -> TokenResponse:
    """Officer login by the OAuth2 password flow: exchanges a username and password (form-encoded)
    for a bearer JWT. Failed logins are counted per account and client and throttled (429 with
    Retry-After)."""
    token, expires_in = await auth_service.login(
        session,
        request.app.state.settings,
        get_token_service(request),
        username=form.username,
        password=form.password,
        client=client_of(request),
    )
    return TokenResponse(access_token=token, expires_in=expires_in)


@router.get(
    "/me",
    operation_id="auth_me",
    summary="Tài khoản đang đăng nhập và các vai trò tại từng cơ quan",
    response_model=Me,
    responses=problem_responses(OFFICER_PROBLEMS),
)
async def me(officer: OfficerPrincipal = Depends(get_officer)) -> Me:
    """The signed-in officer's account and (agency, role) pairs, as their token carries them."""
    return Me(
        id=officer.user_id,
        username=officer.username,
        roles=[AgencyRole(agency=a, role=r) for a, r in sorted(officer.roles)],
    )


@router.post(
    "/revoke",
    operation_id="auth_revoke",
    summary="Đăng xuất khỏi mọi thiết bị: thu hồi mọi mã truy cập đã cấp",
    status_code=204,
    responses=problem_responses(OFFICER_PROBLEMS),
)
async def revoke_all(
    session: Session,
    officer: OfficerPrincipal = Depends(get_officer),
) -> None:
    """Signs the officer out everywhere: every token issued to them so far is refused from now
    on."""
    await users_service.revoke_tokens_of(session, officer.username)


@router.post(
    "/password",
    operation_id="auth_change_password",
    summary="Cán bộ đổi mật khẩu của chính mình (mọi mã truy cập đã cấp bị thu hồi: đăng nhập lại)",
    status_code=204,
    responses=problem_responses(
        OFFICER_PROBLEMS,
        JSON_BODY,
        ProblemCode.current_password_wrong,
        ProblemCode.weak_password,
    ),
)
async def change_password(
    session: Session,
    body: PasswordChange,
    officer: OfficerPrincipal = Depends(get_officer),
) -> None:
    """The signed-in officer changes their own password; every token issued before is revoked, so
    they sign in again."""
    await users_service.change_own_password(
        session, officer.username, body.current_password, body.new_password
    )


@citizen_router.get(
    "/me",
    operation_id="auth_citizen_me",
    summary="Công dân, tổ chức đang đăng nhập (theo mã truy cập của hệ thống định danh)",
    response_model=CitizenMe,
    responses=problem_responses(CITIZEN_PROBLEMS, ProblemCode.identity_provider_unavailable),
)
async def citizen_me(citizen: CitizenPrincipal = Depends(get_citizen)) -> CitizenMe:
    """The signed-in citizen or business as the identity provider's token names them (issuer,
    subject, name, personal id)."""
    return CitizenMe(
        issuer=citizen.issuer,
        subject=citizen.subject,
        name=citizen.name,
        personal_id=citizen.personal_id,
    )
