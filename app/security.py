"""Passwords, tokens and principals.

Officer tokens are JWTs we issue (HS256 under ``MOTCUA_SECRET_KEY``). Verification reads the unverified
``iss`` only to choose a verifier; each verifier has its own key and an explicit algorithm allow-list, and
checks ``exp``, ``iss`` and ``aud``; officer tokens issued before the user's ``tokens_valid_after`` are
refused. Citizen tokens come from the citizens' identity provider (verified with its JWKS, asymmetric
algorithms only: ``app.jwks``) or, outside production, from the built-in development issuer; they
register the same way. A valid token of the wrong kind (an officer's where a citizen is required, or
the reverse) is a 403: the caller is authenticated, just not the kind of caller this operation is for.
"""

from __future__ import annotations

import ipaddress
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from jose import JWTError, jwt
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db import get_session
from app.errors import Forbidden, Unauthorized
from app.models.user import Role

_hasher = PasswordHasher()
# Verifying against this keeps the time of "unknown user" equal to "wrong password".
_DUMMY_HASH = _hasher.hash("motcua-timing-equaliser")

OFFICER_ALGORITHMS = ("HS256",)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class OfficerPrincipal:
    """An authenticated officer and the (agency, role) pairs the token carries."""

    user_id: uuid.UUID
    username: str
    roles: frozenset[tuple[str, Role]]
    issued_at: datetime

    def has_role(self, agency_code: str, *roles: Role) -> bool:
        return any((agency_code, role) in self.roles for role in roles)

    def agencies_with(self, *roles: Role) -> set[str]:
        return {agency for agency, role in self.roles if role in roles}


class PrincipalKind(StrEnum):
    officer = "officer"
    citizen = "citizen"


@dataclass(frozen=True)
class CitizenPrincipal:
    """An authenticated citizen (or business representative) as their identity provider names them.

    ``subject`` is unique only within ``issuer`` (OIDC), so ownership is recorded as the pair.
    """

    issuer: str
    subject: str
    name: str | None
    personal_id: str | None


Principal = OfficerPrincipal | CitizenPrincipal


class Verifier(Protocol):
    """Verifies the tokens of one issuer, with one algorithm family, and says whose tokens they are."""

    @property
    def issuer(self) -> str: ...

    @property
    def kind(self) -> PrincipalKind: ...

    async def verify_claims(self, token: str) -> dict[str, Any]:
        """The verified claims, or ``JWTError``."""
        ...


@dataclass(frozen=True)
class TokenVerifier:
    """How tokens of one issuer are checked: key, algorithm allow-list, audience."""

    issuer: str
    key: str | dict[str, Any]
    algorithms: tuple[str, ...]
    audience: str
    kind: PrincipalKind = PrincipalKind.officer

    async def verify_claims(self, token: str) -> dict[str, Any]:
        return self.decode(token)

    def decode(self, token: str) -> dict[str, Any]:
        header = jwt.get_unverified_header(token)
        if header.get("alg") not in self.algorithms:
            raise JWTError("algorithm not allowed for this issuer")
        claims: dict[str, Any] = jwt.decode(
            token,
            self.key,
            algorithms=list(self.algorithms),
            audience=self.audience,
            issuer=self.issuer,
            options={"require_exp": True, "require_iat": True, "require_sub": True},
        )
        return claims


@dataclass
class TokenService:
    settings: Settings
    verifiers: dict[str, Verifier] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.officer_verifier = TokenVerifier(
            issuer=self.settings.jwt_issuer,
            key=self.settings.secret_key.get_secret_value(),
            algorithms=OFFICER_ALGORITHMS,
            audience=self.settings.jwt_audience,
        )
        self.register(self.officer_verifier)

    def register(self, verifier: Verifier) -> None:
        self.verifiers[verifier.issuer] = verifier

    def issue_officer_token(
        self, user_id: uuid.UUID, username: str, roles: Iterable[tuple[str, Role]]
    ) -> tuple[str, int]:
        now = datetime.now(UTC)
        lifetime = timedelta(minutes=self.settings.access_token_minutes)
        claims = {
            "sub": str(user_id),
            "preferred_username": username,
            "roles": [{"agency": agency, "role": str(role)} for agency, role in sorted(roles)],
            "iss": self.settings.jwt_issuer,
            "aud": self.settings.jwt_audience,
            "iat": int(now.timestamp()),
            "exp": int((now + lifetime).timestamp()),
            "jti": uuid.uuid4().hex,
        }
        token = jwt.encode(claims, self.settings.secret_key.get_secret_value(), algorithm="HS256")
        return token, int(lifetime.total_seconds())

    async def verify(self, token: str) -> tuple[Verifier, dict[str, Any]]:
        """Pick the verifier by the token's issuer, then verify everything with it."""
        try:
            issuer = jwt.get_unverified_claims(token).get("iss")
        except JWTError as exc:
            raise Unauthorized("Mã truy cập không hợp lệ.", code="invalid_token") from exc
        verifier = self.verifiers.get(issuer) if isinstance(issuer, str) else None
        if verifier is None:
            raise Unauthorized("Mã truy cập không do bên được tin cậy cấp.", code="invalid_token")
        try:
            return verifier, await verifier.verify_claims(token)
        except JWTError as exc:
            raise Unauthorized(
                "Mã truy cập không hợp lệ hoặc đã hết hạn.", code="invalid_token"
            ) from exc


