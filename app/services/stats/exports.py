"""Indicators and summaries as CSV and XLSX (openpyxl, write-only): the same numbers as the JSON, one
row per indicator or bucket (issue 17). These tables are small (tens of rows), built in memory."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook

from app.services.stats.indicators import IndicatorReport
from app.services.stats.periods import Period
from app.services.stats.summary import Bucket, GridRow, Summary

INDICATOR_HEADER = (
    "Mã chỉ số",
    "Tên chỉ số",
    "Nhóm",
    "Tính được",
    "Tử số",
    "Mẫu số",
    "Tỷ lệ",
    "Điểm",
    "Điểm tối đa",
    "Công thức",
)
BUCKET_HEADER = (
    "Nhóm theo",
    "Mã",
    "Tên",
    "Tiếp nhận",
    "Trực tuyến",
    "Đã xử lý",
    "Đúng hạn",
    "Trễ hạn",
)


def indicator_rows(report: IndicatorReport) -> list[tuple[object, ...]]:
    return [
        (
            i.code,
            i.name,
            i.group,
            "có" if i.computable else "không",
            i.numerator,
            i.denominator,
            None if i.ratio is None else round(i.ratio, 6),
            None if i.score is None else round(i.score, 4),
            i.maximum,
            i.formula if i.computable else (i.note or i.formula),
        )
        for i in report.indicators
    ]


def bucket_rows(by: str, buckets: Sequence[Bucket]) -> list[tuple[object, ...]]:
    return [
        (by, b.key, b.name, b.received, b.received_online, b.ended, b.ended_on_time, b.late)
        for b in buckets
    ]


def summary_rows(summary: Summary) -> list[tuple[object, ...]]:
    """The summary's counts (``total`` rows), then its buckets by channel, agency and unit."""
    rows: list[tuple[object, ...]] = [
        ("total", k, k, v, None, None, None, None) for k, v in summary.counts.items()
    ]
    for by, buckets in summary.by.items():
        rows += bucket_rows(by, buckets)
    return rows


def to_csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode()  # BOM: spreadsheet programs read UTF-8


def to_xlsx(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Thống kê")
    sheet.append([title])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


GRID_HEADER = (
    "Nhóm theo",
    "Mã",
    "Tên",
    "Tháng",
    "Tiếp nhận",
    "Trực tuyến",
    "Đã xử lý",
    "Đúng hạn",
    "Trễ hạn",
)


def grid_rows(
    by: str, months: Sequence[Period], rows: Sequence[GridRow]
) -> list[tuple[object, ...]]:
    """One line per row and month of the grid."""
    return [
        (
            by,
            r.key,
            r.name,
            m.label,
            c.received,
            c.received_online,
            c.ended,
            c.ended_on_time,
            c.late,
        )
        for r in rows
        for m, c in zip(months, r.cells, strict=True)
    ]
