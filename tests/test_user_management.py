"""User management (issue 11): administrators deactivate accounts, change roles, reset passwords and
revoke tokens within the agencies they administer; officers change their own password. Every change
refuses the tokens issued before it, so a removed role or a locked account stops at once."""

from __future__ import annotations

import pytest
from httpx import AsyncClient

from app.models.user import Role
from tests.conftest import OfficerFactory

AGENCY = "000.00.01.H99"
OTHER = "000.00.11.H99"


async def _login(client: AsyncClient, username: str, password: str) -> int:
    response = await client.post(
        "/api/v1/auth/token", data={"username": username, "password": password}
    )
    return response.status_code


async def test_deactivating_and_changing_roles_stop_old_tokens_at_once(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    admin = await make_officer((AGENCY, Role.admin))
    clerk = await make_officer((AGENCY, Role.receptionist), (AGENCY, Role.specialist))
    assert (await client.get("/api/v1/auth/me", headers=clerk.headers)).status_code == 200

    removed = await client.patch(
        f"/api/v1/admin/users/{clerk.username}",
        json={"roles": [{"agency": AGENCY, "role": "specialist"}]},
        headers=admin.headers,
    )
    assert removed.status_code == 200, removed.text
    assert removed.json()["roles"] == [{"agency": AGENCY, "role": "specialist"}]
    stale = await client.get("/api/v1/auth/me", headers=clerk.headers)
    assert stale.status_code == 401
    assert stale.json()["code"] == "token_revoked"
    assert await _login(client, clerk.username, clerk.password) == 200

    locked = await client.patch(
        f"/api/v1/admin/users/{clerk.username}", json={"active": False}, headers=admin.headers
    )
    assert locked.status_code == 200
    assert locked.json()["active"] is False
    assert await _login(client, clerk.username, clerk.password) == 401


async def test_administrators_manage_only_their_agencies_accounts(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    admin = await make_officer((AGENCY, Role.admin))
    elsewhere = await make_officer((OTHER, Role.specialist))
    clerk = await make_officer((AGENCY, Role.receptionist))
    for method, path, body in (
        ("PATCH", f"/api/v1/admin/users/{elsewhere.username}", {"active": False}),
        (
            "POST",
            f"/api/v1/admin/users/{elsewhere.username}/password",
            {"password": "x" * 4 + "Yz9!kq7w"},
        ),
        ("POST", f"/api/v1/admin/users/{elsewhere.username}/revoke", None),
        (
            "PATCH",
            f"/api/v1/admin/users/{clerk.username}",
            {"roles": [{"agency": OTHER, "role": "leader"}]},
        ),
    ):
        response = await client.request(method, path, json=body, headers=admin.headers)
        assert response.status_code == 403, (path, response.text)
        assert response.json()["code"] == "agency_not_administered"
    missing = await client.patch(
        "/api/v1/admin/users/nobody.here", json={"active": False}, headers=admin.headers
    )
    assert (missing.status_code, missing.json()["code"]) == (404, "user_not_found")
    not_admin = await client.post(
        f"/api/v1/admin/users/{elsewhere.username}/revoke", headers=clerk.headers
    )
    assert not_admin.status_code == 403
    assert (await client.get("/api/v1/auth/me", headers=elsewhere.headers)).status_code == 200


async def test_reset_and_revoke_refuse_earlier_tokens(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    admin = await make_officer((AGENCY, Role.admin))
    clerk = await make_officer((AGENCY, Role.receptionist))
    weak = await client.post(
        f"/api/v1/admin/users/{clerk.username}/password",
        json={"password": "password123"},
        headers=admin.headers,
    )
    assert (weak.status_code, weak.json()["code"]) == (422, "weak_password")
    reset = await client.post(
        f"/api/v1/admin/users/{clerk.username}/password",
        json={"password": "mot-mat-khau-moi-kho-doan"},
        headers=admin.headers,
    )
    assert reset.status_code == 204
    assert (await client.get("/api/v1/auth/me", headers=clerk.headers)).status_code == 401
    assert await _login(client, clerk.username, "mot-mat-khau-moi-kho-doan") == 200

    second = await make_officer((AGENCY, Role.receptionist))
    revoked = await client.post(
        f"/api/v1/admin/users/{second.username}/revoke", headers=admin.headers
    )
    assert revoked.status_code == 204
    assert (await client.get("/api/v1/auth/me", headers=second.headers)).status_code == 401


async def test_an_officer_changes_their_own_password(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    officer = await make_officer((AGENCY, Role.receptionist))
    wrong = await client.post(
        "/api/v1/auth/password",
        json={"current_password": "not-my-password", "new_password": "mot-mat-khau-moi-kho-doan"},
        headers=officer.headers,
    )
    assert (wrong.status_code, wrong.json()["code"]) == (422, "current_password_wrong")
    assert wrong.json()["errors"][0]["field"] == "current_password"
    changed = await client.post(
        "/api/v1/auth/password",
        json={"current_password": officer.password, "new_password": "mot-mat-khau-moi-kho-doan"},
        headers=officer.headers,
    )
    assert changed.status_code == 204
    assert (await client.get("/api/v1/auth/me", headers=officer.headers)).status_code == 401
    assert await _login(client, officer.username, officer.password) == 401
    assert await _login(client, officer.username, "mot-mat-khau-moi-kho-doan") == 200


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("          ", "weak_password"),  # whitespace only
        (" mat-khau-co-khoang-trang ", "weak_password"),  # padded
        ("password123", "weak_password"),  # a first guess
        ("Matkhau123", "weak_password"),  # a first guess, whatever the case
        ("aaaaaaaaaaaaaaa", "weak_password"),  # too few distinct characters
        ("short", "validation_failed"),  # too short
    ],
)
async def test_the_password_policy(
    client: AsyncClient, make_officer: OfficerFactory, password: str, code: str
) -> None:
    admin = await make_officer((AGENCY, Role.admin))
    response = await client.post(
        "/api/v1/admin/users",
        json={
            "username": "moi.canbo",
            "full_name": "Cán bộ mới",
            "password": password,
            "roles": [{"agency": AGENCY, "role": "receptionist"}],
        },
        headers=admin.headers,
    )
    assert (response.status_code, response.json()["code"]) == (422, code)
    with_username = await client.post(
        "/api/v1/admin/users",
        json={
            "username": "moi.canbo",
            "full_name": "Cán bộ mới",
            "password": "moi.canbo-2026!",
            "roles": [{"agency": AGENCY, "role": "receptionist"}],
        },
        headers=admin.headers,
    )
    assert (with_username.status_code, with_username.json()["code"]) == (422, "weak_password")