oauth2_scheme = OAuth2PasswordBearer(
    tokenUrl="/api/v1/auth/token",
    auto_error=False,
    description="Cán bộ đăng nhập bằng tên đăng nhập và mật khẩu để nhận mã truy cập (JWT).",
)


def get_token_service(request: Request) -> TokenService:
    service: TokenService = request.app.state.token_service
    return service


async def _principal_from_claims(session: AsyncSession, claims: dict[str, Any]) -> OfficerPrincipal:
    # Imported here to keep security importable from services without a cycle.
    from app.services import users as users_service

    try:
        user_id = uuid.UUID(str(claims["sub"]))
        issued_at = datetime.fromtimestamp(int(claims["iat"]), UTC)
        roles = frozenset((str(r["agency"]), Role(r["role"])) for r in claims.get("roles", []))
    except (KeyError, ValueError, TypeError) as exc:
        raise Unauthorized("Mã truy cập không hợp lệ.", code="invalid_token") from exc
    owner = await users_service.token_owner(session, user_id)
    # JWT iat has one-second resolution; revocation sets tokens_valid_after to the next whole second
    # (users_service.revoke_tokens), so every token issued before it has iat < tokens_valid_after.
    if owner is None or issued_at < owner[1]:
        raise Unauthorized("Mã truy cập đã bị thu hồi.", code="token_revoked")
    return OfficerPrincipal(user_id=user_id, username=owner[0], roles=roles, issued_at=issued_at)


def _citizen_from_claims(request: Request, issuer: str, claims: dict[str, Any]) -> CitizenPrincipal:
    settings: Settings = request.app.state.settings
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject:
        raise Unauthorized("Mã truy cập không hợp lệ.", code="invalid_token")
    name = claims.get("name")
    personal_id = claims.get(settings.citizen_personal_id_claim)
    return CitizenPrincipal(
        issuer=issuer,
        subject=subject,
        name=name if isinstance(name, str) else None,
        personal_id=personal_id if isinstance(personal_id, str) else None,
    )


async def get_caller(
    request: Request,
    token: str | None = Depends(oauth2_scheme),
    session: AsyncSession = Depends(get_session),
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
    raise Unauthorized("Mã truy cập không hợp lệ.", code="invalid_token")


async def get_officer(caller: Principal = Depends(get_caller)) -> OfficerPrincipal:
    """The authenticated officer; 401 without a valid token, 403 for a citizen's token."""
    if not isinstance(caller, OfficerPrincipal):
        raise Forbidden("Thao tác này chỉ dành cho cán bộ.", code="officer_required")
    return caller


async def get_citizen(caller: Principal = Depends(get_caller)) -> CitizenPrincipal:
    """The authenticated citizen; 401 without a valid token, 403 for an officer's token."""
    if not isinstance(caller, CitizenPrincipal):
        raise Forbidden("Thao tác này chỉ dành cho công dân, tổ chức.", code="citizen_required")
    return caller


def require_role(*roles: Role) -> Callable[..., Awaitable[OfficerPrincipal]]:
    """Dependency: the officer holds one of ``roles`` at some agency (403 otherwise)."""

    async def dependency(officer: OfficerPrincipal = Depends(get_officer)) -> OfficerPrincipal:
        if not officer.agencies_with(*roles):
            raise Forbidden("Tài khoản không có vai trò cần thiết cho thao tác này.")
        return officer

    return dependency


def require_agency_role(
    *roles: Role, param: str = "agency_code"
) -> Callable[..., Awaitable[OfficerPrincipal]]:
    """Dependency: the officer holds one of ``roles`` at the agency named by path/query ``param``."""

    async def dependency(
        request: Request, officer: OfficerPrincipal = Depends(get_officer)
    ) -> OfficerPrincipal:
        agency_code = request.path_params.get(param) or request.query_params.get(param)
        if not agency_code or not officer.has_role(agency_code, *roles):
            raise Forbidden("Tài khoản không có vai trò cần thiết tại cơ quan này.")
        return officer

    return dependency


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
