"""Statistics and the Decision 766 index (issue 17): summary, indicators, drill-down, exports.
Officers read their scope; the province administrator and the root agency's leaders everything."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, TypeVar

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
    GridCellRead,
    GridDimension,
    GridQuery,
    GridRead,
    GridRowRead,
    GroupRead,
    IndicatorRead,
    IndicatorsRead,
    StatsFormat,
    StatsQuery,
    SummaryRead,
)
from app.security import OFFICER_PROBLEMS, get_officer
from app.services.identity.principals import OfficerPrincipal
from app.services.stats import answers as stats_answers
from app.services.stats import drill as stats_drill
from app.services.stats import exports as stats_exports
from app.services.stats import indicators as stats_indicators
from app.services.stats import summary as stats_summary
from app.services.stats.facts import local_day
from app.services.stats.periods import Period, narrow, parse_period, scope_of

T = TypeVar("T")

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

    @property
    def key(self) -> Hashable:
        """What the answer depends on besides the rollups (``stats.answers``)."""
        scope = None if self.agencies is None else frozenset(self.agencies)
        return (self.period.label, self.today, scope)


async def _remembered(
    request: Request,
    session: ReadSession,
    question: Hashable,
    compute: Callable[[], Awaitable[T]],
) -> T:
    answers: stats_answers.Answers = request.app.state.stats_answers
    return await answers.get(session, question, compute)


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


@dataclass(frozen=True)
class _Rendered:
    """An answer as sent: remembered whole (``stats.answers``), so a repeated question costs no
    model building or serialisation."""

    content: bytes
    media_type: str
    filename: str | None = None

    def response(self) -> Response:
        if self.filename is None:
            return Response(self.content, media_type=self.media_type)
        disposition = f'attachment; filename="{self.filename}"'
        return Response(
            self.content,
            media_type=self.media_type,
            headers={**NO_STORE, "Content-Disposition": disposition},
        )


def _render(
    format: StatsFormat,
    body: BaseModel,
    name: str,
    title: str,
    header: tuple[str, ...],
    rows: list[tuple[object, ...]],
) -> _Rendered:
    """The JSON body, or the same numbers as a CSV / XLSX attachment ``name.csv|xlsx``."""
    if format is StatsFormat.json:
        return _Rendered(body.model_dump_json().encode(), "application/json")
    content = (
        stats_exports.to_csv(header, rows)
        if format is StatsFormat.csv
        else stats_exports.to_xlsx(title, header, rows)
    )
    return _Rendered(content, _MEDIA[format], f"{name}.{format.value}")


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
    portal_configured = request.app.state.settings.portal_base_url is not None

    async def render() -> _Rendered:
        report = await stats_indicators.report(
            session,
            asked.period,
            asked.today,
            asked.agencies,
            query.unit,
            portal_configured=portal_configured,
        )
        return _render(
            query.format,
            _indicators_read(asked.period, report),
            f"chi-so-766-{asked.period.label}",
            f"Bộ chỉ số 766 — kỳ {asked.period.label}",
            stats_exports.INDICATOR_HEADER,
            stats_exports.indicator_rows(report),
        )

    question = ("indicators", asked.key, query.unit, portal_configured, query.format)
    return (await _remembered(request, session, question, render)).response()


def _indicators_read(period: Period, report: stats_indicators.IndicatorReport) -> IndicatorsRead:
    return IndicatorsRead(
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
    period = asked.period

    async def render() -> _Rendered:
        found = await stats_summary.summarize(
            session, period, asked.judged_at, asked.agencies, query.unit
        )
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
        return _render(
            query.format,
            body,
            f"thong-ke-{period.label}",
            f"Thống kê hồ sơ — kỳ {period.label}",
            stats_exports.BUCKET_HEADER,
            stats_exports.summary_rows(found),
        )

    question = ("summary", asked.key, query.unit, query.format)
    return (await _remembered(request, session, question, render)).response()


@router.get(
    "/grid",
    operation_id="stats_grid",
    summary="Bảng số hồ sơ theo tháng của kỳ và theo cơ quan (đơn vị, kênh, thủ tục)",
    response_model=GridRead,
    responses={**_EXPORT_CONTENT, **_PROBLEMS},
)
async def grid(
    request: Request,
    session: ReadSession,
    query: Annotated[GridQuery, Query()],
    officer: OfficerPrincipal = Depends(get_officer),
) -> Response:
    """The months of a period (a quarter or a year; a month gives one column) by agency, unit,
    channel or procedure over the caller's scope, in one answer: each cell the month's received,
    online, ended, on-time and late dossiers, judged at the month's end (today for the running
    month); also as CSV or XLSX (`format`)."""
    asked = await _asked(request, session, officer, query.period, query.agency)
    by: stats_summary.Dimension = query.by.value
    period = asked.period

    async def render() -> _Rendered:
        months, rows = await stats_summary.grid(
            session, period, asked.today, asked.agencies, query.unit, by
        )
        return _render(
            query.format,
            _grid_read(period, query.by, months, rows),
            f"bang-thang-{by}-{period.label}",
            f"Hồ sơ theo tháng — kỳ {period.label}",
            stats_exports.GRID_HEADER,
            stats_exports.grid_rows(by, months, rows),
        )

    question = ("grid", asked.key, query.unit, by, query.format)
    return (await _remembered(request, session, question, render)).response()


def _grid_read(
    period: Period,
    by: GridDimension,
    months: list[Period],
    rows: list[stats_summary.GridRow],
) -> GridRead:
    return GridRead(
        period=period.label,
        start=period.start,
        end=period.end,
        by=by,
        months=[m.label for m in months],
        rows=[
            GridRowRead(
                key=r.key,
                name=r.name,
                cells=[
                    GridCellRead(
                        month=m.label,
                        received=c.received,
                        received_online=c.received_online,
                        ended=c.ended,
                        ended_on_time=c.ended_on_time,
                        late=c.late,
                    )
                    for m, c in zip(months, r.cells, strict=True)
                ],
            )
            for r in rows
        ],
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
