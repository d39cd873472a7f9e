"""Token issuing and verification.

Officer tokens are JWTs we issue (HS256 under ``MOTCUA_SECRET_KEY``). Verification reads the unverified
``iss`` only to choose a verifier; each verifier has its own key and an explicit algorithm allow-list, and
checks ``exp``, ``iss`` and ``aud``. Citizen verifiers (``jwks``, the development issuer) register here
the same way.
"""

from __future__ import annotations

import math
import time
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


# the Unix epoch: issue times in milliseconds convert exactly (no float rounding)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


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


# Verified tokens kept per process: a hit skips the signature check and the claims' parsing, never
# the expiry (checked on every hit) nor the revocation check (``security`` reads the user each time).
VERIFIED_CACHE_ENTRIES = 4096
# the longest ``sub`` or ``iss`` accepted: the columns that store them are VARCHAR(255)
MAX_CLAIM_CHARS = 255


@dataclass
class TokenService:
    settings: Settings
    verifiers: dict[str, Verifier] = field(default_factory=dict)
    _verified: dict[str, tuple[Verifier, dict[str, Any], float]] = field(
        default_factory=dict, repr=False
    )

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
            # milliseconds: revocation compares with this, so a token issued in the same second
            # after a revocation is valid at once (security.issued_at)
            "iat_ms": math.floor(now.timestamp() * 1000),
            "exp": int((now + lifetime).timestamp()),
            "jti": uuid.uuid4().hex,
        }
        token = jwt.encode(claims, self.settings.secret_key.get_secret_value(), algorithm="HS256")
        return token, int(lifetime.total_seconds())

    async def verify(self, token: str) -> tuple[Verifier, dict[str, Any]]:
        """Pick the verifier by the token's issuer, then verify everything with it.

        A token verified before (the same bytes) is answered from a bounded per-process cache until
        its ``exp``; revocation is not decided here and is checked on every request by the caller.
        """
        cached = self._verified.get(token)
        if cached is not None:
            verifier, claims, expires = cached
            if time.time() < expires:
                return verifier, claims
            del self._verified[token]
        verifier, claims = await self._verify(token)
        exp = claims.get("exp")
        if isinstance(exp, int | float):
            if len(self._verified) >= VERIFIED_CACHE_ENTRIES:
                self._verified.pop(next(iter(self._verified)))  # the oldest entry
            self._verified[token] = (verifier, claims, float(exp))
        return verifier, claims

    async def _verify(self, token: str) -> tuple[Verifier, dict[str, Any]]:
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
            claims = await verifier.verify_claims(token)
        except JWTError as exc:
            raise Unauthorized(
                "Mã truy cập không hợp lệ hoặc đã hết hạn.", code=ProblemCode.invalid_token
            ) from exc
        if not _storable(claims.get("sub")) or not _storable(issuer):
            raise Unauthorized("Mã truy cập không hợp lệ.", code=ProblemCode.invalid_token)
        return verifier, claims


def _storable(value: object) -> bool:
    """A token's ``sub`` and ``iss`` are stored (citizen subject, issuer: VARCHAR(255)): a string of at
    most :data:`MAX_CLAIM_CHARS` characters without NUL, else the token is refused as invalid."""
    return isinstance(value, str) and len(value) <= MAX_CLAIM_CHARS and "\x00" not in value
