"""The dossier register of a one-stop desk (sổ theo dõi hồ sơ: form 06 of Circular 01/2018/TT-VPCP,
form 07 in the 2025 numbering [U]; A4, reference section 1.4 of the design).

One row per dossier received at the desk in a period, in order of reception. The columns follow the
2018 template: ordinal, dossier code, procedure, number of sets, applicant, address and phone, the
competent agency, received, appointment, sent to the competent agency, result received from it,
result returned, notes [U: the column list is transcribed from the template as provincial systems
print it; the circular's annex is the authority].

The register is read in keyset chunks ``(received_at, id)`` over the index
``ix_dossiers_register`` from a connection of its own (``rows``), so a year of a busy desk streams
out in bounded memory whatever the format: JSON pages, CSV, XLSX (openpyxl in write-only mode, rows
appended off the event loop) and a printable HTML page.
"""

from __future__ import annotations

import asyncio
import base64
import csv
import html
import io
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook

from app.errors import BadRequest, ProblemCode
from app.models.base import BIGINT_MAX
from app.models.dossier import Channel, DossierStatus
from app.services.dossiers.form_pages import FONT_STACK
from app.services.dossiers.lifecycle import STATUS_LABEL_VI

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
CHUNK_ROWS = 1000
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
TITLE = "SỔ THEO DÕI HỒ SƠ"
CHANNEL_LABEL_VI = {
    Channel.desk: "Trực tiếp",
    Channel.online: "Trực tuyến",
    Channel.postal: "Bưu chính",
    Channel.national_portal: "Cổng DVC quốc gia",
}


@dataclass(frozen=True)
class RegisterFilter:
    """A desk's dossiers received from ``start`` to ``end`` (local dates, both included)."""

    office_code: str
    start: date
    end: date
    procedure_code: str | None = None
    channel: Channel | None = None
    status: DossierStatus | None = None

    def bounds(self) -> tuple[datetime, datetime]:
        """The period as UTC instants: local midnight of ``start`` to local midnight after ``end``."""
        return (
            datetime.combine(self.start, time(), VIETNAM),
            datetime.combine(self.end + timedelta(days=1), time(), VIETNAM),
        )


@dataclass(frozen=True)
class RegisterRow:
    id: int
    code: str
    procedure_code: str
    procedure_name: str
    sets: int
    applicant_name: str
    applicant_address: str | None
    applicant_phone: str | None
    competent_agency: str
    channel: Channel
    status: DossierStatus
    received_at: datetime
    due_at: datetime | None
    promised_due_at: datetime | None
    forwarded_at: datetime | None
    result_at: datetime | None  # the result came back from the agency (a resolution)
    finished_at: datetime | None  # any ending: resolution, refusal, stop, withdrawal
    returned_at: datetime | None

    @property
    def note(self) -> str:
        """The notes column: the status, the channel, a late ending, a new appointment."""
        parts = [STATUS_LABEL_VI[self.status], CHANNEL_LABEL_VI[self.channel]]
        if (
            self.due_at is not None
            and self.finished_at is not None
            and self.finished_at > self.due_at
        ):
            parts.append("trễ hạn")
        if self.promised_due_at is not None:
            parts.append(f"hẹn lại {_local_text(self.promised_due_at)}")
        return "; ".join(parts)


# (heading, value) in the template's order; the ordinal is added by each format
COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "Mã hồ sơ"),
    ("procedure", "Tên thủ tục hành chính"),
    ("sets", "Số lượng hồ sơ (bộ)"),
    ("applicant", "Tên cá nhân, tổ chức"),
    ("contact", "Địa chỉ, số điện thoại"),
    ("competent_agency", "Cơ quan chủ trì giải quyết"),
    ("received_at", "Nhận hồ sơ"),
    ("due_at", "Hẹn trả kết quả"),
    ("forwarded_at", "Chuyển hồ sơ đến cơ quan giải quyết"),
    ("result_at", "Nhận kết quả từ cơ quan giải quyết"),
    ("returned_at", "Trả kết quả cho cá nhân, tổ chức"),
    ("note", "Ghi chú"),
)
ORDINAL = "STT"

