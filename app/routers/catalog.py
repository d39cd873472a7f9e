"""Public catalog: units, agencies, fields, procedure search and procedure detail (no login)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Query, Request, Response
from starlette.types import Receive, Scope, Send

from app.errors import ProblemCode
from app.lean import LEAN_KEY, LeanRoute, cached_model_params
from app.models.base import INTEGER_MAX
from app.models.catalog import AgencyKind, UnitKind
from app.problems import REQUEST_TARGET, problem_responses
from app.routing import ReadSession, Router, read_connection
from app.schemas.catalog import (
    SEARCH_PAGE_MAX,
    SEARCH_PAGE_SIZE_MAX,
    AgencyRead,
    AgencyRow,
    AgencyRowPage,
    FieldRow,
    ProcedureDetail,
    ProcedureSummaryPage,
    SearchQuery,
    UnitRow,
    UnitRowPage,
    application_read,
    procedure_read,
)
from app.services.catalog import reads as catalog_service
from app.services.catalog import search as catalog_search
from app.services.catalog.reads import PageRequest
from app.services.catalog.search_cache import SearchCache

router = Router(prefix="/api/v1", tags=["catalog"])


def search_cache(app: Any) -> SearchCache:
    """This application's search cache (one per process), made on first use."""
    cache: SearchCache | None = getattr(app.state, "search_cache", None)
    if cache is None:
        cache = app.state.search_cache = SearchCache(app.state.settings.search_cache_entries)
    return cache


SEARCH_PATH = "/api/v1/procedures"
PAGE_MAX = SEARCH_PAGE_MAX
PAGE_SIZE_DEFAULT = 20
PAGE_SIZE_MAX = SEARCH_PAGE_SIZE_MAX


async def page_request(
    page: int = Query(1, ge=1, le=PAGE_MAX, description="Trang, bắt đầu từ 1"),
    page_size: int = Query(
        PAGE_SIZE_DEFAULT, ge=1, le=PAGE_SIZE_MAX, description="Số mục mỗi trang (tối đa 100)"
    ),
) -> catalog_service.PageRequest:
    return catalog_service.PageRequest(page=page, page_size=page_size)


@router.get(
    "/units",
    operation_id="list_units",
    summary="Danh sách đơn vị hành chính",
    response_model=UnitRowPage,
    responses=problem_responses(ProblemCode.validation_failed),
)
async def list_units(
    session: ReadSession,
    kind: UnitKind | None = None,
    parent: str | None = Query(None, description="Mã đơn vị cấp trên"),
    page: catalog_service.PageRequest = Depends(page_request),
) -> UnitRowPage:
    """Lists the administrative units (province, communes), paginated, optionally by parent or
    kind."""
    units, total = await catalog_service.list_units(session, page, kind=kind, parent=parent)
    items = [UnitRow.model_validate(u.content()) for u in units]
    return UnitRowPage(items=items, total=total, page=page.page, page_size=page.page_size)


@router.get(
    "/units/{code}",
    operation_id="get_unit",
    summary="Thông tin một đơn vị hành chính",
    response_model=UnitRow,
    responses=problem_responses(ProblemCode.unit_not_found),
)
async def get_unit(code: str, session: ReadSession) -> UnitRow:
    """One administrative unit by its code."""
    unit = await catalog_service.get_unit(session, code)
    return UnitRow.model_validate(unit.content())


@router.get(
    "/agencies",
    operation_id="list_agencies",
    summary="Danh sách cơ quan",
    response_model=AgencyRowPage,
    responses=problem_responses(ProblemCode.validation_failed),
)
async def list_agencies(
    session: ReadSession,
    kind: AgencyKind | None = None,
    parent: str | None = Query(None, description="Mã cơ quan cấp trên"),
    unit: str | None = Query(None, description="Mã đơn vị hành chính cơ quan phục vụ"),
    receives_dossiers: bool | None = Query(None, description="Chỉ nơi tiếp nhận hồ sơ"),
    page: catalog_service.PageRequest = Depends(page_request),
) -> AgencyRowPage:
    """Lists the agencies (departments, people's committees, one-stop desks), paginated, optionally
    filtered."""
    agencies, total = await catalog_service.list_agencies(
        session, page, kind=kind, parent=parent, unit=unit, receives_dossiers=receives_dossiers
    )
    items = [AgencyRow.model_validate(a.content()) for a in agencies]
    return AgencyRowPage(items=items, total=total, page=page.page, page_size=page.page_size)


