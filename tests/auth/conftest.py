"""A fake identity provider: key pairs and a real HTTP server publishing its JWKS on 127.0.0.1."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from functools import cached_property
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from httpx import ASGITransport, AsyncClient
from jose import jwk, jwt
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.services.identity.dev_issuer import generate_private_key_pem
from tests.conftest import build_app, make_settings

IDP_ISSUER = "https://id.example.gov.vn"
AUDIENCE = "motcua-api"


@dataclass(frozen=True)
class SigningKey:
    kid: str
    alg: str
    private_pem: str
    public_pem: str

    def public_jwk(self) -> dict[str, Any]:
        key: dict[str, Any] = jwk.construct(self.public_pem, self.alg).to_dict()
        key.update(kid=self.kid, use="sig", alg=self.alg)
        return key

    @cached_property
    def _signer(self) -> Any:
        return jwk.construct(self.private_pem, self.alg)  # parsing a PEM costs ~80 ms: once

    def sign(self, claims: dict[str, Any], **header: Any) -> str:
        return jwt.encode(
            claims, self._signer, algorithm=self.alg, headers={"kid": self.kid, **header}
        )


def _pems(private: Any) -> tuple[str, str]:
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private_pem, public_pem


def make_rsa_key(kid: str) -> SigningKey:
    return SigningKey(
        kid, "RS256", *_pems(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    )


def make_ec_key(kid: str) -> SigningKey:
    return SigningKey(kid, "ES256", *_pems(ec.generate_private_key(ec.SECP256R1())))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def handmade_token(
    header: dict[str, Any], claims: dict[str, Any], hmac_secret: bytes | None
) -> str:
    """A JWT assembled by hand (for ``alg: none`` and HMAC-with-the-public-key attacks)."""
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}"
    signature = b""
    if hmac_secret is not None:
        signature = hmac.new(hmac_secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(signature)}"


def citizen_claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": IDP_ISSUER,
        "aud": AUDIENCE,
        "sub": "vneid-000123",
        "name": "Trần Thị Hoa",
        "personal_id": "001203004567",
        "iat": now,
        "exp": now + 600,
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


@pytest.fixture(scope="session")
def idp_keys() -> dict[str, SigningKey]:
    return {
        "rsa": make_rsa_key("rsa-1"),
        "ec": make_ec_key("ec-1"),
        "rotated": make_rsa_key("rsa-2"),
        "stranger": make_rsa_key("rsa-unknown"),  # never published
    }


@dataclass
class JwksServer:
    url: str
    keys: list[dict[str, Any]] = field(default_factory=list)
    hits: int = 0
    status: int = 200


@pytest.fixture
def jwks_server(idp_keys: dict[str, SigningKey]) -> Iterator[JwksServer]:
    """A real HTTP server on 127.0.0.1 serving the provider's JWKS (mutable: rotate, fail)."""
    state = JwksServer(url="", keys=[idp_keys["rsa"].public_jwk(), idp_keys["ec"].public_jwk()])

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits += 1
            body = json.dumps({"keys": state.keys}).encode()
            self.send_response(state.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/.well-known/jwks.json"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def dev_key_pem() -> bytes:
    return generate_private_key_pem()


ClientFactory = Callable[..., AbstractAsyncContextManager[AsyncClient]]


@pytest.fixture
def make_client(
    db_url: str,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    dev_key_pem: bytes,
) -> ClientFactory:
    """An HTTP client of an app built with ``make_settings(db_url, **overrides)``."""

    @asynccontextmanager
    async def factory(**overrides: Any) -> AsyncIterator[AsyncClient]:
        app = build_app(make_settings(db_url, **overrides), engine, session_factory)
        if hasattr(app.state, "dev_issuer"):
            app.state.dev_issuer.private_key_pem = dev_key_pem
        async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
            yield client

    return factory
