"""The leaders' report page (``/reports``, issue 17): server-rendered HTML, charts as inline SVG, no
script and no CDN. The index by group, the on-time trend by month, the online share by agency and the
agencies and procedures with the most late dossiers, for the caller's scope; every number is the
API's (``indicators.report``, ``summary.breakdown``)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.services.stats import indicators as stats_indicators
from app.services.stats import summary as stats_summary
from app.services.stats.indicators import IndicatorReport
from app.services.stats.periods import Period, parse_period
from app.services.stats.summary import Bucket

GROUP_LABEL = {
    "publicity": "Công khai, minh bạch",
    "progress": "Tiến độ, kết quả giải quyết",
    "online": "Cung cấp dịch vụ trực tuyến",
    "payment": "Thanh toán trực tuyến",
    "digitisation": "Số hóa hồ sơ",
    "satisfaction": "Mức độ hài lòng",
}
TOP = 10
BAR_WIDTH = 360
STYLE = """
body{font-family:"Times New Roman",Times,serif;margin:24px;color:#1b1b1b;max-width:1100px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:14px}td,th{border:1px solid #bbb;padding:3px 8px;text-align:left}
td.n{text-align:right}.muted{color:#666;font-size:13px}svg text{font-family:Arial,sans-serif;font-size:12px}
form{display:inline}
"""


@dataclass(frozen=True)
class ReportData:
    scope_label: str
    period: Period
    index: IndicatorReport
    trend: list[tuple[str, float | None]]
    online_by_agency: list[Bucket]
    late_agencies: list[Bucket]
    late_procedures: list[Bucket]


async def gather(
    session: AsyncSession,
    period: Period,
    today: date,
    agencies: set[str] | None,
    scope_label: str,
    *,
    portal_configured: bool,
) -> ReportData:
    index = await stats_indicators.report(
        session, period, today, agencies, None, portal_configured=portal_configured
    )
    trend: list[tuple[str, float | None]] = []
    for month in range(1, 13):
        each = parse_period(f"{period.start.year}-{month:02d}")
        if each.start > today:
            break
        c = await stats_indicators.counters(session, each, each.judged_at(today), agencies, None)
        handled = c["ended"] + c["open_delta"]
        on_time = c["ended_on_time"] + c["open_delta"] - c["open_late_delta"]
        trend.append((f"{month:02d}", on_time / handled if handled else None))
    judged = period.judged_at(today)
    by_agency = await stats_summary.breakdown(session, period, judged, agencies, None, "agency")
    by_procedure = await stats_summary.breakdown(
        session, period, judged, agencies, None, "procedure"
    )
    return ReportData(
        scope_label=scope_label,
        period=period,
        index=index,
        trend=trend,
        online_by_agency=sorted(
            (b for b in by_agency if b.received), key=lambda b: -b.received_online / b.received
        )[:TOP],
        late_agencies=[b for b in by_agency if b.late][:TOP],
        late_procedures=[b for b in by_procedure if b.late][:TOP],
    )


def _e(value: object) -> str:
    return html.escape(str(value))


def _bars(rows: list[tuple[str, float, str]], maximum: float, label: str) -> str:
    """A horizontal bar chart: (label, value, shown text) per row, scaled to ``maximum``."""
    height = 22 * len(rows) + 10
    parts = [
        f'<svg role="img" aria-label="{_e(label)}" class="chart" width="{BAR_WIDTH + 330}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (name, value, shown) in enumerate(rows):
        y = 5 + 22 * i
        width = 0 if maximum <= 0 else max(0.0, min(1.0, value / maximum)) * BAR_WIDTH
        parts.append(
            f'<text x="0" y="{y + 14}">{_e(name[:40])}</text>'
            f'<rect x="260" y="{y}" width="{width:.1f}" height="16" fill="#2b6cb0"/>'
            f'<text x="{260 + width + 4:.1f}" y="{y + 13}">{_e(shown)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _columns(points: list[tuple[str, float | None]], label: str) -> str:
    """A column chart of ratios (0-100 %) by month; a month with no dossier has no column."""
    width, height = 40 * max(1, len(points)) + 40, 200
    parts = [
        f'<svg role="img" aria-label="{_e(label)}" class="chart" width="{width}" height="{height}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="30" y1="170" x2="{width}" y2="170" stroke="#999"/>',
    ]
    for i, (month, ratio) in enumerate(points):
        x = 36 + 40 * i
        if ratio is not None:
            h = 150 * ratio
            parts.append(
                f'<rect x="{x}" y="{170 - h:.1f}" width="26" height="{h:.1f}" fill="#2f855a"/>'
                f'<text x="{x}" y="{165 - h:.1f}">{ratio * 100:.0f}%</text>'
            )
        parts.append(f'<text x="{x + 4}" y="186">{_e(month)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _buckets_table(buckets: list[Bucket], what: str) -> str:
    if not buckets:
        return '<p class="muted">Không có hồ sơ trễ hạn trong kỳ.</p>'
    rows = "".join(
        f'<tr><td>{_e(b.name)}</td><td class="n">{b.late}</td><td class="n">{b.received}</td>'
        f'<td class="n">{b.ended}</td></tr>'
        for b in buckets
    )
    return (
        f"<table><tr><th>{_e(what)}</th><th>Trễ hạn</th><th>Tiếp nhận</th><th>Đã xử lý</th></tr>"
        f"{rows}</table>"
    )


def _ratio_text(ratio: float | None, maximum: float) -> str:
    """A percentage; an unscored indicator (2.2) is an average number of days."""
    if ratio is None:
        return ""
    return f"{ratio:.1f} ngày" if maximum == 0 else f"{ratio * 100:.1f}%"


def render(data: ReportData, username: str) -> str:
    index = data.index
    groups = [
        (
            GROUP_LABEL.get(g.group, g.group),
            g.score,
            f"{g.score:.2f} / {g.computable_maximum:g} (tối đa {g.weight:g})",
        )
        for g in index.groups
    ]
    rows = "".join(
        f"<tr><td>{_e(i.code)}</td><td>{_e(i.name)}</td>"
        + (
            f'<td class="n">{_e(i.numerator if i.numerator is not None else "")}</td>'
            f'<td class="n">{_e(i.denominator if i.denominator is not None else "")}</td>'
            f'<td class="n">{_ratio_text(i.ratio, i.maximum)}</td>'
            f'<td class="n">{"" if i.score is None else f"{i.score:.2f}"} / {i.maximum:g}</td>'
            if i.computable
            else f'<td colspan="4" class="muted">Chưa tính được: {_e(i.formula)}</td>'
        )
        + "</tr>"
        for i in index.indicators
    )
    online = [
        (b.name, b.received_online / b.received, f"{b.received_online / b.received * 100:.0f}%")
        for b in data.online_by_agency
    ]
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo chỉ số phục vụ — {_e(data.period.label)}</title>
<style>{STYLE}</style></head><body>
<h1>Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)</h1>
<p class="muted">Kỳ {_e(data.period.label)} ({data.period.start:%d/%m/%Y}–{data.period.end:%d/%m/%Y}),
đánh giá đến {index.judged_at:%d/%m/%Y}; phạm vi: {_e(data.scope_label)}; bộ quy tắc {_e(index.rule_set)};
người xem: {_e(username)}.
<form method="post" action="/reports/sign-out"><button type="submit">Đăng xuất</button></form></p>
<form method="get" action="/reports"><label>Kỳ <input name="period" value="{_e(data.period.label)}"
 size="8"></label> <button type="submit">Xem</button></form>
<h2 id="index">Chỉ số theo nhóm: {index.total:.2f} điểm trên {index.computable_maximum:g} điểm tính được</h2>
{_bars(groups, max((g.weight for g in index.groups), default=1), "Điểm theo nhóm")}
<table><tr><th>Mã</th><th>Chỉ số</th><th>Tử số</th><th>Mẫu số</th><th>Tỷ lệ</th><th>Điểm</th></tr>{rows}</table>
<h2 id="trend">Tỷ lệ hồ sơ đúng hạn theo tháng ({data.period.start.year})</h2>
{_columns(data.trend, "Tỷ lệ đúng hạn theo tháng")}
<h2 id="online">Tỷ lệ hồ sơ trực tuyến theo cơ quan</h2>
{_bars(online, 1.0, "Tỷ lệ trực tuyến theo cơ quan") if online else '<p class="muted">Không có hồ sơ.</p>'}
<h2 id="late-agencies">Cơ quan có nhiều hồ sơ trễ hạn nhất</h2>
{_buckets_table(data.late_agencies, "Cơ quan")}
<h2 id="late-procedures">Thủ tục có nhiều hồ sơ trễ hạn nhất</h2>
{_buckets_table(data.late_procedures, "Thủ tục")}
</body></html>"""


def sign_in_page(error: str | None = None) -> str:
    message = f'<p style="color:#b00">{_e(error)}</p>' if error else ""
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Đăng nhập — Báo cáo chỉ số</title>
<style>{STYLE}</style></head><body>
<h1>Báo cáo chỉ số phục vụ người dân, doanh nghiệp</h1>
<p>Đăng nhập bằng tài khoản cán bộ.</p>{message}
<form method="post" action="/reports/sign-in">
<p><label>Tên đăng nhập <input name="username" autocomplete="username" required></label></p>
<p><label>Mật khẩu <input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit">Đăng nhập</button></p></form></body></html>"""
