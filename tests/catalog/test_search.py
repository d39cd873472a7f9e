"""Procedure search: accent- and case-insensitive Vietnamese, prefixes, ranking, filters, pages."""

from __future__ import annotations

from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from app.services.catalog import reads as catalog_service
from app.services.catalog import search as catalog_search

pytestmark = pytest.mark.usefixtures("catalog")


async def search(client: AsyncClient, **params: Any) -> dict[str, Any]:
    response = await client.get("/api/v1/procedures", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def codes(body: dict[str, Any]) -> list[str]:
    return [item["code"] for item in body["items"]]


async def test_without_accents_finds_accented_names(client: AsyncClient) -> None:
    body = await search(client, q="cap giay phep xay dung")
    assert set(codes(body)) == {"1.013225", "1.013236"}
    assert body["total"] == 2
    assert body["items"][0]["name"].startswith("Cấp giấy phép xây dựng")
    assert body["items"][0]["processing_time"] == {"amount": "20", "unit": "calendar_days"}


async def test_all_capitals_and_exact_name_first(client: AsyncClient) -> None:
    body = await search(client, q="DANG KY KHAI SINH")
    assert body["items"][0]["name"] == "Đăng ký khai sinh"
    # exact name, then the phrase prefix (after "Thủ tục"), then the long inter-agency procedure
    assert codes(body) == ["9.000001", "1.001193", "2.000986"]


async def test_wrong_case_and_mixed_accents(client: AsyncClient) -> None:
    body = await search(client, q="ĐăNg KÝ kẾT hÔN")
    assert codes(body) == ["1.000894"]
    body = await search(client, q="đăng ky ket hon")  # half the accents
    assert codes(body) == ["1.000894"]


async def test_partial_words_match_as_prefixes(client: AsyncClient) -> None:
    assert codes(await search(client, q="dang ky tam tr")) == ["1.004194"]
    assert codes(await search(client, q="Đăng k thườn")) == ["1.004222", "2.000986"]
    assert set(codes(await search(client, q="giay phep lai"))) == {"3.000347", "3.000348"}


async def test_ranking_prefers_phrase_prefix_then_shorter_name(client: AsyncClient) -> None:
    # both contain the words; neither starts with them: the shorter name ranks first
    assert codes(await search(client, q="giay phep lai xe")) == ["3.000347", "3.000348"]
    # "cấp giấy phép" starts three names; the shortest of them comes first
    body = await search(client, q="cap giay phep")
    assert codes(body)[0] == "1.010727"
    assert "3.000348" not in codes(body)[:3]  # "Cấp lại giấy phép" is not the phrase


async def test_code_search(client: AsyncClient) -> None:
    assert codes(await search(client, q="1.001193"))[0] == "1.001193"


async def test_filters_combine_with_the_query(client: AsyncClient) -> None:
    assert set(codes(await search(client, q="cap giay phep", field="XAYDUNG"))) == {
        "1.013225",
        "1.013236",
    }
    body = await search(client, q="dang ky", online="full", field="CUTRU")
    assert set(codes(body)) == {"1.004222", "1.004194"}
    body = await search(client, agency="000.31.00.H99")
    assert set(codes(body)) == {"1.001193", "1.000894", "2.000986"}
    body = await search(client, q="khai sinh", agency="000.32.00.H99")
    assert codes(body) == ["1.001193"]
    body = await search(client, q="khai sinh", agency="000.32.00.H99", online="partial")
    assert body == {"items": [], "total": 0, "page": 1, "page_size": 20}


async def test_pagination_is_complete_and_stable(client: AsyncClient) -> None:
    full = await search(client, q="dang ky", page_size=100)
    assert full["total"] == 7
    seen: list[str] = []
    for page in (1, 2, 3, 4):
        body = await search(client, q="dang ky", page=page, page_size=2)
        assert body["total"] == 7
        assert (body["page"], body["page_size"]) == (page, 2)
        seen += codes(body)
    assert seen == codes(full)
    beyond = await search(client, q="dang ky", page=5, page_size=2)
    assert (beyond["items"], beyond["total"]) == ([], 7)


async def test_no_query_lists_everything_current(client: AsyncClient) -> None:
    body = await search(client, page_size=100)
    assert body["total"] == 12


async def test_query_without_words_and_hostile_input(client: AsyncClient) -> None:
    assert (await search(client, q="!!! ???"))["total"] == 0
    assert (await search(client, q="khai sinh' & !( :* |"))["total"] == 3
    response = await client.get("/api/v1/procedures", params={"page_size": 101})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "page_size"


async def test_search_uses_the_gin_index(session: AsyncSession) -> None:
    """On a catalog of realistic size the plan reads the GIN index, not every row."""
    await session.execute(
        text(
            "INSERT INTO procedures (code, version, state, is_current, name, name_folded,"
            " field_code, processing_time_amount, processing_time_unit, fees, fees_due,"
            " documents, online_level, levels, legal_basis, sources, verified)"
            " SELECT 'G.' || n, 1, 'published', true, 'Thủ tục số ' || n, 'thu tuc so ' || n,"
            " 'HOTICH', 1, 'working_days', '[]', 'on_submission', '[]', 'none', '[]', '[]',"
            " '[]', false FROM generate_series(1, 5000) AS n"
        )
    )
    await session.execute(text("ANALYZE procedures"))
    query = catalog_search.procedure_search_query(
        catalog_search.ProcedureFilter(q="cap giay phep xay dung"), catalog_service.PageRequest()
    )
    assert query is not None
    compiled = query.bound().compile(
        dialect=postgresql.dialect(),  # type: ignore[no-untyped-call]
        compile_kwargs={"literal_binds": True},
    )
    plan = "\n".join(row[0] for row in await session.execute(text(f"EXPLAIN {compiled}")))
    assert "ix_procedures_search_vector" in plan, plan
