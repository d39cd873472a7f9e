"""Statistics and the Decision 766 index (issue 17): summary, indicators, drill-down, exports.
Officers read their scope; the province administrator and the root agency's leaders everything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import Depends, Query, Request, Response
from pydantic import BaseModel

from app.errors import ProblemCode
from app.openapi_docs import file_content
from app.problems import problem_responses
from app.routing import NO_STORE, ReadSession, Router
from app.schemas.stats import (
    BucketRead,
    DrillPage,
    DrillQuery,
    DrillRowRead,
    GroupRead,
    IndicatorRead,
    IndicatorsRead,
    StatsFormat,
    StatsQuery,
    SummaryRead,
)
from app.security import OFFICER_PROBLEMS, get_officer
from app.services.identity.principals import OfficerPrincipal
from app.services.stats import drill as stats_drill
from app.services.stats import exports as stats_exports
from app.services.stats import indicators as stats_indicators
from app.services.stats import summary as stats_summary
from app.services.stats.facts import local_day
from app.services.stats.periods import Period, narrow, parse_period, scope_of

router = Router(prefix="/api/v1/stats", tags=["stats"], response_headers=NO_STORE)

_MEDIA = {
    StatsFormat.csv: "text/csv; charset=utf-8",
    StatsFormat.xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_PROBLEMS = problem_responses(
    OFFICER_PROBLEMS,
    ProblemCode.not_officer_here,
    ProblemCode.agency_not_found,
    ProblemCode.period_invalid,
    ProblemCode.validation_failed,
)
_EXPORT_CONTENT: dict[int | str, dict[str, Any]] = {
    200: {
        "content": file_content(*_MEDIA.values()),
        "description": "JSON, hoặc CSV / XLSX khi format=csv|xlsx",
    }
}


@dataclass(frozen=True)
class _Asked:
    """A statistics request resolved: its period, the caller's scope narrowed to the agency asked
    for, today and the day open dossiers are judged at (Vietnam dates)."""

    period: Period
    agencies: set[str] | None
    today: date
    judged_at: date


async def _asked(
    request: Request,
    session: ReadSession,
    officer: OfficerPrincipal,
    period: str,
    agency: str | None,
) -> _Asked:
    parsed = parse_period(period)
    scope = await scope_of(session, officer, request.app.state.settings.province_root_agency)
    today = local_day(datetime.now(UTC))
    return _Asked(parsed, await narrow(session, scope, agency), today, parsed.judged_at(today))


def _answer(
    format: StatsFormat,
    body: BaseModel,
    name: str,
    title: str,
    header: tuple[str, ...],
    rows: list[tuple[object, ...]],
) -> Response:
    """The JSON body, or the same numbers as a CSV / XLSX attachment ``name.csv|xlsx``."""
    if format is StatsFormat.json:
        return Response(body.model_dump_json(), media_type="application/json")
    content = (
        stats_exports.to_csv(header, rows)
        if format is StatsFormat.csv
        else stats_exports.to_xlsx(title, header, rows)
    )
    return Response(
        content,
        media_type=_MEDIA[format],
        headers={
            **NO_STORE,
            "Content-Disposition": f'attachment; filename="{name}.{format.value}"',
        },
    )


@router.get(
    "/indicators",
    operation_id="stats_indicators",
    summary="Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) của kỳ, theo phạm vi",
    response_model=IndicatorsRead,
    responses={**_EXPORT_CONTENT, **_PROBLEMS},
)
async def indicators(
    request: Request,
    session: ReadSession,
    query: Annotated[StatsQuery, Query()],
    officer: OfficerPrincipal = Depends(get_officer),
) -> Response:
    """The service indicators of Decision 766/QĐ-TTg for a period (month, quarter or year) over the
    caller's scope: each with its numerator, denominator and score; also as CSV or XLSX
    (`format`)."""
    asked = await _asked(request, session, officer, query.period, query.agency)
    report = await stats_indicators.report(
        session,
        asked.period,
        asked.today,
        asked.agencies,
        query.unit,
        portal_configured=request.app.state.settings.portal_base_url is not None,
    )
    period = asked.period
    body = IndicatorsRead(
        period=period.label,
        start=period.start,
        end=period.end,
        judged_at=report.judged_at,
        rule_set=report.rule_set,
        total=report.total,
        computable_maximum=report.computable_maximum,
        indicators=[
            IndicatorRead.model_validate(i, from_attributes=True) for i in report.indicators
        ],
        groups=[GroupRead.model_validate(g, from_attributes=True) for g in report.groups],
    )
    return _answer(
        query.format,
        body,
        f"chi-so-766-{period.label}",
        f"Bộ chỉ số 766 — kỳ {period.label}",
        stats_exports.INDICATOR_HEADER,
        stats_exports.indicator_rows(report),
    )


def _buckets(found: stats_summary.Summary, by: str) -> list[BucketRead]:
    return [BucketRead.model_validate(b, from_attributes=True) for b in found.by[by]]


@router.get(
    "/summary",
    operation_id="stats_summary",
    summary="Số hồ sơ của kỳ theo trạng thái, kênh, cơ quan và đơn vị hành chính",
    response_model=SummaryRead,
    responses={**_EXPORT_CONTENT, **_PROBLEMS},
)
async def summary(
    request: Request,
    session: ReadSession,
    query: Annotated[StatsQuery, Query()],
    officer: OfficerPrincipal = Depends(get_officer),
) -> Response:
    """Dossier counts of a period by status, channel, agency and administrative unit, over the
    caller's scope; also as CSV or XLSX (`format`)."""
    asked = await _asked(request, session, officer, query.period, query.agency)
    found = await stats_summary.summarize(
        session, asked.period, asked.judged_at, asked.agencies, query.unit
    )
    period = asked.period
    body = SummaryRead(
        period=period.label,
        start=period.start,
        end=period.end,
        judged_at=asked.judged_at,
        counts=found.counts,
        by_channel=_buckets(found, "channel"),
        by_agency=_buckets(found, "agency"),
        by_unit=_buckets(found, "unit"),
    )
    return _answer(
        query.format,
        body,
        f"thong-ke-{period.label}",
        f"Thống kê hồ sơ — kỳ {period.label}",
        stats_exports.BUCKET_HEADER,
        stats_exports.summary_rows(found),
    )


@router.get(
    "/indicators/{indicator}/dossiers",
    operation_id="stats_indicator_dossiers",
    summary="Các hồ sơ thuộc tử số hoặc mẫu số của một chỉ số (trang theo khóa)",
    response_model=DrillPage,
    responses=_PROBLEMS,
)
async def indicator_dossiers(
    request: Request,
    session: ReadSession,
    indicator: str,
    query: Annotated[DrillQuery, Query()],
    officer: OfficerPrincipal = Depends(get_officer),
) -> DrillPage:
    """The dossiers behind one indicator's numerator or denominator for a period (drill-down), in
    keyset pages."""
    asked = await _asked(request, session, officer, query.period, query.agency)
    rows = await stats_drill.page(
        session,
        indicator,
        stats_drill.Part(query.part.value),
        asked.period,
        asked.judged_at,
        asked.agencies,
        query.unit,
        query.after,
        query.limit + 1,
    )
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    return DrillPage(
        indicator=indicator,
        part=query.part,
        items=[DrillRowRead.model_validate(r, from_attributes=True) for r in rows],
        next_after=rows[-1].dossier_id if more and rows else None,
    )
