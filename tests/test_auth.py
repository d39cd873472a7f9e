"""Officer authentication: login, throttling, token verification, roles at agencies."""

from __future__ import annotations

import base64
import json
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from jose import jwt
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.config import Settings
from app.models.throttle import ThrottleCounter
from app.models.user import Role
from tests.conftest import TEST_SECRET, Officer, OfficerFactory, build_app, make_settings

AGENCY = "000.00.01.H99"
OTHER_AGENCY = "000.00.11.H99"


def _claims(settings: Settings, officer: Officer, **overrides: object) -> dict[str, object]:
    now = int(time.time())
    claims: dict[str, object] = {
        "sub": str(officer.id),
        "roles": [{"agency": AGENCY, "role": "admin"}],
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + 600,
    }
    claims.update(overrides)
    return claims


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


async def _get_users(client: AsyncClient, token: str, agency: str = AGENCY) -> int:
    response = await client.get(
        f"/api/v1/admin/agencies/{agency}/users", headers={"Authorization": f"Bearer {token}"}
    )
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json"
    return response.status_code


async def test_login_issues_a_token_that_works(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    officer = await make_officer((AGENCY, Role.admin))
    response = await client.post(
        "/api/v1/auth/token", data={"username": officer.username, "password": officer.password}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    claims = jwt.get_unverified_claims(body["access_token"])
    assert claims["sub"] == str(officer.id)
    assert claims["roles"] == [{"agency": AGENCY, "role": "admin"}]
    assert {"iss", "aud", "iat", "exp"} <= set(claims)
    me = await client.get(
        "/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert me.status_code == 200
    assert me.json()["username"] == officer.username
    assert await _get_users(client, body["access_token"]) == 200


async def test_username_is_case_insensitive(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    officer = await make_officer((AGENCY, Role.receptionist))
    response = await client.post(
        "/api/v1/auth/token",
        data={"username": officer.username.upper(), "password": officer.password},
    )
    assert response.status_code == 200


async def test_wrong_password_and_unknown_user_look_the_same(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    officer = await make_officer((AGENCY, Role.receptionist))
    wrong = await client.post(
        "/api/v1/auth/token", data={"username": officer.username, "password": "sai-mat-khau-1"}
    )
    unknown = await client.post(
        "/api/v1/auth/token",
        data={"username": "khong-ton-tai-" + uuid.uuid4().hex, "password": "x"},
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["code"] == unknown.json()["code"] == "invalid_credentials"
    assert wrong.json()["detail"] == unknown.json()["detail"]


async def test_missing_token_is_401(client: AsyncClient) -> None:
    response = await client.get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["code"] == "unauthorized"


@pytest.mark.parametrize(
    "case",
    ["expired", "tampered", "wrong_audience", "wrong_issuer", "alg_none", "garbage", "no_exp"],
)
async def test_bad_tokens_are_rejected_with_401(
    case: str, client: AsyncClient, make_officer: OfficerFactory, settings: Settings
) -> None:
    officer = await make_officer((AGENCY, Role.admin))
    if case == "expired":
        token = jwt.encode(
            _claims(settings, officer, exp=int(time.time()) - 5), TEST_SECRET, algorithm="HS256"
        )
    elif case == "tampered":
        # a receptionist's token whose payload is rewritten to claim the admin role
        good = jwt.encode(
            _claims(settings, officer, roles=[{"agency": AGENCY, "role": "receptionist"}]),
            TEST_SECRET,
            algorithm="HS256",
        )
        header, _, signature = good.split(".")
        token = f"{header}.{_b64(_claims(settings, officer))}.{signature}"
    elif case == "wrong_audience":
        token = jwt.encode(_claims(settings, officer, aud="other"), TEST_SECRET, algorithm="HS256")
    elif case == "wrong_issuer":
        token = jwt.encode(
            _claims(settings, officer, iss="someone-else"), TEST_SECRET, algorithm="HS256"
        )
    elif case == "alg_none":
        token = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims(settings, officer))}."
    elif case == "no_exp":
        claims = _claims(settings, officer)
        del claims["exp"]
        token = jwt.encode(claims, TEST_SECRET, algorithm="HS256")
    else:
        token = "not-a-jwt"
    status = await _get_users(client, token)
    assert status == 401


async def test_token_signed_with_another_key_is_rejected(
    client: AsyncClient, make_officer: OfficerFactory, settings: Settings
) -> None:
    officer = await make_officer((AGENCY, Role.admin))
    token = jwt.encode(_claims(settings, officer), "another-secret-" * 4, algorithm="HS256")
    assert await _get_users(client, token) == 401


async def test_token_issued_before_tokens_valid_after_is_rejected(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    officer = await make_officer((AGENCY, Role.admin))
    assert await _get_users(client, officer.token) == 200
    revoke = await client.post("/api/v1/auth/revoke", headers=officer.headers)
    assert revoke.status_code == 204
    assert await _get_users(client, officer.token) == 401
    response = await client.get("/api/v1/auth/me", headers=officer.headers)
    assert response.json()["code"] == "token_revoked"


async def test_a_login_right_after_a_revocation_is_valid_at_once(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    """Revocation is exact to the millisecond (``iat_ms``): the new token of a login in the same
    second as the revocation works at once, and every older token stays refused."""
    officer = await make_officer((AGENCY, Role.admin))
    for _ in range(3):  # three revocations and logins, each within a few milliseconds
        revoke = await client.post("/api/v1/auth/revoke", headers=officer.headers)
        assert revoke.status_code == 204
        login = await client.post(
            "/api/v1/auth/token",
            data={"username": officer.username, "password": officer.password},
        )
        assert login.status_code == 200, login.text
        fresh = login.json()["access_token"]
        assert await _get_users(client, fresh) == 200
        assert await _get_users(client, officer.token) == 401
        officer = replace(officer, token=fresh)


async def test_a_token_whose_milliseconds_disagree_with_its_second_is_invalid(
    client: AsyncClient, make_officer: OfficerFactory, settings: Settings
) -> None:
    officer = await make_officer((AGENCY, Role.admin))
    now = int(time.time())
    claims = _claims(settings, officer, iat=now, iat_ms=now * 1000 + 5000)
    token = jwt.encode(claims, settings.secret_key.get_secret_value(), algorithm="HS256")
    assert await _get_users(client, token) == 401


async def test_inactive_user_token_is_rejected(
    client: AsyncClient,
    make_officer: OfficerFactory,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    from app.models.user import User

    officer = await make_officer((AGENCY, Role.admin))
    async with session_factory() as session:
        user = await session.get(User, officer.id)
        assert user is not None
        user.active = False
        await session.commit()
    assert await _get_users(client, officer.token) == 401


async def test_role_at_another_agency_is_403(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    officer = await make_officer((OTHER_AGENCY, Role.admin), (AGENCY, Role.receptionist))
    assert await _get_users(client, officer.token, OTHER_AGENCY) == 200
    assert await _get_users(client, officer.token, AGENCY) == 403


async def test_admin_creates_users_only_at_agencies_it_administers(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    admin = await make_officer((AGENCY, Role.admin))
    username = f"new-{uuid.uuid4().hex[:8]}"
    body = {
        "username": username,
        "full_name": "Nguyễn Văn Mới",
        "password": "mat-khau-rat-dai",
        "roles": [{"agency": AGENCY, "role": "specialist"}],
    }
    created = await client.post("/api/v1/admin/users", json=body, headers=admin.headers)
    assert created.status_code == 201, created.text
    assert created.json()["roles"] == [{"agency": AGENCY, "role": "specialist"}]
    again = await client.post("/api/v1/admin/users", json=body, headers=admin.headers)
    assert again.status_code == 409
    assert again.json()["code"] == "username_taken"
    elsewhere = dict(
        body, username=username + "x", roles=[{"agency": OTHER_AGENCY, "role": "leader"}]
    )
    refused = await client.post("/api/v1/admin/users", json=elsewhere, headers=admin.headers)
    assert refused.status_code == 403
    assert refused.json()["code"] == "agency_not_administered"
    short = dict(body, username=username + "y", password="ngan")
    weak = await client.post("/api/v1/admin/users", json=short, headers=admin.headers)
    assert weak.status_code == 422
    assert weak.json()["errors"][0]["field"] == "password"
    listed = await client.get(f"/api/v1/admin/agencies/{AGENCY}/users", headers=admin.headers)
    assert username in [u["username"] for u in listed.json()]
    login = await client.post(
        "/api/v1/auth/token", data={"username": username, "password": "mat-khau-rat-dai"}
    )
    assert login.status_code == 200


async def test_non_admin_cannot_create_users(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    clerk = await make_officer((AGENCY, Role.receptionist))
    response = await client.post(
        "/api/v1/admin/users",
        json={
            "username": "abc",
            "full_name": "X",
            "password": "mat-khau-rat-dai",
            "roles": [{"agency": AGENCY, "role": "admin"}],
        },
        headers=clerk.headers,
    )
    assert response.status_code == 403


async def test_failed_logins_are_throttled_per_username_and_client(
    client: AsyncClient, make_officer: OfficerFactory, settings: Settings, session: AsyncSession
) -> None:
    officer = await make_officer((AGENCY, Role.receptionist))
    for _ in range(settings.login_max_failures - 1):
        response = await client.post(
            "/api/v1/auth/token", data={"username": officer.username, "password": "sai-mat-khau"}
        )
        assert response.status_code == 401
    blocked = await client.post(
        "/api/v1/auth/token", data={"username": officer.username, "password": "sai-mat-khau"}
    )
    assert blocked.status_code == 429
    assert blocked.json()["code"] == "login_throttled"
    assert int(blocked.headers["retry-after"]) > 0
    # even the right password is refused while blocked
    right = await client.post(
        "/api/v1/auth/token", data={"username": officer.username, "password": officer.password}
    )
    assert right.status_code == 429
    # the state is in PostgreSQL, keyed by a hash: no username or address stored in clear (counted
    # in the request's own transaction, so read on the test's connection the requests joined)
    keys = (await session.execute(select(ThrottleCounter.key))).scalars().all()
    assert keys and all(officer.username not in k and "127.0.0.1" not in k for k in keys)


async def test_throttling_holds_across_processes(
    app: FastAPI, make_officer: OfficerFactory, settings: Settings, engine: AsyncEngine
) -> None:
    """Two app instances (as two API processes would be) share one throttle state."""
    officer = await make_officer((AGENCY, Role.receptionist))
    other = build_app(settings, engine, app.state.session_factory)
    clients = [
        AsyncClient(transport=ASGITransport(app=a), base_url="http://test") for a in (app, other)
    ]
    try:
        for i in range(settings.login_max_failures):
            await clients[i % 2].post(
                "/api/v1/auth/token", data={"username": officer.username, "password": "sai"}
            )
        for c in clients:
            response = await c.post(
                "/api/v1/auth/token",
                data={"username": officer.username, "password": officer.password},
            )
            assert response.status_code == 429
    finally:
        for c in clients:
            await c.aclose()


async def test_forwarded_for_is_trusted_only_behind_a_trusted_proxy(
    app: FastAPI, make_officer: OfficerFactory, settings: Settings, engine: AsyncEngine
) -> None:
    officer = await make_officer((AGENCY, Role.receptionist))
    password_form = {"username": officer.username, "password": "sai"}

    async def fail_from(client: AsyncClient, forwarded: str, times: int) -> int:
        status = 0
        for _ in range(times):
            r = await client.post(
                "/api/v1/auth/token", data=password_form, headers={"X-Forwarded-For": forwarded}
            )
            status = r.status_code
        return status

    # No trusted proxy: X-Forwarded-For is ignored, so changing it does not escape the block.
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as direct:
        assert await fail_from(direct, "198.51.100.1", settings.login_max_failures) == 429
        assert await fail_from(direct, "198.51.100.2", 1) == 429

    # Behind a trusted proxy (the ASGI test client's peer is 127.0.0.1), each client has its own count.
    proxied_settings = make_settings(
        settings.database_url.get_secret_value() if settings.database_url else "",
        trusted_proxies=["127.0.0.1/32"],
    )
    proxied = build_app(proxied_settings, engine, app.state.session_factory)
    officer2 = await make_officer((AGENCY, Role.receptionist))
    password_form["username"] = officer2.username
    async with AsyncClient(transport=ASGITransport(app=proxied), base_url="http://test") as client:
        assert await fail_from(client, "203.0.113.7", settings.login_max_failures) == 429
        assert await fail_from(client, "203.0.113.8", 1) == 401
        # a spoofed hop before a real client address does not help: the right-most untrusted counts
        assert await fail_from(client, "10.9.9.9, 203.0.113.7", 1) == 429


async def test_token_lifetime_follows_settings(
    make_officer: OfficerFactory, settings: Settings
) -> None:
    from app.services.identity.tokens import TokenService

    officer = await make_officer((AGENCY, Role.leader))
    token, expires_in = TokenService(settings).issue_officer_token(
        officer.id, officer.username, [(AGENCY, Role.leader)]
    )
    claims = jwt.get_unverified_claims(token)
    assert claims["exp"] - claims["iat"] == expires_in == settings.access_token_minutes * 60
    assert abs(claims["iat"] - datetime.now(UTC).timestamp()) < timedelta(minutes=1).total_seconds()
