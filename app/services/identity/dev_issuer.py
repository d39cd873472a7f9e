"""The built-in development issuer of citizen tokens (demo, development and tests; never production).

It stands in for the citizens' identity provider: an RSA key pair generated on first use and kept in
``<data dir>/dev-issuer-key.pem`` (mode 0600), its JWKS, and a minting function. Its tokens are verified
by the same ``JwksVerifier`` as a real provider's, fed in-process. In production neither the verifier
nor the routes exist, so a development token is refused there like any token of an unknown issuer.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk, jwt

from app.config import DEV_CITIZEN_ISSUER, Settings
from app.services.identity.jwks import JwksVerifier

KEY_FILE_NAME = "dev-issuer-key.pem"
ALGORITHM = "RS256"


def generate_private_key_pem() -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _load_or_create(path: Path) -> bytes:
    """The key in ``path``, created atomically (temp file + link) when absent: no torn reads."""
    if path.exists():
        return path.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(generate_private_key_pem())
        with contextlib.suppress(FileExistsError):  # another process won the race: use theirs
            os.link(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return path.read_bytes()


@dataclass
class DevCitizenIssuer:
    """Mints citizen tokens and publishes its JWKS. ``private_key_pem`` may be handed in (tests)."""

    settings: Settings
    private_key_pem: bytes | None = None
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, init=False, repr=False)
    _jwk: dict[str, Any] | None = field(default=None, init=False, repr=False)
    _signer: Any = field(default=None, init=False, repr=False)

    @property
    def key_path(self) -> Path:
        return self.settings.data_dir / KEY_FILE_NAME

    async def _private_pem(self) -> bytes:
        if self.private_key_pem is None:
            async with self._lock:
                if self.private_key_pem is None:
                    self.private_key_pem = await asyncio.to_thread(_load_or_create, self.key_path)
        return self.private_key_pem

    async def public_jwk(self) -> dict[str, Any]:
        if self._jwk is None:
            self._jwk = await self._compute_public_jwk()
        return dict(self._jwk)

    async def _compute_public_jwk(self) -> dict[str, Any]:
        private = serialization.load_pem_private_key(await self._private_pem(), password=None)
        assert isinstance(private, rsa.RSAPrivateKey)
        public_pem = private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        key: dict[str, Any] = jwk.construct(public_pem, ALGORITHM).to_dict()
        numbers = private.public_key().public_numbers()
        key.update(kid=f"dev-{numbers.n % (1 << 64):016x}", use="sig", alg=ALGORITHM)
        return key

    async def fetch(self) -> dict[str, Any]:
        """The JWKS (also what ``GET /api/v1/dev/citizen-issuer/jwks.json`` serves)."""
        return {"keys": [await self.public_jwk()]}

    def verifier(self) -> JwksVerifier:
        """The in-process verifier: the same JWKS checks as a real provider, keys read directly."""
        return JwksVerifier(
            issuer=DEV_CITIZEN_ISSUER,
            audience=self.settings.citizen_audience,
            algorithms=(ALGORITHM,),
            source=self,
            refetch_seconds=0,
        )

    async def mint(
        self,
        subject: str,
        full_name: str,
        personal_id: str | None = None,
        *,
        vneid_verified: bool = False,
    ) -> tuple[str, int]:
        """A citizen token as an identity provider would issue it; returns (token, lifetime)."""
        now = datetime.now(UTC)
        lifetime = timedelta(minutes=self.settings.citizen_token_minutes)
        claims: dict[str, Any] = {
            "iss": DEV_CITIZEN_ISSUER,
            "aud": self.settings.citizen_audience,
            "sub": subject,
            "name": full_name,
            "iat": int(now.timestamp()),
            "exp": int((now + lifetime).timestamp()),
            "jti": uuid.uuid4().hex,
        }
        if personal_id is not None:
            claims[self.settings.citizen_personal_id_claim] = personal_id
        if vneid_verified:
            claims[self.settings.citizen_vneid_claim] = True
        kid = (await self.public_jwk())["kid"]
        if self._signer is None:  # parsing the PEM is slow (key checks): once per process
            self._signer = jwk.construct((await self._private_pem()).decode(), ALGORITHM)
        token = jwt.encode(claims, self._signer, algorithm=ALGORITHM, headers={"kid": kid})
        return token, int(lifetime.total_seconds())
