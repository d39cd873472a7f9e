"""Every error is application/problem+json with the right status; nothing internal leaks."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import (
    Conflict,
    DomainError,
    PayloadTooLarge,
    PreconditionFailed,
    TooManyRequests,
    UnsupportedMediaType,
)
from app.models.user import Role
from app.routing import TransactionalRoute, get_session
from tests.conftest import OfficerFactory

PROBLEM = "application/problem+json"


class Item(BaseModel):
    name: str
    count: int


@pytest.fixture
async def error_client(app: FastAPI) -> AsyncIterator[AsyncClient]:
    """The real app plus a few routes that raise on purpose (registered only in this test)."""
    from fastapi import APIRouter, Depends

    router = APIRouter(route_class=TransactionalRoute)

    @router.post("/_test/items")
    async def create_item(item: Item) -> Item:
        return item

    @router.get("/_test/boom")
    async def boom(session: AsyncSession = Depends(get_session)) -> None:
        await session.execute(text("SELECT 1"))
        raise RuntimeError("SELECT secret_column FROM users WHERE password_hash = 'x'")

    @router.get("/_test/sql-error")
    async def sql_error(session: AsyncSession = Depends(get_session)) -> None:
        await session.execute(text("SELECT * FROM no_such_table_xyz"))

    errors: dict[str, DomainError] = {
        "409": Conflict("Hồ sơ đã được cập nhật bởi người khác."),
        "412": PreconditionFailed(),
        "413": PayloadTooLarge(),
        "415": UnsupportedMediaType(),
        "429": TooManyRequests(retry_after=7),
    }

    @router.get("/_test/domain/{status}")
    async def domain(status: str) -> None:
        raise errors[status]

    app.include_router(router)
    async with AsyncClient(
        transport=ASGITransport(app=app, raise_app_exceptions=False), base_url="http://test"
    ) as client:
        yield client


def assert_problem(response: object, status: int, code: str) -> dict[str, object]:
    from httpx import Response

    assert isinstance(response, Response)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, object] = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"urn:motcua:problem:{code}"
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    return body


async def test_malformed_json_is_400(error_client: AsyncClient) -> None:
    response = await error_client.post(
        "/_test/items", content=b'{"name": "x", ', headers={"content-type": "application/json"}
    )
    assert_problem(response, 400, "malformed_json")


async def test_wrong_types_are_422_with_field_errors(error_client: AsyncClient) -> None:
    response = await error_client.post("/_test/items", json={"name": 5, "count": "ba-muoi-bay"})
    body = assert_problem(response, 422, "validation_failed")
    errors = body["errors"]
    assert isinstance(errors, list)
    by_field = {e["field"]: e for e in errors}
    assert set(by_field) == {"name", "count"}
    assert by_field["count"]["message"] == "Phải là số nguyên"
    assert by_field["name"]["location"] == "body"
    assert "ba-muoi-bay" not in response.text  # the input is not echoed


async def test_missing_field_is_422(error_client: AsyncClient) -> None:
    response = await error_client.post("/_test/items", json={"name": "x"})
    body = assert_problem(response, 422, "validation_failed")
    assert body["errors"] == [
        {
            "field": "count",
            "location": "body",
            "code": "missing",
            "message": "Thiếu trường bắt buộc",
        }
    ]


async def test_unknown_route_is_404(error_client: AsyncClient) -> None:
    assert_problem(await error_client.get("/api/v1/khong-co"), 404, "not_found")


async def test_wrong_method_is_405(error_client: AsyncClient) -> None:
    response = await error_client.delete("/health")
    assert_problem(response, 405, "method_not_allowed")
    assert "GET" in response.headers["allow"]


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PATCH", "/api/v1/dossiers", "GET, POST"),
        ("PATCH", "/api/v1/admin/calendar/2031-03-03", "DELETE, PUT"),
        ("DELETE", "/api/v1/admin/templates", "GET, POST"),
        ("POST", "/health", "GET"),
    ],
)
async def test_405_allows_every_method_of_the_path(
    error_client: AsyncClient, method: str, path: str, allow: str
) -> None:
    """Found by schemathesis (allow_header_conformance): a path served by two routes named only one."""
    response = await error_client.request(method, path)
    assert_problem(response, 405, "method_not_allowed")
    assert response.headers["allow"] == allow


@pytest.mark.parametrize("status", ["409", "412", "413", "415", "429"])
async def test_domain_errors_render_their_status(error_client: AsyncClient, status: str) -> None:
    codes = {
        "409": "conflict",
        "412": "precondition_failed",
        "413": "payload_too_large",
        "415": "unsupported_media_type",
        "429": "too_many_requests",
    }
    response = await error_client.get(f"/_test/domain/{status}")
    assert_problem(response, int(status), codes[status])
    if status == "429":
        assert response.headers["retry-after"] == "7"


@pytest.mark.parametrize("path", ["/_test/boom", "/_test/sql-error"])
async def test_internal_error_is_500_without_internals(
    error_client: AsyncClient, path: str
) -> None:
    response = await error_client.get(path)
    body = assert_problem(response, 500, "internal_error")
    assert body["request_id"] == response.headers["x-request-id"]
    lowered = response.text.lower()
    for leak in ("select", "traceback", "runtimeerror", "no_such_table", "password", "sqlalchemy"):
        assert leak not in lowered


async def test_forbidden_and_unauthorized_are_problems(
    error_client: AsyncClient, make_officer: OfficerFactory
) -> None:
    assert_problem(await error_client.get("/api/v1/auth/me"), 401, "unauthorized")
    clerk = await make_officer(("000.00.01.H99", Role.receptionist))
    response = await error_client.get(
        "/api/v1/admin/agencies/000.00.01.H99/users", headers=clerk.headers
    )
    # a clerk administers nothing: the administrators' own 403 code
    assert_problem(response, 403, "admin_required")


async def test_login_form_errors_are_422(error_client: AsyncClient) -> None:
    response = await error_client.post("/api/v1/auth/token", data={"username": "x"})
    body = assert_problem(response, 422, "validation_failed")
    assert body["errors"][0]["field"] == "password"  # type: ignore[index]
