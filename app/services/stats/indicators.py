"""The Decision 766/QĐ-TTg indicators our data can compute, each with numerator, denominator, ratio,
score and maximum, read from the rollups (never a scan of the dossier table). Formulas: reference
``vn-regulations.md`` section 4.3, tagged [S] (sourced) or [U] (our reading).

Not computable from a one-stop system's own data (``computable: false``, no score): 1.1-1.3
(publication decisions), 3.5 (fee data synced to the national database), 4.2b (electronic
certification), 4.4 (the national document store), 4.5a (procedures connected to the population
database), 5.2-5.3 (the feedback module). Group scores say "x of the computable maximum".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.procedure import CatalogState, OnlineLevel, Procedure, ProcedureApplication
from app.services.stats import sums as stats_sums
from app.services.stats.periods import Period
from app.services.stats.rules import INDICATOR_MAXIMA, StatsRuleSet, in_force

SECONDS_PER_DAY = 86400


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    group: str
    formula: str
    computable: bool
    numerator: float | None = None
    denominator: float | None = None
    ratio: float | None = None
    score: float | None = None
    maximum: float = 0
    note: str | None = None


@dataclass(frozen=True)
class GroupScore:
    group: str
    weight: float
    score: float
    computable_maximum: float


@dataclass(frozen=True)
class IndicatorReport:
    period: Period
    judged_at: date
    rule_set: str
    indicators: list[Indicator]
    groups: list[GroupScore]
    total: float
    computable_maximum: float
    counters: dict[str, int] = field(default_factory=dict)


async def counters(
    session: AsyncSession,
    period: Period,
    judged_at: date,
    agencies: set[str] | None,
    unit: str | None,
) -> dict[str, int]:
    """The period's summed counters; ``open_delta``/``open_late_delta`` hold the dossiers open (and
    open past their due day) at the end of ``judged_at``. Closed, frozen months come from their
    snapshots, the rest from the daily rows after the last frozen month (``sums``)."""
    return await stats_sums.totals(session, period.start, judged_at, agencies, unit)


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def _threshold(ratio: float | None, maximum: float, full_at: float) -> float | None:
    """Full points at ``full_at`` or more, else ``ratio × maximum / full_at`` (reference 4.3 [S])."""
    if ratio is None:
        return None
    return maximum if ratio >= full_at else ratio * maximum / full_at


def _linear(ratio: float | None, maximum: float) -> float | None:
    return None if ratio is None else ratio * maximum


async def _online_procedures(
    session: AsyncSession, agencies: set[str] | None
) -> tuple[set[int], int, int]:
    """(ids of online procedures, online procedures, procedures) applied by the agencies in scope."""
    query = (
        select(Procedure.id, Procedure.online_level)
        .join(ProcedureApplication, ProcedureApplication.procedure_code == Procedure.code)
        .where(Procedure.is_current, ProcedureApplication.state == CatalogState.published)
        .distinct()
    )
    if agencies is not None:
        query = query.where(ProcedureApplication.agency_code.in_(sorted(agencies)))
    rows = (await session.execute(query)).all()
    online = {pid for pid, level in rows if level in (OnlineLevel.full, OnlineLevel.partial)}
    return online, len(online), len({pid for pid, _ in rows})


async def _procedures_with_online_dossiers(
    session: AsyncSession,
    period: Period,
    judged_at: date,
    agencies: set[str] | None,
    unit: str | None,
) -> set[int]:
    rows = await stats_sums.sums(
        session, period.start, judged_at, agencies, unit, by=("procedure_id",)
    )
    return {int(r.procedure_id) for r in rows if r.received_online > 0}


def _not_computable(code: str, name: str, rules: StatsRuleSet, why: str) -> Indicator:
    return Indicator(
        code, name, rules.groups[code], why, computable=False, maximum=INDICATOR_MAXIMA[code]
    )


async def report(
    session: AsyncSession,
    period: Period,
    today: date,
    agencies: set[str] | None,
    unit: str | None,
    *,
    portal_configured: bool,
) -> IndicatorReport:
    """Every indicator of the period for the scope, scored by the rule set in force on its first day."""
    rules = in_force(period.start)
    judged_at = period.judged_at(today)
    c = await counters(session, period, judged_at, agencies, unit)
    m = INDICATOR_MAXIMA
    items: list[Indicator] = []

    def add(
        code: str,
        name: str,
        formula: str,
        num: float,
        den: float,
        score: float | None,
        note: str | None = None,
    ) -> None:
        items.append(
            Indicator(
                code,
                name,
                rules.groups[code],
                formula,
                True,
                num,
                den,
                _ratio(num, den),
                score,
                m[code],
                note,
            )
        )

    items += [
        _not_computable("1.1", "TTHC công bố đúng hạn", rules, "Cần quyết định công bố TTHC."),
        _not_computable("1.2", "TTHC công khai đúng hạn", rules, "Cần dữ liệu công khai TTHC."),
        _not_computable("1.3", "TTHC công khai đầy đủ", rules, "Cần dữ liệu công khai TTHC."),
    ]
    # 1.4 [S]: synced dossiers received in the period / dossiers received in the period; [U] our own
    # count is the denominator (the national reporting system's count is not ours to read)
    if portal_configured:
        sync = _ratio(c["synced"], c["received"])
        add(
            "1.4",
            "Hồ sơ đồng bộ lên Cổng DVCQG",
            "synced / received × 6 [S][U]",
            c["synced"],
            c["received"],
            _linear(sync, m["1.4"]),
        )
    else:
        sync = None
        items.append(
            _not_computable(
                "1.4", "Hồ sơ đồng bộ lên Cổng DVCQG", rules, "Chưa cấu hình Cổng DVCQG."
            )
        )

    # 2.1 [S]: (ended on time + open and not past due at the period's end) / (ended + open) × 20
    on_time = c["ended_on_time"] + c["open_delta"] - c["open_late_delta"]
    handled = c["ended"] + c["open_delta"]
    add(
        "2.1",
        "Hồ sơ xử lý trước hạn, đúng hạn",
        "(ended_on_time + open_not_late) / (ended + open) × 20 [S]",
        on_time,
        handled,
        _linear(_ratio(on_time, handled), m["2.1"]),
        f"ended_early={c['ended_early']}",
    )
    # 2.2 [S]: average processing time (receipt to end, supplement time subtracted), in days; no score
    add(
        "2.2",
        "Thời gian giải quyết trung bình (ngày)",
        "Σ processing days / ended [S]",
        c["processing_seconds"] / SECONDS_PER_DAY,
        c["ended"],
        None,
    )

    # 3.1 [S]: procedures offering online service / procedures; full at 80 %
    online_ids, online_count, all_count = await _online_procedures(session, agencies)
    add(
        "3.1",
        "TTHC cung cấp DVC trực tuyến",
        "online procedures / procedures; full ≥ 80 % [S]",
        online_count,
        all_count,
        _threshold(_ratio(online_count, all_count), m["3.1"], 0.8),
    )
    # 3.2 [S] (Thanh Hóa self-score): online procedures with online dossiers / online procedures × 4
    used = len(
        online_ids
        & await _procedures_with_online_dossiers(session, period, judged_at, agencies, unit)
    )
    add(
        "3.2",
        "TTHC trực tuyến có phát sinh hồ sơ",
        "online procedures with online dossiers / online procedures × 4 [S]",
        used,
        online_count,
        _linear(_ratio(used, online_count), m["3.2"]),
    )
    # 3.3 [S]: online dossiers / received × sync rate; full at 50 %
    online_rate = _ratio(c["received_online"], c["received"])
    factor = sync if portal_configured else 1.0
    adjusted = None if online_rate is None or factor is None else online_rate * factor
    add(
        "3.3",
        "Hồ sơ trực tuyến",
        "received_online / received × sync rate; full ≥ 50 % [S] (× 1 without a portal [U])",
        c["received_online"],
        c["received"],
        _threshold(adjusted, m["3.3"], 0.5),
    )
    items.append(
        _not_computable("3.5", "TTHC có dữ liệu phí đồng bộ", rules, "Cần CSDL quốc gia về TTHC.")
    )
    # 3.6 [S]: dossiers paid online / dossiers with a fee to pay; score 6 × A
    add(
        "3.6",
        "Hồ sơ thanh toán trực tuyến",
        "paid_online / fee_bearing × 6 [S]",
        c["paid_online"],
        c["fee_bearing"],
        _linear(_ratio(c["paid_online"], c["fee_bearing"]), m["3.6"]),
    )

    # 4.1 [S]: dossiers with an electronic result / dossiers with a result × 6
    add(
        "4.1",
        "Hồ sơ có kết quả điện tử",
        "e_result / with_result × 6 [S]",
        c["e_result"],
        c["with_result"],
        _linear(_ratio(c["e_result"], c["with_result"]), m["4.1"]),
    )
    # 4.2 [S]: digitised (files for every component, e-result where issued) / received; full at 80 %
    add(
        "4.2",
        "Hồ sơ được số hóa",
        "digitised / received; full ≥ 80 % [S]",
        c["digitised"],
        c["received"],
        _threshold(_ratio(c["digitised"], c["received"]), m["4.2"], 0.8),
    )
    items.append(
        _not_computable(
            "4.2b", "Chứng thực bản sao điện tử", rules, "Chưa có dữ liệu chứng thực điện tử."
        )
    )
    # 4.3 [S]: dossiers reusing digitised data / received; min(2, 2 × rate / 80 %)
    add(
        "4.3",
        "Hồ sơ tái sử dụng dữ liệu số hóa",
        "reused / received; full ≥ 80 % [S]",
        c["reused"],
        c["received"],
        _threshold(_ratio(c["reused"], c["received"]), m["4.3"], 0.8),
    )
    items.append(
        _not_computable(
            "4.4", "Kết nối kho dữ liệu cá nhân", rules, "Cần kho quản lý dữ liệu điện tử quốc gia."
        )
    )
    items.append(
        _not_computable(
            "4.5a", "TTHC kết nối CSDL dân cư", rules, "Cần danh mục kết nối CSDL dân cư."
        )
    )
    # 4.5 [S][U]: dossiers using population data (submitted by an identity-verified account) / received
    add(
        "4.5",
        "Hồ sơ sử dụng dữ liệu dân cư (VNeID)",
        "population_data / received × 2 [S] (a verified citizen account [U])",
        c["population_data"],
        c["received"],
        _linear(_ratio(c["population_data"], c["received"]), m["4.5"]),
    )

    items.append(_not_computable("5.2", "PAKN xử lý đúng hạn", rules, "Chưa có phân hệ PAKN."))
    items.append(_not_computable("5.3", "Hài lòng xử lý PAKN", rules, "Chưa có phân hệ PAKN."))
    # 5.4 [S]: 100 % − (late rate + dissatisfied rate); full at 90 %; [U] ratings stand for "dislike"
    # (no feedback module yet): dissatisfied = ratings of 1-2 among the ended
    late = handled - on_time
    unhappy = late + c["dissatisfied"]
    satisfied = max(0, handled - unhappy)
    add(
        "5.4",
        "Mức độ hài lòng trong tiếp nhận, giải quyết",
        "1 − (late + dissatisfied) / handled; full ≥ 90 % [S][U]",
        satisfied,
        handled,
        _threshold(_ratio(satisfied, handled), m["5.4"], 0.9),
        f"rated={c['rated']}, rating_sum={c['rating_sum']}",
    )

    groups = []
    for group, weight in rules.group_weights.items():
        members = [i for i in items if i.group == group and i.computable and i.score is not None]
        groups.append(
            GroupScore(
                group,
                weight,
                round(sum(i.score or 0 for i in members), 4),
                sum(i.maximum for i in members),
            )
        )
    return IndicatorReport(
        period=period,
        judged_at=judged_at,
        rule_set=rules.name,
        indicators=items,
        groups=groups,
        total=round(sum(g.score for g in groups), 4),
        computable_maximum=sum(g.computable_maximum for g in groups),
        counters=c,
    )