# $1 office, $2/$3 the period's UTC bounds, $4/$5 the keyset position, $6 chunk size, then the
# optional filters (NULL: any). One index range scan per chunk (ix_dossiers_register).
_ROWS = """
SELECT d.id, d.code, p.code AS procedure_code, p.name AS procedure_name, d.applicant_name,
       d.applicant_address, d.applicant_phone, a.name AS competent_agency, d.channel, d.status,
       d.received_at, d.due_at, d.promised_due_at, f.at AS forwarded_at,
       CASE WHEN d.status IN ('resolved', 'returned') THEN d.finished_at END AS result_at,
       d.finished_at, d.returned_at
FROM dossiers AS d
JOIN procedures AS p ON p.id = d.procedure_id
JOIN agencies AS a ON a.code = d.competent_agency_code
LEFT JOIN LATERAL (
    SELECT e.at FROM dossier_events AS e
    WHERE e.dossier_id = d.id AND e.action = 'forward' ORDER BY e.seq LIMIT 1
) AS f ON true
WHERE d.receiving_office_code = $1 AND d.received_at >= $2 AND d.received_at < $3
  AND (d.received_at, d.id) > ($4, $5)
  AND ($7::text IS NULL OR p.code = $7)
  AND ($8::text IS NULL OR d.channel::text = $8)
  AND ($9::text IS NULL OR d.status::text = $9)
ORDER BY d.received_at, d.id
LIMIT $6
"""


def _row(record: Any) -> RegisterRow:
    return RegisterRow(
        id=record["id"],
        code=record["code"],
        procedure_code=record["procedure_code"],
        procedure_name=record["procedure_name"],
        sets=1,  # one dossier is one set of papers [U: the template counts sets per line]
        applicant_name=record["applicant_name"],
        applicant_address=record["applicant_address"],
        applicant_phone=record["applicant_phone"],
        competent_agency=record["competent_agency"],
        channel=Channel(record["channel"]),
        status=DossierStatus(record["status"]),
        received_at=record["received_at"],
        due_at=record["due_at"],
        promised_due_at=record["promised_due_at"],
        forwarded_at=record["forwarded_at"],
        result_at=record["result_at"],
        finished_at=record["finished_at"],
        returned_at=record["returned_at"],
    )


async def page(
    conn: Any, register: RegisterFilter, after: tuple[datetime, int] | None, size: int
) -> list[RegisterRow]:
    """One chunk of the register after the keyset position ``after`` (None: from the start)."""
    start, end = register.bounds()
    position = after or (start, 0)
    records = await conn.fetch(
        _ROWS,
        register.office_code,
        start,
        end,
        position[0],
        position[1],
        size,
        register.procedure_code,
        register.channel.value if register.channel else None,
        register.status.value if register.status else None,
    )
    return [_row(record) for record in records]


async def rows(conn: Any, register: RegisterFilter) -> AsyncIterator[list[RegisterRow]]:
    """The whole register in chunks of at most ``CHUNK_ROWS`` rows (memory stays one chunk)."""
    after: tuple[datetime, int] | None = None
    while True:
        chunk = await page(conn, register, after, CHUNK_ROWS)
        if chunk:
            yield chunk
        if len(chunk) < CHUNK_ROWS:
            return
        after = (chunk[-1].received_at, chunk[-1].id)


def encode_cursor(row: RegisterRow) -> str:
    """The keyset position after ``row``: its reception instant (µs since the epoch) and id."""
    micros = (row.received_at - EPOCH) // timedelta(microseconds=1)
    return base64.urlsafe_b64encode(f"{micros}:{row.id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """A cursor made by :func:`encode_cursor`; anything else is a 400 ``invalid_cursor``."""
    try:
        micros, _, dossier_id = (
            base64.urlsafe_b64decode(cursor.encode() + b"==").decode().partition(":")
        )
        position = (EPOCH + timedelta(microseconds=int(micros)), int(dossier_id))
    except (ValueError, UnicodeDecodeError, OverflowError) as exc:
        raise BadRequest(
            "Con trỏ phân trang không hợp lệ.", code=ProblemCode.invalid_cursor
        ) from exc
    if not 0 <= position[1] <= BIGINT_MAX:
        raise BadRequest("Con trỏ phân trang không hợp lệ.", code=ProblemCode.invalid_cursor)
    return position


# --- values as each format shows them -------------------------------------------------------------


def _local(instant: datetime | None) -> datetime | None:
    return instant.astimezone(VIETNAM) if instant is not None else None


def _local_text(instant: datetime | None) -> str:
    """``07:30 02/12/2026`` in Vietnam's time (the register's handwriting style)."""
    local = _local(instant)
    return local.strftime("%H:%M %d/%m/%Y") if local is not None else ""


def _contact(row: RegisterRow) -> str:
    return ", ".join(part for part in (row.applicant_address, row.applicant_phone) if part)


def text_values(row: RegisterRow) -> list[str]:
    """The row as text, in ``COLUMNS`` order (CSV and HTML)."""
    return [
        row.code,
        f"{row.procedure_name} ({row.procedure_code})",
        str(row.sets),
        row.applicant_name,
        _contact(row),
        row.competent_agency,
        _local_text(row.received_at),
        _local_text(row.due_at),
        _local_text(row.forwarded_at),
        _local_text(row.result_at),
        _local_text(row.returned_at),
        row.note,
    ]


def _naive_local(instant: datetime | None) -> datetime | None:
    """A spreadsheet cell holds a wall-clock time: Vietnam's, without the offset."""
    local = _local(instant)
    return local.replace(tzinfo=None) if local is not None else None


