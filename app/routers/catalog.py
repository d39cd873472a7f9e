"""Public catalog: units, agencies, fields, procedure search and procedure detail (no login)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import TransactionalRoute, get_session
from app.errors import problem_responses
from app.models.catalog import AgencyKind, UnitKind
from app.models.procedure import OnlineLevel
from app.schemas.catalog import (
    AgencyRead,
    AgencyRow,
    FieldRow,
    Page,
    ProcedureDetail,
    ProcedureSummary,
    UnitRow,
    application_read,
    procedure_read,
    procedure_summary,
)
from app.services import catalog as catalog_service
from app.services import catalog_search
from app.services.search_cache import SearchCache

router = APIRouter(prefix="/api/v1", tags=["catalog"], route_class=TransactionalRoute)


async def search_cache(request: Request) -> SearchCache:
    """This application's search cache (one per process), made on first use."""
    cache: SearchCache | None = getattr(request.app.state, "search_cache", None)
    if cache is None:
        cache = request.app.state.search_cache = SearchCache()
    return cache


async def page_request(
    page: int = Query(1, ge=1, le=100_000, description="Trang, bắt đầu từ 1"),
    page_size: int = Query(20, ge=1, le=100, description="Số mục mỗi trang (tối đa 100)"),
) -> catalog_service.PageRequest:
    return catalog_service.PageRequest(page=page, page_size=page_size)


@router.get(
    "/units",
    operation_id="list_units",
    summary="Danh sách đơn vị hành chính",
    response_model=Page[UnitRow],
    responses=problem_responses(422),
)
async def list_units(
    kind: UnitKind | None = None,
    parent: str | None = Query(None, description="Mã đơn vị cấp trên"),
    page: catalog_service.PageRequest = Depends(page_request),
    session: AsyncSession = Depends(get_session),
) -> Page[UnitRow]:
    units, total = await catalog_service.list_units(session, page, kind=kind, parent=parent)
    items = [UnitRow.model_validate(u.content()) for u in units]
    return Page(items=items, total=total, page=page.page, page_size=page.page_size)


@router.get(
    "/units/{code}",
    operation_id="get_unit",
    summary="Thông tin một đơn vị hành chính",
    response_model=UnitRow,
    responses=problem_responses(404),
)
async def get_unit(code: str, session: AsyncSession = Depends(get_session)) -> UnitRow:
    unit = await catalog_service.get_unit(session, code)
    return UnitRow.model_validate(unit.content())


@router.get(
    "/agencies",
    operation_id="list_agencies",
    summary="Danh sách cơ quan",
    response_model=Page[AgencyRow],
    responses=problem_responses(422),
)
async def list_agencies(
    kind: AgencyKind | None = None,
    parent: str | None = Query(None, description="Mã cơ quan cấp trên"),
    unit: str | None = Query(None, description="Mã đơn vị hành chính cơ quan phục vụ"),
    receives_dossiers: bool | None = Query(None, description="Chỉ nơi tiếp nhận hồ sơ"),
    page: catalog_service.PageRequest = Depends(page_request),
    session: AsyncSession = Depends(get_session),
) -> Page[AgencyRow]:
    agencies, total = await catalog_service.list_agencies(
        session, page, kind=kind, parent=parent, unit=unit, receives_dossiers=receives_dossiers
    )
    items = [AgencyRow.model_validate(a.content()) for a in agencies]
    return Page(items=items, total=total, page=page.page, page_size=page.page_size)


@router.get(
    "/agencies/{code}",
    operation_id="get_agency",
    summary="Thông tin một cơ quan (kèm cơ quan kế thừa nếu đã bị thay thế)",
    response_model=AgencyRead,
    responses=problem_responses(404),
)
async def get_agency(code: str, session: AsyncSession = Depends(get_session)) -> AgencyRead:
    agency, successor = await catalog_service.agency_with_successor(session, code)
    return AgencyRead.model_validate({**agency.content(), "successor": successor})


@router.get(
    "/fields",
    operation_id="list_fields",
    summary="Danh sách lĩnh vực",
    response_model=list[FieldRow],
)
async def list_fields(session: AsyncSession = Depends(get_session)) -> list[FieldRow]:
    return [
        FieldRow.model_validate(f.content()) for f in await catalog_service.list_fields(session)
    ]


@router.get(
    "/procedures",
    operation_id="search_procedures",
    summary="Tìm kiếm thủ tục hành chính (không phân biệt hoa thường, có dấu hay không dấu)",
    response_model=Page[ProcedureSummary],
    responses=problem_responses(422),
)
async def search_procedures(
    q: str | None = Query(
        None, max_length=200, description="Từ khóa, ví dụ `cap giay phep xay dung`"
    ),
    agency: str | None = Query(None, description="Chỉ thủ tục cơ quan này áp dụng"),
    field: str | None = Query(None, description="Mã lĩnh vực"),
    online: OnlineLevel | None = Query(None, description="Mức độ dịch vụ công trực tuyến"),
    page: catalog_service.PageRequest = Depends(page_request),
    session: AsyncSession = Depends(get_session),
    cache: SearchCache = Depends(search_cache),
) -> Page[ProcedureSummary]:
    filters = catalog_search.ProcedureFilter(q=q, agency=agency, field=field, online=online)
    procedures, total = await catalog_search.search_procedures(session, filters, page, cache)
    items = [procedure_summary(p) for p in procedures]
    return Page(items=items, total=total, page=page.page, page_size=page.page_size)


@router.get(
    "/procedures/{code}",
    operation_id="get_procedure",
    summary="Chi tiết thủ tục hành chính và các cơ quan áp dụng",
    response_model=ProcedureDetail,
    responses=problem_responses(404, 422),
)
async def get_procedure(
    code: str,
    version: int | None = Query(None, ge=1, description="Phiên bản cũ (mặc định: hiện hành)"),
    session: AsyncSession = Depends(get_session),
) -> ProcedureDetail:
    procedure, applications = await catalog_service.procedure_detail(
        session, code, version, datetime.now(UTC)
    )
    return ProcedureDetail.model_validate(
        {
            **procedure_read(procedure).model_dump(),
            "applications": [application_read(a) for a in applications],
        }
    )
