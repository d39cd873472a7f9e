"""Citizen tokens: verified against the provider's JWKS served over real HTTP on 127.0.0.1."""

from __future__ import annotations

from typing import Any

import pytest
from jose import JWTError

from app.config import Environment
from app.models.user import Role
from app.services.identity.dev_issuer import DevCitizenIssuer
from app.services.identity.jwks import HttpJwksSource, JwksVerifier
from tests.auth.conftest import (
    AUDIENCE,
    IDP_ISSUER,
    ClientFactory,
    JwksServer,
    SigningKey,
    citizen_claims,
    handmade_token,
)
from tests.conftest import OfficerFactory, make_settings

ME = "/api/v1/auth/citizen/me"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def idp_settings(server: JwksServer, **overrides: Any) -> dict[str, Any]:
    return {"citizen_issuer": IDP_ISSUER, "citizen_jwks_url": server.url, **overrides}


@pytest.mark.parametrize("which", ["rsa", "ec"])
async def test_valid_citizen_token_is_accepted(
    make_client: ClientFactory, jwks_server: JwksServer, idp_keys: dict[str, SigningKey], which: str
) -> None:
    token = idp_keys[which].sign(citizen_claims())
    async with make_client(**idp_settings(jwks_server)) as client:
        response = await client.get(ME, headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.json() == {
        "issuer": IDP_ISSUER,
        "subject": "vneid-000123",
        "name": "Trần Thị Hoa",
        "personal_id": "001203004567",
    }
    assert jwks_server.hits == 1


def _bad_tokens(keys: dict[str, SigningKey]) -> dict[str, str]:
    rsa = keys["rsa"]
    valid = rsa.sign(citizen_claims())
    head, _payload, signature = valid.split(".")
    forged_payload = handmade_token({}, citizen_claims(sub="someone-else"), None).split(".")[1]
    return {
        "expired": rsa.sign(citizen_claims(iat=1_700_000_000, exp=1_700_000_600)),
        "wrong_audience": rsa.sign(citizen_claims(aud="another-service")),
        "wrong_issuer": rsa.sign(citizen_claims(iss="https://evil.example")),
        "unknown_kid": keys["stranger"].sign(citizen_claims()),
        "tampered": f"{head}.{forged_payload}.{signature}",
        "alg_none": handmade_token({"alg": "none", "typ": "JWT"}, citizen_claims(), None),
        # algorithm confusion: HMAC with the provider's public key (as published) as the secret
        "hs256_public_key_secret": handmade_token(
            {"alg": "HS256", "typ": "JWT", "kid": rsa.kid},
            citizen_claims(),
            rsa.public_pem.encode(),
        ),
        # right key, wrong family: RS256 header but the kid names the EC key
        "rs256_on_ec_key": handmade_token(
            {"alg": "RS256", "kid": keys["ec"].kid}, citizen_claims(), None
        ),
        "no_exp": rsa.sign(citizen_claims(exp=None)),
        "garbage": "not-a-jwt",
    }


@pytest.mark.parametrize(
    "case",
    [
        "expired",
        "wrong_audience",
        "wrong_issuer",
        "unknown_kid",
        "tampered",
        "alg_none",
        "hs256_public_key_secret",
        "rs256_on_ec_key",
        "no_exp",
        "garbage",
    ],
)
async def test_bad_citizen_tokens_are_refused(
    make_client: ClientFactory, jwks_server: JwksServer, idp_keys: dict[str, SigningKey], case: str
) -> None:
    token = _bad_tokens(idp_keys)[case]
    async with make_client(**idp_settings(jwks_server)) as client:
        response = await client.get(ME, headers=bearer(token))
        assert response.status_code == 401, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "invalid_token"
        # the same app still accepts a good token: the refusal is about the token, not the setup
        good = await client.get(ME, headers=bearer(idp_keys["rsa"].sign(citizen_claims())))
        assert good.status_code == 200


async def test_hs256_confusion_is_refused_even_if_jose_would_accept_it(
    jwks_server: JwksServer, idp_keys: dict[str, SigningKey]
) -> None:
    """The allow-list is the guard: HS256 never reaches a key, whatever the JWKS holds."""
    rsa = idp_keys["rsa"]
    verifier = JwksVerifier(
        IDP_ISSUER, AUDIENCE, ("RS256", "ES256"), HttpJwksSource(jwks_server.url)
    )
    token = handmade_token(
        {"alg": "HS256", "kid": rsa.kid}, citizen_claims(), rsa.public_pem.encode()
    )
    with pytest.raises(JWTError, match="algorithm not allowed"):
        await verifier.verify_claims(token)
    assert jwks_server.hits == 0  # refused before any key lookup
    with pytest.raises(ValueError, match="asymmetric"):
        JwksVerifier(IDP_ISSUER, AUDIENCE, ("HS256",), HttpJwksSource(jwks_server.url))


async def test_unknown_kid_refetches_once_then_rate_limits_and_rotation_works(
    jwks_server: JwksServer, idp_keys: dict[str, SigningKey]
) -> None:
    now = [1000.0]
    verifier = JwksVerifier(
        IDP_ISSUER,
        AUDIENCE,
        ("RS256",),
        HttpJwksSource(jwks_server.url),
        refetch_seconds=60,
        clock=lambda: now[0],
    )
    assert (await verifier.verify_claims(idp_keys["rsa"].sign(citizen_claims())))["sub"]
    assert jwks_server.hits == 1
    rotated = idp_keys["rotated"].sign(citizen_claims())
    jwks_server.keys = [idp_keys["rotated"].public_jwk()]
    now[0] += 10  # within the refetch interval of the first fetch: no refetch, refused
    with pytest.raises(JWTError, match="unknown key id"):
        await verifier.verify_claims(rotated)
    assert jwks_server.hits == 1
    now[0] += 60  # the provider rotated; one refetch finds the new key
    assert (await verifier.verify_claims(rotated))["sub"] == "vneid-000123"
    assert jwks_server.hits == 2
    for _ in range(5):  # garbage kids do not hammer the provider
        with pytest.raises(JWTError, match="unknown key id"):
            await verifier.verify_claims(idp_keys["stranger"].sign(citizen_claims()))
    assert jwks_server.hits == 2


async def test_provider_down_without_cached_keys_is_503(
    make_client: ClientFactory, jwks_server: JwksServer, idp_keys: dict[str, SigningKey]
) -> None:
    jwks_server.status = 500
    async with make_client(**idp_settings(jwks_server)) as client:
        response = await client.get(ME, headers=bearer(idp_keys["rsa"].sign(citizen_claims())))
        again = await client.get(ME, headers=bearer(idp_keys["rsa"].sign(citizen_claims())))
    assert response.status_code == 503
    assert response.json()["code"] == "identity_provider_unavailable"
    assert response.headers["retry-after"] == "30"
    assert again.status_code == 503
    assert jwks_server.hits == 1  # a provider that is down is not asked again at once


async def test_dev_issuer_mints_tokens_in_test_mode(make_client: ClientFactory) -> None:
    async with make_client() as client:
        minted = await client.post(
            "/api/v1/dev/citizen-token",
            json={"subject": "demo-1", "full_name": "Lê Văn Cường", "personal_id": "079099000111"},
        )
        assert minted.status_code == 200, minted.text
        token = minted.json()["access_token"]
        me = await client.get(ME, headers=bearer(token))
        jwks = await client.get("/api/v1/dev/citizen-issuer/jwks.json")
    assert me.status_code == 200
    assert me.json() == {
        "issuer": "motcua-dev-citizen",
        "subject": "demo-1",
        "name": "Lê Văn Cường",
        "personal_id": "079099000111",
    }
    [key] = jwks.json()["keys"]
    assert (key["kty"], key["alg"]) == ("RSA", "RS256")
    assert "d" not in key


async def test_dev_token_and_dev_routes_do_not_exist_in_production(
    make_client: ClientFactory, dev_key_pem: bytes
) -> None:
    dev_settings = make_settings("postgresql+asyncpg://unused/unused")
    token, _ = await DevCitizenIssuer(dev_settings, private_key_pem=dev_key_pem).mint(
        "demo-1", "Lê Văn Cường"
    )
    async with make_client(env=Environment.production) as client:
        refused = await client.get(ME, headers=bearer(token))
        mint = await client.post(
            "/api/v1/dev/citizen-token", json={"subject": "x", "full_name": "X"}
        )
        jwks = await client.get("/api/v1/dev/citizen-issuer/jwks.json")
    assert refused.status_code == 401
    assert refused.json()["code"] == "invalid_token"
    assert mint.status_code == 404
    assert jwks.status_code == 404
    # the same token is good where the development issuer is registered
    async with make_client() as client:
        assert (await client.get(ME, headers=bearer(token))).status_code == 200


async def test_officer_and_citizen_tokens_are_not_interchangeable(
    make_client: ClientFactory, make_officer: OfficerFactory
) -> None:
    officer = await make_officer(("000.00.01.H99", Role.receptionist))
    async with make_client() as client:
        citizen_token = (
            await client.post(
                "/api/v1/dev/citizen-token", json={"subject": "demo-2", "full_name": "Phạm Thu"}
            )
        ).json()["access_token"]
        as_citizen = await client.get(ME, headers=officer.headers)
        as_officer = await client.get("/api/v1/auth/me", headers=bearer(citizen_token))
        anonymous = await client.get(ME)
    assert as_citizen.status_code == 403
    assert as_citizen.json()["code"] == "citizen_required"
    assert as_officer.status_code == 403
    assert as_officer.json()["code"] == "officer_required"
    assert anonymous.status_code == 401


async def test_dev_issuer_key_is_generated_once_and_kept(tmp_path: Any) -> None:
    settings = make_settings("postgresql+asyncpg://unused/unused", data_dir=tmp_path)
    first = DevCitizenIssuer(settings)
    token, _ = await first.mint("demo-3", "Đỗ Minh")
    key_file = tmp_path / "dev-issuer-key.pem"
    assert key_file.stat().st_mode & 0o777 == 0o600
    second = DevCitizenIssuer(settings)  # a restart reads the same key: old tokens stay valid
    assert (await second.public_jwk())["kid"] == (await first.public_jwk())["kid"]
    assert (await second.verifier().verify_claims(token))["sub"] == "demo-3"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"citizen_algorithms": "RS256,HS256"}, "asymmetric"),
        ({"citizen_algorithms": "none"}, "asymmetric"),
        ({"citizen_issuer": "motcua-dev-citizen", "citizen_jwks_url": "https://x/j"}, "differ"),
        ({"citizen_issuer": "https://id.example"}, "go together"),
        (
            {
                "env": Environment.production,
                "citizen_issuer": "https://id.example",
                "citizen_jwks_url": "http://id.example/jwks",
            },
            "https",
        ),
    ],
)
def test_unsafe_citizen_settings_are_refused(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_settings("postgresql+asyncpg://u@h/db", **overrides)


async def test_cached_keys_outlive_a_provider_outage(
    jwks_server: JwksServer, idp_keys: dict[str, SigningKey]
) -> None:
    now = [0.0]
    verifier = JwksVerifier(
        IDP_ISSUER,
        AUDIENCE,
        ("RS256",),
        HttpJwksSource(jwks_server.url),
        cache_seconds=3600,
        clock=lambda: now[0],
    )
    token = idp_keys["rsa"].sign(citizen_claims())
    assert (await verifier.verify_claims(token))["sub"] == "vneid-000123"
    jwks_server.status = 503
    now[0] = 4000.0  # cache stale, provider down: the keys we have still serve
    assert (await verifier.verify_claims(token))["sub"] == "vneid-000123"
    assert jwks_server.hits == 2
    now[0] = 4010.0  # and the provider is not asked again within the refetch interval
    assert (await verifier.verify_claims(token))["sub"] == "vneid-000123"
    assert jwks_server.hits == 2