def cell_values(row: RegisterRow) -> list[Any]:
    """The row as spreadsheet cells: dates as dates (sortable), the rest as text."""
    values: list[Any] = text_values(row)
    for at, instant in (
        (6, row.received_at),
        (7, row.due_at),
        (8, row.forwarded_at),
        (9, row.result_at),
        (10, row.returned_at),
    ):
        values[at] = _naive_local(instant)
    values[2] = row.sets
    return values


# --- CSV ---------------------------------------------------------------------------------------------


def _csv_line(values: list[Any]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue().encode("utf-8")


async def csv_stream(chunks: AsyncIterator[list[RegisterRow]]) -> AsyncIterator[bytes]:
    """UTF-8 with a byte-order mark (so spreadsheet programs read the Vietnamese right)."""
    yield "\ufeff".encode() + _csv_line([ORDINAL, *(heading for _, heading in COLUMNS)])
    ordinal = 0
    async for chunk in chunks:
        lines = []
        for row in chunk:
            ordinal += 1
            lines.append(_csv_line([ordinal, *text_values(row)]))
        yield b"".join(lines)


# --- XLSX --------------------------------------------------------------------------------------------


class _Sheet:
    """A write-only workbook on a temporary file: rows are streamed to disk as they are appended."""

    def __init__(self, title: str) -> None:
        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet(title="So theo doi ho so")
        self.sheet.append([title])
        self.sheet.append([ORDINAL, *(heading for _, heading in COLUMNS)])
        self.ordinal = 0

    def append(self, chunk: list[RegisterRow]) -> None:
        for row in chunk:
            self.ordinal += 1
            self.sheet.append([self.ordinal, *cell_values(row)])

    def save(self) -> str:
        handle, path = tempfile.mkstemp(prefix="motcua-register-", suffix=".xlsx")
        os.close(handle)
        self.book.save(path)
        return path


def _read_file(path: str, size: int = 64 * 1024) -> Iterator[bytes]:
    with open(path, "rb") as file:
        while block := file.read(size):
            yield block


async def xlsx_stream(chunks: AsyncIterator[list[RegisterRow]], title: str) -> AsyncIterator[bytes]:
    """Rows go to openpyxl off the event loop, chunk by chunk; the finished file streams out."""
    sheet = _Sheet(title)
    async for chunk in chunks:
        await asyncio.to_thread(sheet.append, chunk)
    path = await asyncio.to_thread(sheet.save)
    try:
        blocks = _read_file(path)
        while block := await asyncio.to_thread(next, blocks, b""):
            yield block
    finally:
        os.unlink(path)


# --- the printable page (A4 landscape) -----------------------------------------------------------


def html_head(title: str, subtitle: str) -> str:
    headings = "".join(f"<th>{html.escape(h)}</th>" for h in (ORDINAL, *(h for _, h in COLUMNS)))
    numbers = "".join(f"<th>({n})</th>" for n in range(1, len(COLUMNS) + 2))
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>"
        "@page{size:A4 landscape;margin:12mm}"
        f"body{{font-family:{FONT_STACK};font-size:10pt}}"
        "h1{text-align:center;font-size:14pt;margin:0}p.sub{text-align:center;margin:2mm 0 4mm}"
        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:2px 3px;"
        "vertical-align:top}th{font-weight:bold;text-align:center}thead{display:table-header-group}"
        "</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p class=sub>{html.escape(subtitle)}</p>"
        f"<table><thead><tr>{headings}</tr><tr>{numbers}</tr></thead><tbody>"
    )


async def html_stream(
    chunks: AsyncIterator[list[RegisterRow]], title: str, subtitle: str
) -> AsyncIterator[bytes]:
    yield html_head(title, subtitle).encode()
    ordinal = 0
    async for chunk in chunks:
        cells = []
        for row in chunk:
            ordinal += 1
            values = "".join(f"<td>{html.escape(v)}</td>" for v in text_values(row))
            cells.append(f"<tr><td>{ordinal}</td>{values}</tr>")
        yield "".join(cells).encode()
    yield b"</tbody></table></body></html>"


def subtitle(office_name: str, register: RegisterFilter) -> str:
    return f"{office_name} — từ ngày {register.start:%d/%m/%Y} đến ngày {register.end:%d/%m/%Y}"
