"""The cache of verified tokens: the same bytes skip the signature check, never the expiry; revocation
is checked on every request regardless (tests/test_auth.py revokes tokens the cache already holds)."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from jose import jwt

from app.config import Settings
from app.errors import Unauthorized
from app.models.user import Role
from app.services.identity import tokens as tokens_module
from app.services.identity.tokens import TokenService
from tests.conftest import TEST_SECRET


def _token(settings: Settings, lifetime: float) -> str:
    now = time.time()
    claims = {
        "sub": str(uuid.uuid4()),
        "preferred_username": "cache.test",
        "roles": [{"agency": "000.00.01.H99", "role": str(Role.receptionist)}],
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": int(now),
        "exp": int(now + lifetime),
    }
    return jwt.encode(claims, TEST_SECRET, algorithm="HS256")


async def test_a_cached_token_still_expires(settings: Settings) -> None:
    service = TokenService(settings)
    token = _token(settings, 2)
    _, first = await service.verify(token)
    _, again = await service.verify(token)  # from the cache
    assert first is again
    # past exp by more than the one-second resolution of the claim (python-jose compares whole seconds)
    await asyncio.sleep(max(0.0, first["exp"] - time.time()) + 1.1)
    with pytest.raises(Unauthorized):
        await service.verify(token)


async def test_a_tampered_token_is_never_a_cache_hit(settings: Settings) -> None:
    service = TokenService(settings)
    token = _token(settings, 600)
    await service.verify(token)
    header, payload, signature = token.split(".")
    tampered = (
        f"{header}.{payload}.{signature[:-2]}{'A' if signature[-2] != 'A' else 'B'}{signature[-1]}"
    )
    with pytest.raises(Unauthorized):
        await service.verify(tampered)


async def test_the_cache_is_bounded(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens_module, "VERIFIED_CACHE_ENTRIES", 3)
    service = TokenService(settings)
    issued = [_token(settings, 600) for _ in range(5)]
    for token in issued:
        await service.verify(token)
    assert list(service._verified) == issued[-3:]
