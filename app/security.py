"""FastAPI dependencies for tokens and principals (the rules live in ``app.services.identity``).

The token's issuer chooses its verifier (``identity.tokens``); officer tokens issued before the user's
``tokens_valid_after`` are refused. Citizen tokens come from the citizens' identity provider (JWKS,
asymmetric algorithms only: ``identity.jwks``) or, outside production, from the built-in development
issuer. A valid token of the wrong kind (an officer's where a citizen is required, or the reverse) is a
403: the caller is authenticated, just not the kind of caller this operation is for.

Administration has two scopes, whose rules live in ``identity.scopes``: ``require_province_admin``
(province-wide data), ``require_agency_admin`` (an agency named in the path, within the caller's
subtrees) and ``require_admin`` (an administrator of some agency; the agencies of the body are then
checked with ``AdminScope.of``). Each answers the actor the admin audit log names.
"""

from __future__ import annotations

import ipaddress
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.ext.asyncio import AsyncSession

from app.callers import Audience, callers
from app.config import Settings
from app.errors import Forbidden, ProblemCode, Unauthorized
from app.models.user import Role
from app.routing import get_route_session
from app.services.identity import scopes
from app.services.identity import users as users_service
from app.services.identity.principals import (
    CitizenPrincipal,
    OfficerPrincipal,
    Principal,
    PrincipalKind,
)
from app.services.identity.tokens import EPOCH, TokenService
from app.services.system.audit import AuditActor

oauth2_scheme = OAuth2PasswordBearer(
    tokenUrl="/api/v1/auth/token",
    auto_error=False,
    description="Cán bộ đăng nhập bằng tên đăng nhập và mật khẩu để nhận mã truy cập (JWT). "
    "Officers: the OAuth2 password flow of `POST /api/v1/auth/token` (username and password).",
)


# What the dependencies below can answer, for the ``responses=`` of the operations that use them.
CALLER_PROBLEMS = (ProblemCode.unauthorized, ProblemCode.invalid_token, ProblemCode.token_revoked)
OFFICER_PROBLEMS = (*CALLER_PROBLEMS, ProblemCode.officer_required)
CITIZEN_PROBLEMS = (*CALLER_PROBLEMS, ProblemCode.citizen_required)
# the administrators' scopes (rules: ``identity.scopes``)
PROVINCE_ADMIN_PROBLEMS = (*OFFICER_PROBLEMS, ProblemCode.province_admin_required)
AGENCY_ADMIN_PROBLEMS = (
    *OFFICER_PROBLEMS,
    ProblemCode.admin_required,
    ProblemCode.agency_not_administered,
)


def get_token_service(request: Request) -> TokenService:
    service: TokenService = request.app.state.token_service
    return service


def _issued_at(claims: dict[str, Any]) -> datetime:
    """When an officer token was issued: ``iat_ms`` (milliseconds, our tokens), else the whole second
    of ``iat`` (earlier tokens: on the safe side, a revocation in their second refuses them)."""
    milliseconds = claims.get("iat_ms")
    if isinstance(milliseconds, int) and not isinstance(milliseconds, bool):
        if milliseconds // 1000 != int(claims["iat"]):
            raise ValueError("iat_ms does not match iat")
        return EPOCH + timedelta(milliseconds=milliseconds)
    return datetime.fromtimestamp(int(claims["iat"]), UTC)


async def _principal_from_claims(session: AsyncSession, claims: dict[str, Any]) -> OfficerPrincipal:
    try:
        user_id = uuid.UUID(str(claims["sub"]))
        issued_at = _issued_at(claims)
        roles = frozenset((str(r["agency"]), Role(r["role"])) for r in claims.get("roles", []))
    except (KeyError, ValueError, TypeError) as exc:
        raise Unauthorized("Mã truy cập không hợp lệ.", code=ProblemCode.invalid_token) from exc
    owner = await users_service.token_owner(session, user_id)
    # revocation sets tokens_valid_after to the next whole millisecond (users_service.revoke_tokens),
    # so every token issued before it was issued before tokens_valid_after.
    if owner is None or issued_at < owner[1]:
        raise Unauthorized("Mã truy cập đã bị thu hồi.", code=ProblemCode.token_revoked)
    return OfficerPrincipal(user_id=user_id, username=owner[0], roles=roles, issued_at=issued_at)


def _citizen_from_claims(request: Request, issuer: str, claims: dict[str, Any]) -> CitizenPrincipal:
    settings: Settings = request.app.state.settings
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject:
        raise Unauthorized("Mã truy cập không hợp lệ.", code=ProblemCode.invalid_token)
    name = claims.get("name")
    personal_id = claims.get(settings.citizen_personal_id_claim)
    return CitizenPrincipal(
        issuer=issuer,
        subject=subject,
        name=name if isinstance(name, str) else None,
        personal_id=personal_id if isinstance(personal_id, str) else None,
        vneid_verified=claims.get(settings.citizen_vneid_claim) is True,
    )


