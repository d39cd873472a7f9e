"""Working calendar over HTTP: due-date preview, administrator overrides, access, bad input."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from httpx import ASGITransport, AsyncClient
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.config import Settings
from app.models.user import Role
from tests.conftest import build_app, make_settings

ADMIN = ("000.00.00.H99", Role.admin)
RECEPTIONIST = ("000.00.01.H99", Role.receptionist)


async def due(
    client: AsyncClient, start: str, amount: str = "1", unit: str = "working_days"
) -> Any:
    response = await client.get(
        "/api/v1/calendar/due-date", params={"start": start, "amount": amount, "unit": unit}
    )
    assert response.status_code == 200, response.text
    return response.json()


def assert_problem(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    if code is not None:
        assert body["code"] == code
    return body


# -- the acceptance cases ------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "due_local", "due_utc"),
    [
        # Friday before Tết 2026: 16-20 February are holidays, then a weekend.
        ("2026-02-13T16:00:00+07:00", "2026-02-23T16:00:00+07:00", "2026-02-23T09:00:00Z"),
        # Vietnam Culture Day, Tuesday 24 November 2026.
        ("2026-11-23T16:00:00+07:00", "2026-11-25T16:00:00+07:00", "2026-11-25T09:00:00Z"),
        # Saturday 22 August 2026 is worked in exchange for Monday 31 August.
        ("2026-08-21T16:00:00+07:00", "2026-08-22T16:00:00+07:00", "2026-08-22T09:00:00Z"),
    ],
)
async def test_due_date_acceptance_cases(
    client: AsyncClient, start: str, due_local: str, due_utc: str
) -> None:
    body = await due(client, start)
    assert body["due_at_local"] == due_local
    # every instant is answered in Vietnam's time (issue 14); the same instant as UTC's
    assert body["due_at"] == due_local
    assert datetime.fromisoformat(body["due_at"]) == datetime.fromisoformat(due_utc)
    assert body["start"] == start
    assert body["effective_start_local"] == start
    assert body["unit"] == "working_days"
    assert body["amount"] == "1"
    assert body["time_zone"] == "Asia/Ho_Chi_Minh"


async def test_due_date_explains_the_days_skipped(client: AsyncClient) -> None:
    tet = await due(client, "2026-02-13T16:00:00+07:00")
    assert [d["day"] for d in tet["non_working_days"]] == [f"2026-02-{d}" for d in range(16, 21)]
    assert tet["non_working_days"][1]["name"] == "Tết Nguyên Đán"
    assert {d["kind"] for d in tet["non_working_days"]} == {"public_holiday"}
    swap = await due(client, "2026-08-21T16:00:00+07:00")
    assert swap["weekend_working_days"] == [
        {
            "day": "2026-08-22",
            "kind": "compensatory_working_day",
            "name": "Ngày làm việc bù cho ngày nghỉ 31/08/2026",
        }
    ]


async def test_start_outside_office_hours_moves_to_the_next_opening(client: AsyncClient) -> None:
    body = await due(client, "2026-11-21T10:00:00+07:00", "4", "working_hours")  # a Saturday
    assert body["effective_start_local"] == "2026-11-23T07:30:00+07:00"
    assert body["effective_start"] == "2026-11-23T07:30:00+07:00"  # = 2026-11-23T00:30:00Z
    assert body["due_at_local"] == "2026-11-23T11:30:00+07:00"


async def test_start_defaults_to_now(client: AsyncClient) -> None:
    response = await client.get(
        "/api/v1/calendar/due-date", params={"amount": "0.5", "unit": "working_days"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["due_at"] > body["effective_start"] >= body["start"][:19]


# -- administrator overrides -----------------------------------------------------------------


async def test_an_administrator_override_changes_the_result(
    client: AsyncClient, make_officer: Any
) -> None:
    admin = await make_officer(ADMIN)
    before = await due(client, "2026-11-23T16:00:00+07:00")
    assert before["due_at_local"] == "2026-11-25T16:00:00+07:00"

    put = await client.put(
        "/api/v1/admin/calendar/2026-11-25",
        json={"kind": "day_off", "reason": "Nghỉ theo quyết định của UBND tỉnh (demo)"},
        headers=admin.headers,
    )
    assert put.status_code == 201, put.text
    assert put.json()["kind"] == "day_off"
    assert put.json()["created_by"] == str(admin.id)
    moved = await due(client, "2026-11-23T16:00:00+07:00")
    assert moved["due_at_local"] == "2026-11-26T16:00:00+07:00"
    assert moved["non_working_days"][-1] == {
        "day": "2026-11-25",
        "kind": "override_day_off",
        "name": "Nghỉ theo quyết định của UBND tỉnh (demo)",
    }

    replaced = await client.put(
        "/api/v1/admin/calendar/2026-11-25",
        json={"kind": "day_off", "reason": "Lý do mới"},
        headers=admin.headers,
    )
    assert replaced.status_code == 200
    assert replaced.json()["reason"] == "Lý do mới"

    deleted = await client.delete("/api/v1/admin/calendar/2026-11-25", headers=admin.headers)
    assert deleted.status_code == 204
    back = await due(client, "2026-11-23T16:00:00+07:00")
    assert back["due_at_local"] == "2026-11-25T16:00:00+07:00"


async def test_a_compensatory_working_day_override(client: AsyncClient, make_officer: Any) -> None:
    admin = await make_officer(ADMIN)
    # Friday 2026-11-27 16:00 + 1 working day is Monday 30; a worked Saturday 28 brings it forward.
    assert (await due(client, "2026-11-27T16:00:00+07:00"))["due_at_local"].startswith("2026-11-30")
    put = await client.put(
        "/api/v1/admin/calendar/2026-11-28",
        json={"kind": "working_day", "reason": "Làm bù theo quyết định của tỉnh (demo)"},
        headers=admin.headers,
    )
    assert put.status_code == 201, put.text
    body = await due(client, "2026-11-27T16:00:00+07:00")
    assert body["due_at_local"] == "2026-11-28T16:00:00+07:00"
    assert body["weekend_working_days"][0]["kind"] == "override_working_day"


async def test_year_listing(client: AsyncClient, make_officer: Any) -> None:
    admin = await make_officer(ADMIN)
    plain = await client.get("/api/v1/admin/calendar", params={"year": 2026}, headers=admin.headers)
    assert plain.status_code == 200, plain.text
    body = plain.json()
    holidays = {d["day"]: d["name"] for d in body["public_holidays"]}
    assert holidays["2026-11-24"] == "Ngày Văn hóa Việt Nam"
    assert holidays["2026-02-17"] == "Tết Nguyên Đán"
    assert [d["day"] for d in body["compensatory_working_days"]] == ["2026-08-22"]
    assert body["overrides"] == []
    await client.put(
        "/api/v1/admin/calendar/2026-12-31",
        json={"kind": "day_off", "reason": "Nghỉ cuối năm (demo)"},
        headers=admin.headers,
    )
    await client.put(
        "/api/v1/admin/calendar/2027-01-04",
        json={"kind": "day_off", "reason": "Năm sau (demo)"},
        headers=admin.headers,
    )
    after = (
        await client.get("/api/v1/admin/calendar", params={"year": 2026}, headers=admin.headers)
    ).json()
    assert [o["day"] for o in after["overrides"]] == ["2026-12-31"]
    assert after["working_day_count"] == body["working_day_count"] - 1


@pytest.mark.parametrize(
    ("day", "kind", "code", "fragment"),
    [
        ("2026-11-24", "day_off", "already_day_off", "Ngày Văn hóa Việt Nam"),
        ("2026-11-29", "day_off", "already_day_off", "cuối tuần"),
        ("2026-11-25", "working_day", "already_working_day", "vốn đã là ngày làm việc"),
        ("2026-08-22", "working_day", "already_working_day", "vốn đã là ngày làm việc"),
    ],
)
async def test_an_override_that_changes_nothing_is_refused(
    client: AsyncClient, make_officer: Any, day: str, kind: str, code: str, fragment: str
) -> None:
    admin = await make_officer(ADMIN)
    response = await client.put(
        f"/api/v1/admin/calendar/{day}", json={"kind": kind, "reason": "x"}, headers=admin.headers
    )
    body = assert_problem(response, 422, code)
    assert fragment in body["detail"]
    listing = await client.get(
        "/api/v1/admin/calendar", params={"year": int(day[:4])}, headers=admin.headers
    )
    assert listing.json()["overrides"] == []


async def test_deleting_a_missing_override_is_404(client: AsyncClient, make_officer: Any) -> None:
    admin = await make_officer(ADMIN)
    response = await client.delete("/api/v1/admin/calendar/2026-12-30", headers=admin.headers)
    body = assert_problem(response, 404, "calendar_override_not_found")
    assert "30/12/2026" in body["detail"]


# -- access ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "json"),
    [
        ("GET", "/api/v1/admin/calendar?year=2026", None),
        ("PUT", "/api/v1/admin/calendar/2026-12-31", {"kind": "day_off", "reason": "Nghỉ"}),
        ("DELETE", "/api/v1/admin/calendar/2026-12-31", None),
    ],
)
async def test_admin_calendar_is_for_administrators(
    client: AsyncClient, make_officer: Any, method: str, path: str, json: Any
) -> None:
    assert_problem(await client.request(method, path, json=json), 401)
    receptionist = await make_officer(RECEPTIONIST)
    forbidden = await client.request(method, path, json=json, headers=receptionist.headers)
    assert_problem(forbidden, 403, "province_admin_required")
    # the calendar is province-wide: an agency's administrator is refused too
    agency_admin = await make_officer(("000.31.00.H99", Role.admin))
    refused = await client.request(method, path, json=json, headers=agency_admin.headers)
    assert_problem(refused, 403, "province_admin_required")
    admin = await make_officer(ADMIN)
    listing = await client.get("/api/v1/admin/calendar?year=2026", headers=admin.headers)
    assert listing.json()["overrides"] == []


# -- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field", "code"),
    [
        (
            {"start": "2026-11-23T16:00:00", "amount": "1", "unit": "working_days"},
            "start",
            "timezone_aware",
        ),
        (
            {"start": "23/11/2026", "amount": "1", "unit": "working_days"},
            "start",
            "datetime_from_date_parsing",
        ),
        ({"amount": "0", "unit": "working_days"}, "amount", "greater_than"),
        ({"amount": "-1", "unit": "working_days"}, "amount", "greater_than"),
        ({"amount": "NaN", "unit": "working_days"}, "amount", "finite_number"),
        ({"amount": "abc", "unit": "working_days"}, "amount", "decimal_parsing"),
        ({"amount": "100000", "unit": "working_hours"}, "amount", "less_than_equal"),
        ({"amount": "1", "unit": "fortnights"}, "unit", "enum"),
        ({"amount": "1"}, "unit", "missing"),
        ({"unit": "working_days"}, "amount", "missing"),
    ],
)
async def test_bad_due_date_queries_are_422(
    client: AsyncClient, params: dict[str, str], field: str, code: str
) -> None:
    body = assert_problem(await client.get("/api/v1/calendar/due-date", params=params), 422)
    assert [(e["field"], e["code"]) for e in body["errors"]] == [(field, code)]


async def test_a_start_in_a_far_year_is_refused_not_a_500(client: AsyncClient) -> None:
    response = await client.get(
        "/api/v1/calendar/due-date",
        params={"start": "9999-12-31T16:00:00+07:00", "amount": "10", "unit": "working_days"},
    )
    assert_problem(response, 422, "year_out_of_range")


@pytest.mark.parametrize(
    ("path", "json", "status"),
    [
        ("/api/v1/admin/calendar/2026-13-01", {"kind": "day_off", "reason": "x"}, 422),
        ("/api/v1/admin/calendar/2026-12-31", {"kind": "holiday", "reason": "x"}, 422),
        ("/api/v1/admin/calendar/2026-12-31", {"kind": "day_off", "reason": "   "}, 422),
        ("/api/v1/admin/calendar/2026-12-31", {"kind": "day_off"}, 422),
        ("/api/v1/admin/calendar/2026-12-31", {"kind": "day_off", "reason": "x", "y": 1}, 422),
        ("/api/v1/admin/calendar/1850-12-31", {"kind": "day_off", "reason": "x"}, 422),
    ],
)
async def test_bad_override_requests_are_refused(
    client: AsyncClient, make_officer: Any, path: str, json: Any, status: int
) -> None:
    admin = await make_officer(ADMIN)
    assert_problem(await client.put(path, json=json, headers=admin.headers), status)
    listing = await client.get("/api/v1/admin/calendar?year=2026", headers=admin.headers)
    assert listing.json()["overrides"] == []


async def test_year_out_of_range_is_422(client: AsyncClient, make_officer: Any) -> None:
    admin = await make_officer(ADMIN)
    response = await client.get("/api/v1/admin/calendar?year=1800", headers=admin.headers)
    assert_problem(response, 422)


# -- settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["8-12", "07:30-11:30,11:00-17:00", "17:00-07:30", "", "07:30"])
def test_invalid_office_hours_refuse_to_start(text: str) -> None:
    with pytest.raises(ValidationError, match="MOTCUA_OFFICE_HOURS"):
        make_settings("postgresql+asyncpg://u@h/db", office_hours=text)


async def test_office_hours_come_from_the_settings(
    settings: Settings, engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    custom = make_settings(settings.database_url.get_secret_value(), office_hours="08:00-12:00")
    app = build_app(custom, engine, session_factory)
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        body = await due(client, "2026-11-23T13:00:00+07:00", "2", "working_hours")
    assert body["office_hours"] == "08:00-12:00"
    assert body["effective_start_local"] == "2026-11-25T08:00:00+07:00"
    assert body["due_at_local"] == "2026-11-25T10:00:00+07:00"
