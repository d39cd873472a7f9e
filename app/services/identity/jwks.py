"""Citizen tokens verified with the identity provider's published keys (a JWKS).

The key is chosen by the token's ``kid``; the token's ``alg`` must be in an allow-list of asymmetric
algorithms (never ``HS*``, never ``none``) and must belong to the family of the chosen key (``RS*`` with
an RSA key, ``ES*`` with an EC key). A token signed with HMAC using the provider's public key as the
secret (algorithm confusion) therefore never reaches a signature check.

The JWKS is cached for a TTL; a token naming an unknown ``kid`` (the provider rotated its keys) causes at
most one refetch per ``refetch_seconds``, so garbage tokens cannot make us hammer the provider.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

import httpx
from jose import JWTError, jwk, jwt
from jose.exceptions import JWKError

from app.config import ASYMMETRIC_ALGORITHMS
from app.errors import ServiceUnavailable
from app.services.identity.principals import PrincipalKind

log = logging.getLogger(__name__)

_KEY_TYPE_OF_FAMILY = {"RS": "RSA", "ES": "EC"}
MAX_JWKS_BYTES = 512 * 1024


class IdentityProviderUnavailable(ServiceUnavailable):
    """503 ``identity_provider_unavailable``: the key set could not be fetched."""


def _unavailable() -> IdentityProviderUnavailable:
    return IdentityProviderUnavailable(
        "Không lấy được khóa công khai của hệ thống định danh; vui lòng thử lại sau.",
        headers={"Retry-After": "30"},
    )


class JwksSource(Protocol):
    async def fetch(self) -> dict[str, Any]:
        """The current key set, ``{"keys": [JWK, ...]}``."""
        ...


@dataclass(frozen=True)
class HttpJwksSource:
    """The provider's JWKS endpoint, fetched with httpx (no redirects, bounded size and time)."""

    url: str
    timeout_seconds: float = 5.0

    async def fetch(self) -> dict[str, Any]:
        async with httpx.AsyncClient(
            timeout=self.timeout_seconds, follow_redirects=False
        ) as client:
            response = await client.get(self.url, headers={"Accept": "application/json"})
        response.raise_for_status()
        if len(response.content) > MAX_JWKS_BYTES:
            raise ValueError("JWKS document too large")
        document = response.json()
        if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
            raise ValueError("not a JWKS document")
        return document


@dataclass
class JwksVerifier:
    """Verifier of one issuer's tokens against its JWKS (see the module docstring)."""

    issuer: str
    audience: str
    algorithms: tuple[str, ...]
    source: JwksSource
    kind: PrincipalKind = PrincipalKind.citizen
    cache_seconds: float = 3600
    refetch_seconds: float = 60
    leeway_seconds: int = 30
    clock: Callable[[], float] = time.monotonic

    _keys: dict[str, dict[str, Any]] = field(default_factory=dict, init=False, repr=False)
    _fetched_at: float | None = field(default=None, init=False, repr=False)
    _attempted_at: float | None = field(default=None, init=False, repr=False)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, init=False, repr=False)

    REQUIRED_CLAIMS: ClassVar[dict[str, bool]] = {
        "require_exp": True,
        "require_iat": True,
        "require_sub": True,
        "require_iss": True,
        "require_aud": True,
    }

    def __post_init__(self) -> None:
        refused = [alg for alg in self.algorithms if alg not in ASYMMETRIC_ALGORITHMS]
        if refused or not self.algorithms:
            raise ValueError(f"asymmetric algorithms only, refused: {refused}")

    async def verify_claims(self, token: str) -> dict[str, Any]:
        header = jwt.get_unverified_header(token)
        alg = header.get("alg")
        if not isinstance(alg, str) or alg not in self.algorithms:
            raise JWTError("algorithm not allowed for this issuer")
        kid = header.get("kid")
        if kid is not None and not isinstance(kid, str):
            raise JWTError("malformed kid")
        key = self._usable_key(await self._jwk_for(kid), alg)
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=[alg],
            audience=self.audience,
            issuer=self.issuer,
            options={**self.REQUIRED_CLAIMS, "leeway": self.leeway_seconds},
        )
        return claims

    @staticmethod
    def _usable_key(jwk_dict: dict[str, Any], alg: str) -> Any:
        """The JWK as a key object for ``alg``, refusing a key of another family or purpose."""
        if jwk_dict.get("kty") != _KEY_TYPE_OF_FAMILY.get(alg[:2]):
            raise JWTError("key type does not match the algorithm")
        if jwk_dict.get("use", "sig") != "sig" or jwk_dict.get("alg", alg) != alg:
            raise JWTError("key not meant for this algorithm")
        try:
            return jwk.construct(jwk_dict, alg)
        except JWKError as exc:
            raise JWTError("unusable key") from exc

    async def _jwk_for(self, kid: str | None) -> dict[str, Any]:
        now = self.clock()
        if self._fetched_at is None or now - self._fetched_at >= self.cache_seconds:
            # a provider that is down is asked again only once per refetch interval
            if self._may_refetch(now):
                await self._refresh(now)
            elif not self._keys:
                raise _unavailable()
        found = self._lookup(kid)
        if found is None and self._may_refetch(self.clock()):
            await self._refresh(self.clock())
            found = self._lookup(kid)
        if found is None:
            raise JWTError("unknown key id")
        return found

    def _lookup(self, kid: str | None) -> dict[str, Any] | None:
        if kid is not None:
            return self._keys.get(kid)
        # Without a kid the choice is unambiguous only when the provider publishes a single key.
        return next(iter(self._keys.values())) if len(self._keys) == 1 else None

    def _may_refetch(self, now: float) -> bool:
        return self._attempted_at is None or now - self._attempted_at >= self.refetch_seconds

    async def _refresh(self, now: float) -> None:
        async with self._lock:
            if self._attempted_at is not None and self._attempted_at >= now:
                return  # another request refreshed while we waited for the lock
            self._attempted_at = self.clock()
            try:
                document = await self.source.fetch()
            except (httpx.HTTPError, ValueError) as exc:
                log.warning("jwks_fetch_failed", extra={"issuer": self.issuer, "error": str(exc)})
                if not self._keys:
                    raise _unavailable() from exc
                return  # keep the keys we have until the provider answers again
            keys = {
                str(key["kid"]): key
                for key in document.get("keys", [])
                if isinstance(key, dict) and isinstance(key.get("kid"), str)
            }
            if not keys:
                unnamed = [k for k in document.get("keys", []) if isinstance(k, dict)]
                keys = {"": unnamed[0]} if len(unnamed) == 1 else {}
            self._keys = keys
            self._fetched_at = self._attempted_at
