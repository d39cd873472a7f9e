"""Public status lookup by dossier code and PIN (DESIGN.md sections 7 and 10).

Masked data only: procedure, status, dates, current agency, the applicant's name masked; never
identifiers, phone, e-mail or address (Decree 13/2023/NĐ-CP on personal data protection). An unknown
code and a wrong PIN are the same 404. Failed look-ups are throttled per client with the state in
PostgreSQL; a successful look-up is one indexed read and writes nothing.

Speed: this is the hottest public endpoint. The read is one statement outside any transaction (one
round trip instead of BEGIN + SELECT + ROLLBACK) on the pool of public reads (``db.create_read_pool``),
prepared and cached per connection (bench/README.md, "Dossier lookup").
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from app.config import Settings
from app.errors import NotFound, ProblemCode, TooManyRequests
from app.models.dossier import DossierStatus
from app.services.dossiers.lifecycle import STATUS_LABEL_VI
from app.services.identity import throttle

LOOKUP_SCOPE = "lookup"

# One round trip: the caller's throttle state and the dossier (if any) together. Run on the driver
# connection itself (asyncpg, prepared and cached per connection): $1 throttle key, $2 code.
_LOOKUP = """
    SELECT t.blocked_until, d.pin, d.status, d.received_at, d.due_at, d.promised_due_at,
           d.finished_at, d.applicant_name, p.name AS procedure_name, a.name AS agency_name
    FROM (SELECT (SELECT blocked_until FROM throttle_counters WHERE key = $1)
          AS blocked_until) AS t
    LEFT JOIN dossiers AS d ON d.code = $2
    LEFT JOIN procedures AS p ON p.id = d.procedure_id
    LEFT JOIN agencies AS a ON a.code = d.current_agency_code
"""


@dataclass(frozen=True)
class LookupResult:
    code: str
    procedure_name: str
    status: DossierStatus
    status_label: str
    received_at: datetime | None
    due_at: datetime | None
    promised_due_at: datetime | None
    finished_at: datetime | None
    current_agency: str | None
    applicant_name: str


def policy(settings: Settings) -> throttle.ThrottlePolicy:
    return throttle.ThrottlePolicy(
        scope=LOOKUP_SCOPE,
        max_failures=settings.lookup_max_failures,
        window=timedelta(seconds=settings.lookup_window_seconds),
        block=timedelta(seconds=settings.lookup_block_seconds),
    )


def _too_many(wait: int) -> TooManyRequests:
    return TooManyRequests(
        f"Tra cứu sai quá nhiều lần. Vui lòng thử lại sau {wait} giây.",
        code=ProblemCode.lookup_throttled,
        retry_after=wait,
    )


async def lookup(
    conn: Any,
    engine: AsyncEngine,
    settings: Settings,
    code: str,
    pin: str,
    client: str,
) -> LookupResult:
    """The masked status of dossier ``code``, read on ``conn`` (asyncpg, ``db.read_connection``);
    ``engine`` only records a failure for the throttle."""
    key = throttle.throttle_key(LOOKUP_SCOPE, client)
    row = await conn.fetchrow(_LOOKUP, key, code)
    assert row is not None  # the statement always returns its one throttle row
    now = datetime.now(UTC)
    if row["blocked_until"] is not None and row["blocked_until"] > now:
        raise _too_many(int((row["blocked_until"] - now).total_seconds()) + 1)
    # constant-time comparison; an unknown code compares against a dummy so both paths cost the same
    stored = row["pin"] if row["pin"] is not None else "\x00" * len(pin or "x")
    if row["pin"] is None or not hmac.compare_digest(stored.encode(), pin.strip().upper().encode()):
        wait = await throttle.record_failure(engine, policy(settings), key)
        if wait:
            raise _too_many(wait)
        raise NotFound(
            "Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.", code=ProblemCode.dossier_not_found
        )
    status = DossierStatus(row["status"])
    return LookupResult(
        code=code,
        procedure_name=row["procedure_name"],
        status=status,
        status_label=STATUS_LABEL_VI[status],
        received_at=row["received_at"],
        due_at=row["due_at"],
        promised_due_at=row["promised_due_at"],
        finished_at=row["finished_at"],
        current_agency=row["agency_name"],
        applicant_name=mask_person_name(row["applicant_name"]),
    )


def mask_person_name(name: str) -> str:
    """``Nguyễn Văn An`` → ``Nguyễn V** A**``: the family name stays, other words keep one letter."""
    words = name.split()
    if not words:
        return ""
    return " ".join([words[0], *(word[0] + "**" for word in words[1:])])
