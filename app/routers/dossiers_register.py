"""The dossier register of a one-stop desk (form 06): a JSON page, or the whole period streamed as CSV,
XLSX or a printable page. Officers of the desk only."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import select
from starlette.datastructures import State

from app.callers import Audience, callers
from app.errors import Forbidden, NotFound, ProblemCode, TooManyRequests, ValidationFailed
from app.models.catalog import Agency
from app.models.user import Role
from app.openapi_docs import file_content
from app.problems import problem_responses
from app.routers.dossiers import PRINTABLE_PAGE_HEADERS
from app.routing import NO_STORE, ReadSession, Router, export_connection
from app.schemas.registers import (
    MAX_PERIOD_DAYS,
    RegisterFormat,
    RegisterPage,
    RegisterQuery,
    RegisterRowRead,
)
from app.security import OFFICER_PROBLEMS, get_officer
from app.services.dossiers import register as register_service
from app.services.identity import scopes
from app.services.identity.principals import OfficerPrincipal

router = Router(prefix="/api/v1/registers", tags=["dossiers"], response_headers=NO_STORE)

_MEDIA = {
    RegisterFormat.csv: "text/csv; charset=utf-8",
    RegisterFormat.xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    RegisterFormat.html: "text/html; charset=utf-8",
}


def _slots(state: State) -> asyncio.Semaphore:
    slots: asyncio.Semaphore | None = getattr(state, "export_slots", None)
    if slots is None:
        slots = asyncio.Semaphore(state.settings.exports_max_concurrent)
        state.export_slots = slots
    return slots


@router.get(
    "/{office_code}",
    operation_id="dossier_register",
    summary="Sổ theo dõi hồ sơ của bộ phận một cửa (mẫu 06): JSON, CSV, XLSX hoặc bản in",
    description=(
        "The desk's register of dossiers (form 06 of Circular 01/2018/TT-VPCP) for a period of "
        "reception: one keyset page as JSON, or the whole period as CSV, XLSX or a printable HTML "
        "page (`format`)."
    ),
    response_model=RegisterPage,
    responses={
        200: {
            "content": file_content(*_MEDIA.values()),
            "description": "Một trang (json) hoặc cả kỳ (csv, xlsx, html)",
        },
        **problem_responses(
            OFFICER_PROBLEMS,
            ProblemCode.not_officer_here,
            ProblemCode.agency_not_found,
            ProblemCode.invalid_cursor,
            ProblemCode.validation_failed,
            ProblemCode.period_invalid,
            ProblemCode.exports_busy,
        ),
    },
)
@callers(Audience.desk)
async def dossier_register(
    request: Request,
    session: ReadSession,
    office_code: str,
    query: Annotated[RegisterQuery, Query()],
    officer: OfficerPrincipal = Depends(get_officer),
) -> Response:
    office = await session.scalar(select(Agency).where(Agency.code == office_code))
    if office is None:
        raise NotFound("Không tìm thấy cơ quan.", code=ProblemCode.agency_not_found)
    if not officer.has_role(office_code, *Role) and not await scopes.administers(
        session, officer, office_code, request.app.state.settings.province_root_agency
    ):
        raise Forbidden(
            "Chỉ cán bộ của bộ phận một cửa này được xem sổ theo dõi hồ sơ.",
            code=ProblemCode.not_officer_here,
        )
    span = (query.received_to - query.received_from).days
    if not 0 <= span < MAX_PERIOD_DAYS:
        raise ValidationFailed(
            f"Kỳ phải từ 1 đến {MAX_PERIOD_DAYS} ngày; ngày kết thúc không trước ngày bắt đầu.",
            code=ProblemCode.period_invalid,
            errors=[
                {
                    "field": "received_to",
                    "location": "query",
                    "code": "invalid",
                    "message": f"Kỳ từ 1 đến {MAX_PERIOD_DAYS} ngày",
                }
            ],
        )
    register = register_service.RegisterFilter(
        office_code=office_code,
        start=query.received_from,
        end=query.received_to,
        procedure_code=query.procedure_code,
        channel=query.channel,
        status=query.status,
    )
    if query.format is RegisterFormat.json:
        return await _page(request.app.state, office, register, query)
    slots = _slots(request.app.state)
    if slots.locked():
        raise TooManyRequests(
            "Đang có quá nhiều bản xuất sổ theo dõi; vui lòng thử lại sau.",
            code=ProblemCode.exports_busy,
            retry_after=30,
        )
    subtitle = register_service.subtitle(office.name, register)
    filename = f"so-theo-doi-{office_code}-{query.received_from:%Y%m%d}-{query.received_to:%Y%m%d}"
    headers = dict(PRINTABLE_PAGE_HEADERS if query.format is RegisterFormat.html else NO_STORE)
    if query.format is not RegisterFormat.html:
        headers["Content-Disposition"] = f'attachment; filename="{filename}.{query.format.value}"'
    return StreamingResponse(
        _stream(request.app.state, slots, register, query.format, subtitle),
        media_type=_MEDIA[query.format],
        headers=headers,
    )


async def _page(
    state: State, office: Agency, register: register_service.RegisterFilter, query: RegisterQuery
) -> Response:
    after: tuple[datetime, int] | None = (
        register_service.decode_cursor(query.cursor) if query.cursor else None
    )
    async with export_connection(state) as conn:
        rows = await register_service.page(conn, register, after, query.limit + 1)
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    body = RegisterPage(
        title=register_service.TITLE,
        office_code=office.code,
        office_name=office.name,
        received_from=register.start,
        received_to=register.end,
        items=[
            RegisterRowRead(
                code=row.code,
                procedure_code=row.procedure_code,
                procedure_name=row.procedure_name,
                sets=row.sets,
                applicant_name=row.applicant_name,
                applicant_address=row.applicant_address,
                applicant_phone=row.applicant_phone,
                competent_agency=row.competent_agency,
                channel=row.channel,
                status=row.status,
                received_at=row.received_at,
                due_at=row.due_at,
                promised_due_at=row.promised_due_at,
                forwarded_at=row.forwarded_at,
                result_at=row.result_at,
                finished_at=row.finished_at,
                returned_at=row.returned_at,
                note=row.note,
            )
            for row in rows
        ],
        next_cursor=register_service.encode_cursor(rows[-1]) if more else None,
    )
    return Response(body.model_dump_json(), media_type="application/json", headers=dict(NO_STORE))


async def _stream(
    state: State,
    slots: asyncio.Semaphore,
    register: register_service.RegisterFilter,
    format: RegisterFormat,
    subtitle: str,
) -> AsyncIterator[bytes]:
    async with slots, export_connection(state) as conn:
        chunks = register_service.rows(conn, register)
        if format is RegisterFormat.csv:
            stream = register_service.csv_stream(chunks)
        elif format is RegisterFormat.xlsx:
            stream = register_service.xlsx_stream(chunks, f"{register_service.TITLE} — {subtitle}")
        else:
            stream = register_service.html_stream(chunks, register_service.TITLE, subtitle)
        async for block in stream:
            yield block