@router.get(
    "/agencies/{code}",
    operation_id="get_agency",
    summary="Thông tin một cơ quan (kèm cơ quan kế thừa nếu đã bị thay thế)",
    response_model=AgencyRead,
    responses=problem_responses(ProblemCode.agency_not_found, ProblemCode.agency_succession_cycle),
)
async def get_agency(code: str, session: ReadSession) -> AgencyRead:
    """One agency by its code, with the agency that succeeded it when it was merged or replaced."""
    agency, successor = await catalog_service.agency_with_successor(session, code)
    return AgencyRead.model_validate({**agency.content(), "successor": successor})


@router.get(
    "/fields",
    operation_id="list_fields",
    summary="Danh sách lĩnh vực",
    response_model=list[FieldRow],
    responses=problem_responses(REQUEST_TARGET),
)
async def list_fields(session: ReadSession) -> list[FieldRow]:
    """Lists the fields (lĩnh vực) procedures are grouped by."""
    return [
        FieldRow.model_validate(f.content()) for f in await catalog_service.list_fields(session)
    ]


@router.get(
    "/procedures",
    operation_id="search_procedures",
    summary="Tìm kiếm thủ tục hành chính (không phân biệt hoa thường, có dấu hay không dấu)",
    response_model=ProcedureSummaryPage,
    responses=problem_responses(ProblemCode.validation_failed),
)
async def search_procedures(request: Request, query: Annotated[SearchQuery, Query()]) -> Response:
    """Searches the published procedures: the query matches names and codes ignoring case and
    Vietnamese accents; filters by agency, field and online level; paginated."""
    filters, page = _search_request(query)
    # single statements outside any transaction, on the pool of the public reads
    async with read_connection(request.app.state) as conn:
        body = await catalog_search.search_page(conn, filters, page, search_cache(request.app))
    # rendered once by the service (and cached as bytes): no second validation against the model
    return Response(body, media_type="application/json")


def _search_request(query: SearchQuery) -> tuple[catalog_search.ProcedureFilter, PageRequest]:
    filters = catalog_search.ProcedureFilter(
        q=query.q, agency=query.agency, field=query.field, online=query.online
    )
    return filters, PageRequest(page=query.page, page_size=query.page_size)


@router.get(
    "/procedures/{code}",
    operation_id="get_procedure",
    summary="Chi tiết thủ tục hành chính và các cơ quan áp dụng",
    response_model=ProcedureDetail,
    responses=problem_responses(ProblemCode.procedure_not_found, ProblemCode.validation_failed),
)
async def get_procedure(
    session: ReadSession,
    code: str,
    version: int | None = Query(
        None, ge=1, le=INTEGER_MAX, description="Phiên bản cũ (mặc định: hiện hành)"
    ),
) -> ProcedureDetail:
    """One published procedure: its requirements (documents), fees, durations, and the agencies that
    apply it with their receiving offices."""
    procedure, applications = await catalog_service.procedure_detail(
        session, code, version, datetime.now(UTC)
    )
    return ProcedureDetail.model_validate(
        {
            **procedure_read(procedure).model_dump(),
            "applications": [application_read(a) for a in applications],
        }
    )


def lean_request(scope: Scope) -> tuple[catalog_search.ProcedureFilter, PageRequest] | None:
    """The usual search (its own fields, each once, valid by ``SearchQuery``) as (filters, page),
    else ``None``: the documented route answers anything else (422 problem, 405 with ``Allow: GET``).
    """
    if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] != SEARCH_PATH:
        return None
    query = _search_query(scope)
    return _search_request(query) if query is not None else None


_search_query = cached_model_params(SearchQuery)


async def lean_search(scope: Scope, receive: Receive, send: Send) -> None:
    """Serves a request :func:`lean_request` accepted (it raises no domain error)."""
    filters, page = scope[LEAN_KEY]
    async with read_connection(scope["app"].state) as conn:
        body = await catalog_search.search_page(conn, filters, page, search_cache(scope["app"]))
    await Response(body, media_type="application/json")(scope, receive, send)


LEAN_ROUTE = LeanRoute(match=lean_request, serve=lean_search)
