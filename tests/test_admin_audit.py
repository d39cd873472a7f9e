"""The admin audit log: written with each administrative change, never a secret, append-only, read by
the province administrator with filters and keyset pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.user import Role
from tests.conftest import PROVINCE_ROOT, Officer, OfficerFactory

AGENCY = "000.31.00.H99"
PASSWORD = "mot-mat-khau-rat-kho-doan-42"
AUDIT = "/api/v1/admin/audit"


@pytest.fixture
async def province_admin(make_officer: OfficerFactory) -> Officer:
    return await make_officer((PROVINCE_ROOT, Role.admin))


async def _entries(client: AsyncClient, admin: Officer, **params: Any) -> dict[str, Any]:
    response = await client.get(AUDIT, params=params, headers=admin.headers)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body: dict[str, Any] = response.json()
    return body


async def test_user_management_is_audited_without_secrets(
    client: AsyncClient, make_officer: OfficerFactory, province_admin: Officer
) -> None:
    agency_admin = await make_officer((AGENCY, Role.admin))
    created = await client.post(
        "/api/v1/admin/users",
        json={
            "username": "Audit.Officer",
            "full_name": "Cán bộ nhật ký",
            "password": PASSWORD,
            "roles": [{"agency": AGENCY, "role": "receptionist"}],
        },
        headers=agency_admin.headers,
    )
    assert created.status_code == 201, created.text
    changes = [
        ("PATCH", "/api/v1/admin/users/audit.officer", {"active": False}),
        ("POST", "/api/v1/admin/users/audit.officer/password", {"password": PASSWORD + "x"}),
        ("POST", "/api/v1/admin/users/audit.officer/revoke", None),
    ]
    for method, url, body in changes:
        response = await client.request(method, url, json=body, headers=agency_admin.headers)
        assert response.status_code in (200, 204), response.text

    page = await _entries(client, province_admin, target_type="user", target_key="audit.officer")
    items = page["items"]
    assert [e["action"] for e in items] == [
        "user.revoke_tokens",
        "user.reset_password",
        "user.update",
        "user.create",
    ]
    assert {(e["actor_username"], e["actor_agency"]) for e in items} == {
        (agency_admin.username, AGENCY)
    }
    assert items[-1]["changes"] == {"roles": [{"agency": AGENCY, "role": "receptionist"}]}
    assert items[2]["changes"] == {"active": False, "tokens_revoked": True}
    assert PASSWORD not in str(page)
    assert "password" not in str([e["changes"] for e in items])


async def test_catalog_calendar_and_outbox_changes_are_audited(
    client: AsyncClient, province_admin: Officer
) -> None:
    headers = province_admin.headers
    field = await client.put(
        "/api/v1/admin/fields/NHATKY", json={"name": "Nhật ký"}, headers=headers
    )
    assert field.status_code == 200
    same = await client.put(
        "/api/v1/admin/fields/NHATKY", json={"name": "Nhật ký"}, headers=headers
    )
    assert same.status_code == 200  # unchanged: nothing to log
    day = await client.put(
        "/api/v1/admin/calendar/2026-12-31",
        json={"kind": "day_off", "reason": "Quyết định của UBND tỉnh"},
        headers=headers,
    )
    assert day.status_code == 201
    replay = await client.post(
        "/api/v1/admin/outbox/replay", json={"topic": "portal.sync"}, headers=headers
    )
    assert replay.status_code == 200

    items = (await _entries(client, province_admin, actor=province_admin.username))["items"]
    assert [(e["action"], e["target_type"], e["target_key"]) for e in items] == [
        ("outbox.replay", "outbox", "portal.sync"),
        ("calendar.set_override", "calendar_day", "2026-12-31"),
        ("field.put", "field", "NHATKY"),
    ]
    assert all(e["actor_agency"] == PROVINCE_ROOT for e in items)
    assert items[1]["changes"] == {
        "kind": "day_off",
        "reason": "Quyết định của UBND tỉnh",
        "created": True,
    }
    assert items[2]["changes"] == {"outcome": "created", "name": "Nhật ký"}


async def test_filters_and_keyset_pages(client: AsyncClient, province_admin: Officer) -> None:
    for index in range(5):
        response = await client.put(
            f"/api/v1/admin/fields/F{index}",
            json={"name": f"Lĩnh vực {index}"},
            headers=province_admin.headers,
        )
        assert response.status_code == 200
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"action": "field.put", "limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = await _entries(client, province_admin, **params)
        seen += [e["target_key"] for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ["F4", "F3", "F2", "F1", "F0"]
    now = datetime.now(UTC)
    later = await _entries(client, province_admin, since=(now + timedelta(hours=1)).isoformat())
    assert later["items"] == []
    earlier = await _entries(client, province_admin, until=(now - timedelta(hours=1)).isoformat())
    assert earlier["items"] == []
    assert (await _entries(client, province_admin, actor="nobody"))["items"] == []
    bad = await client.get(AUDIT, params={"cursor": "bm90LWFuLWlk"}, headers=province_admin.headers)
    assert bad.status_code == 400
    assert bad.json()["code"] == "invalid_cursor"
    unknown = await client.get(
        AUDIT, params={"action": "user.delete"}, headers=province_admin.headers
    )
    assert unknown.status_code == 422


async def test_only_the_province_administrator_reads_it(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    assert (await client.get(AUDIT)).status_code == 401
    agency_admin = await make_officer((AGENCY, Role.admin))
    refused = await client.get(AUDIT, headers=agency_admin.headers)
    assert refused.status_code == 403
    assert refused.json()["code"] == "province_admin_required"


async def test_a_refused_change_leaves_no_entry(
    client: AsyncClient, make_officer: OfficerFactory, province_admin: Officer
) -> None:
    agency_admin = await make_officer((AGENCY, Role.admin))
    refused = await client.post(
        "/api/v1/admin/users",
        json={
            "username": "outside.officer",
            "full_name": "Cán bộ",
            "password": PASSWORD,
            "roles": [{"agency": "000.32.00.H99", "role": "receptionist"}],
        },
        headers=agency_admin.headers,
    )
    assert refused.status_code == 403
    weak = await client.post(
        "/api/v1/admin/users",
        json={
            "username": "weak.officer",
            "full_name": "Cán bộ",
            "password": "1234567890",
            "roles": [{"agency": AGENCY, "role": "receptionist"}],
        },
        headers=agency_admin.headers,
    )
    assert weak.status_code == 422
    assert (await _entries(client, province_admin))["items"] == []


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE admin_audit_log SET actor_username = 'someone'",
        "DELETE FROM admin_audit_log",
        "TRUNCATE admin_audit_log",
    ],
)
async def test_the_database_refuses_to_change_or_remove_entries(
    client: AsyncClient, province_admin: Officer, session: AsyncSession, statement: str
) -> None:
    response = await client.put(
        "/api/v1/admin/fields/GHI", json={"name": "Ghi"}, headers=province_admin.headers
    )
    assert response.status_code == 200
    with pytest.raises(DBAPIError, match="append-only"):
        async with session.begin_nested():
            await session.execute(text(statement))
    assert len((await _entries(client, province_admin))["items"]) == 1