@callers(Audience.caller)
async def get_caller(
    request: Request,
    token: str | None = Depends(oauth2_scheme),
    session: AsyncSession = Depends(get_route_session),
) -> Principal:
    """The authenticated officer or citizen, or 401."""
    if not token:
        raise Unauthorized("Cần đăng nhập để thực hiện thao tác này.")
    tokens = get_token_service(request)
    verifier, claims = await tokens.verify(token)
    if verifier is tokens.officer_verifier:
        return await _principal_from_claims(session, claims)
    if verifier.kind is PrincipalKind.citizen:
        return _citizen_from_claims(request, verifier.issuer, claims)
    raise Unauthorized("Mã truy cập không hợp lệ.", code=ProblemCode.invalid_token)


async def officer_from_token(
    request: Request, session: AsyncSession, token: str
) -> OfficerPrincipal:
    """The officer a token issued by our password flow names (the report page keeps it in a cookie),
    checked as ``get_caller`` checks a bearer token; 401 otherwise."""
    tokens = get_token_service(request)
    verifier, claims = await tokens.verify(token)
    if verifier is not tokens.officer_verifier:
        raise Unauthorized("Mã truy cập không hợp lệ.", code=ProblemCode.invalid_token)
    return await _principal_from_claims(session, claims)


@callers(Audience.officer)
async def get_officer(caller: Principal = Depends(get_caller)) -> OfficerPrincipal:
    """The authenticated officer; 401 without a valid token, 403 for a citizen's token."""
    if not isinstance(caller, OfficerPrincipal):
        raise Forbidden("Thao tác này chỉ dành cho cán bộ.", code=ProblemCode.officer_required)
    return caller


@callers(Audience.citizen)
async def get_citizen(caller: Principal = Depends(get_caller)) -> CitizenPrincipal:
    """The authenticated citizen; 401 without a valid token, 403 for an officer's token."""
    if not isinstance(caller, CitizenPrincipal):
        raise Forbidden(
            "Thao tác này chỉ dành cho công dân, tổ chức.", code=ProblemCode.citizen_required
        )
    return caller


@dataclass(frozen=True)
class Administrator:
    """An administrator allowed this operation, and who the audit log will name."""

    officer: OfficerPrincipal
    actor: AuditActor


def _configured_root(request: Request) -> str | None:
    settings: Settings = request.app.state.settings
    return settings.province_root_agency


@callers(Audience.province)
async def require_province_admin(
    request: Request,
    officer: OfficerPrincipal = Depends(get_officer),
    session: AsyncSession = Depends(get_route_session),
) -> Administrator:
    """Dependency: the province administrator (admin at the province's root agency), or 403
    ``province_admin_required`` (rules: ``identity.scopes``)."""
    actor = await scopes.require_province_admin(session, officer, _configured_root(request))
    return Administrator(officer, actor)


def require_agency_admin(param: str = "agency_code") -> Callable[..., Awaitable[Administrator]]:
    """Dependency: an administrator of the agency named by path/query ``param`` (admin there or at
    one of its ancestors, or the province administrator); 403 otherwise."""

    @callers(Audience.agency)
    async def dependency(
        request: Request,
        officer: OfficerPrincipal = Depends(get_officer),
        session: AsyncSession = Depends(get_route_session),
    ) -> Administrator:
        root = _configured_root(request)
        await scopes.require_admin_somewhere(session, officer, root)
        agency_code = request.path_params.get(param) or request.query_params.get(param) or ""
        actor = await scopes.require_administers(session, officer, [agency_code], root)
        return Administrator(officer, actor)

    return dependency


@dataclass(frozen=True)
class AdminScope:
    """An administrator of some agency; the agencies an operation touches are checked with
    ``of`` once the body names them (each answers the actor for the audit log)."""

    officer: OfficerPrincipal
    session: AsyncSession
    root: str | None

    async def of(self, agency_codes: Iterable[str]) -> AuditActor:
        """Every agency is in the caller's subtrees (403 ``agency_not_administered``)."""
        return await scopes.require_administers(self.session, self.officer, agency_codes, self.root)

    async def anywhere(self) -> AuditActor:
        return await scopes.require_admin_somewhere(self.session, self.officer, self.root)


@callers(Audience.admin)
async def require_admin(
    request: Request,
    officer: OfficerPrincipal = Depends(get_officer),
    session: AsyncSession = Depends(get_route_session),
) -> AdminScope:
    """Dependency: an administrator of at least one agency (403 ``admin_required``)."""
    root = _configured_root(request)
    await scopes.require_admin_somewhere(session, officer, root)
    return AdminScope(officer, session, root)


def client_address(request: Request, trusted_proxies: list[str]) -> str:
    """The caller's address: ``X-Forwarded-For`` is believed only when the peer is a trusted proxy.

    Walks the chain from the right, skipping trusted proxies, and returns the first untrusted hop.
    """
    peer = request.client.host if request.client else "unknown"
    if not trusted_proxies:
        return peer
    networks = [ipaddress.ip_network(p, strict=False) for p in trusted_proxies]

    def trusted(address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in net for net in networks)

    if not trusted(peer):
        return peer
    forwarded = request.headers.get("x-forwarded-for", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not trusted(hop):
            return hop
    return hops[0] if hops else peer


def client_of(request: Request) -> str:
    """The caller's address as the throttles key it (``client_address`` with the trusted proxies)."""
    settings: Settings = request.app.state.settings
    return client_address(request, settings.trusted_proxies)
