"""Token issuing and verification.

Officer tokens are JWTs we issue (HS256 under ``MOTCUA_SECRET_KEY``). Verification reads the unverified
``iss`` only to choose a verifier; each verifier has its own key and an explicit algorithm allow-list, and
checks ``exp``, ``iss`` and ``aud``. Citizen verifiers (``jwks``, the development issuer) register here
the same way.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from jose import JWTError, jwt

from app.config import Settings
from app.errors import ProblemCode, Unauthorized
from app.models.user import Role
from app.services.identity.principals import PrincipalKind

OFFICER_ALGORITHMS = ("HS256",)


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
            raise Unauthorized("Mã truy cập không hợp lệ.", code=ProblemCode.invalid_token) from exc
        verifier = self.verifiers.get(issuer) if isinstance(issuer, str) else None
        if verifier is None:
            raise Unauthorized(
                "Mã truy cập không do bên được tin cậy cấp.", code=ProblemCode.invalid_token
            )
        try:
            return verifier, await verifier.verify_claims(token)
        except JWTError as exc:
            raise Unauthorized(
                "Mã truy cập không hợp lệ hoặc đã hết hạn.", code=ProblemCode.invalid_token
            ) from exc
