"""The lean search route: the same answers as the documented route, bad input still a 422 problem."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.routers.catalog import LEAN_ROUTE, lean_request
from app.schemas.catalog import Page, ProcedureSummary, procedure_summary
from app.services.catalog import reads as catalog_service
from app.services.catalog import search as catalog_search

pytestmark = pytest.mark.usefixtures("catalog")

QUERIES: list[dict[str, Any]] = [
    {"q": "dang ky"},
    {"q": "DANG KY KHAI SINH", "page_size": 2},
    {"q": "đăng k", "page": 2, "page_size": 3},
    {"q": "khai sinh", "agency": "000.32.00.H99"},
    {"q": "giay phep", "field": "XAYDUNG", "online": "partial"},
    {"page_size": 5},
    {"q": "dang ky", "page": 99},  # past the end: no items, the total still counted
    {"q": "***"},  # no searchable word
    {"q": "", "agency": ""},
]


def _scope(query: str, method: str = "GET", path: str = "/api/v1/procedures") -> dict[str, Any]:
    return {"type": "http", "method": method, "path": path, "query_string": query.encode()}


def test_the_usual_search_is_a_lean_route_and_anything_else_is_not(app: FastAPI) -> None:
    assert LEAN_ROUTE in app.lean_routes  # type: ignore[attr-defined]
    matched = lean_request(_scope("q=c%E1%BA%A5p+gi%E1%BA%A5y&online=full&page=2&page_size=5"))
    assert matched is not None
    filters, page = matched
    assert (filters.q, filters.online, page.page, page.page_size) == ("cấp giấy", "full", 2, 5)
    for other in (
        _scope("q=a&q=b"),  # repeated
        _scope("q=a&utm=x"),  # unknown
        _scope("page=0"),
        _scope("page_size=101"),
        _scope("online=somewhat"),
        _scope("q=" + "x" * 201),
        _scope("q=a", method="POST"),
        _scope("q=a", path="/api/v1/procedures/"),
    ):
        assert lean_request(other) is None, other


@pytest.mark.parametrize("params", QUERIES)
async def test_lean_and_documented_routes_answer_the_same(
    client: AsyncClient, app: FastAPI, params: dict[str, Any]
) -> None:
    lean = await client.get("/api/v1/procedures", params=params)
    # an unknown parameter is ignored by the documented route and sends the request there
    documented = await client.get("/api/v1/procedures", params={**params, "utm": "x"})
    assert lean.status_code == documented.status_code == 200
    assert lean.headers["content-type"] == documented.headers["content-type"]
    assert lean.json() == documented.json()
    Page[ProcedureSummary].model_validate(lean.json())  # the documented schema, field for field
    cache = app.state.search_cache
    assert (cache.hits, cache.misses) == (1, 1)  # the second request was the same search


async def test_rendered_page_equals_the_validated_schema(session: AsyncSession) -> None:
    driver = (await (await session.connection()).get_raw_connection()).driver_connection
    page = catalog_service.PageRequest(page=1, page_size=5)
    rows, total = await catalog_search.search_rows(
        driver, catalog_search.ProcedureFilter(q="dang ky"), page
    )
    assert len(rows) == 5 < total
    expected = Page[ProcedureSummary](
        items=[procedure_summary(SimpleNamespace(**dict(row))) for row in rows],
        total=total,
        page=1,
        page_size=5,
    )
    assert json.loads(catalog_search.render_page(rows, total, page)) == expected.model_dump(
        mode="json"
    )


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=%2B", "page"),
        ("page_size=101", "page_size"),
        ("online=bogus", "online"),
        ("q=" + "a" * 201, "q"),
        ("q=cap&page=1&page=x", "page"),  # repeated: the documented route decides
    ],
)
async def test_bad_input_is_a_problem_and_caches_nothing(
    client: AsyncClient, app: FastAPI, query: str, field: str
) -> None:
    response = await client.get(f"/api/v1/procedures?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == field
    assert len(getattr(app.state, "search_cache", ())) == 0


async def test_another_method_is_the_documented_405(client: AsyncClient) -> None:
    response = await client.post("/api/v1/procedures", params={"q": "dang ky"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    assert response.headers["content-type"] == "application/problem+json"
