"""Statistics and the Decision 766 index (issue 17): summary, indicators, drill-down, exports.
Officers read their scope; the province administrator and the root agency's leaders everything."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Query, Request, Response

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
from app.services.stats.periods import narrow, parse_period, scope_of

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


async def _scope(
    request: Request, session: ReadSession, officer: OfficerPrincipal, agency: str | None
) -> set[str] | None:
    scope = await scope_of(session, officer, request.app.state.settings.province_root_agency)
    return await narrow(session, scope, agency)


def _file(
    format: StatsFormat,
    name: str,
    title: str,
    header: tuple[str, ...],
    rows: list[tuple[object, ...]],
) -> Response:
    body = (
        stats_exports.to_csv(header, rows)
        if format is StatsFormat.csv
        else stats_exports.to_xlsx(title, header, rows)
    )
    return Response(
        body,
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
    period = parse_period(query.period)
    agencies = await _scope(request, session, officer, query.agency)
    report = await stats_indicators.report(
        session,
        period,
        local_day(datetime.now(UTC)),
        agencies,
        query.unit,
        portal_configured=request.app.state.settings.portal_base_url is not None,
    )
    if query.format is not StatsFormat.json:
        return _file(
            query.format,
            f"chi-so-766-{period.label}",
            f"Bộ chỉ số 766 — kỳ {period.label}",
            stats_exports.INDICATOR_HEADER,
            stats_exports.indicator_rows(report),
        )
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
    return Response(body.model_dump_json(), media_type="application/json")


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
    period = parse_period(query.period)
    agencies = await _scope(request, session, officer, query.agency)
    judged_at = period.judged_at(local_day(datetime.now(UTC)))
    counts = await stats_indicators.counters(session, period, judged_at, agencies, query.unit)
    shown = {
        **{c: counts[c] for c in stats_summary.STATUS_COUNTERS},
        "received_online": counts["received_online"],
        "received_postal": counts["received_postal"],
        "open": counts["open_delta"],
        "open_late": counts["open_late_delta"],
    }
    by = {
        dim: await stats_summary.breakdown(session, period, judged_at, agencies, query.unit, dim)
        for dim in ("channel", "agency", "unit")
    }
    if query.format is not StatsFormat.json:
        rows: list[tuple[object, ...]] = [
            ("total", k, k, v, None, None, None, None) for k, v in shown.items()
        ]
        for dim, buckets in by.items():
            rows += stats_exports.bucket_rows(dim, buckets)
        return _file(
            query.format,
            f"thong-ke-{period.label}",
            f"Thống kê hồ sơ — kỳ {period.label}",
            stats_exports.BUCKET_HEADER,
            rows,
        )
    body = SummaryRead(
        period=period.label,
        start=period.start,
        end=period.end,
        judged_at=judged_at,
        counts=shown,
        by_channel=[BucketRead.model_validate(b, from_attributes=True) for b in by["channel"]],
        by_agency=[BucketRead.model_validate(b, from_attributes=True) for b in by["agency"]],
        by_unit=[BucketRead.model_validate(b, from_attributes=True) for b in by["unit"]],
    )
    return Response(body.model_dump_json(), media_type="application/json")


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
    period = parse_period(query.period)
    agencies = await _scope(request, session, officer, query.agency)
    judged_at = period.judged_at(local_day(datetime.now(UTC)))
    rows = await stats_drill.page(
        session,
        indicator,
        stats_drill.Part(query.part.value),
        period,
        judged_at,
        agencies,
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
