"""Public status lookup by dossier code and PIN (DESIGN.md sections 7 and 10).

Masked data only: procedure, status, dates, current agency, the applicant's name masked; never
identifiers, phone, e-mail or address (Decree 13/2023/NĐ-CP on personal data protection). An unknown
code and a wrong PIN are the same 404. Failed look-ups are throttled per dossier code and per client by
the guard every PIN endpoint shares (``dossiers.pin_guard``); a successful look-up is one indexed read
and writes nothing.

Speed: this is the hottest public endpoint. The read is one statement outside any transaction (one
round trip instead of BEGIN + SELECT + ROLLBACK) on the pool of public reads (``db.create_read_pool``),
prepared and cached per connection (bench/README.md, "Dossier lookup").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.config import Settings
from app.models.dossier import DossierStatus
from app.services.dossiers import pin_guard
from app.services.dossiers.lifecycle import STATUS_LABEL_VI

# One round trip: the PIN guard's state (the code's and the client's blocks) and the dossier (if any)
# together. Run on the driver connection itself (asyncpg, prepared and cached per connection):
# $1 the code's throttle key, $2 the client's, $3 the code. Built of constants only.
_LOOKUP = (
    "SELECT t.code_blocked_until, t.client_blocked_until, d.pin, d.status, d.received_at,"  # noqa: S608
    " d.due_at, d.promised_due_at, d.finished_at, d.applicant_name,"
    " p.name AS procedure_name, a.name AS agency_name"
    " FROM (SELECT " + pin_guard.STATE_COLUMNS + ") AS t"
    " LEFT JOIN dossiers AS d ON d.code = $3"
    " LEFT JOIN procedures AS p ON p.id = d.procedure_id"
    " LEFT JOIN agencies AS a ON a.code = d.current_agency_code"
)


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


async def lookup(
    conn: Any,
    settings: Settings,
    code: str,
    pin: str,
    client: str,
) -> LookupResult:
    """The masked status of dossier ``code``, read on ``conn`` (asyncpg, ``db.read_connection``),
    which also counts a failure (the PIN guard): one connection per look-up."""
    keys = pin_guard.keys_of(code, client)
    row = await conn.fetchrow(_LOOKUP, keys.code, keys.client, code)
    assert row is not None  # the statement always returns its one throttle row
    await pin_guard.check_pin(
        conn,
        settings,
        keys,
        (row["code_blocked_until"], row["client_blocked_until"]),
        row["pin"],
        pin,
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


# Characters that show nothing but would survive ``split()`` and count as letters of a word.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def mask_person_name(name: str) -> str:
    """``Nguyễn Văn An`` → ``Nguyễn V** A**``: the family name stays, other words keep one letter.

    A one-word name keeps only its first letter (``An`` → ``A**``): the whole name would otherwise be
    shown. The name is normalised first (NFC, invisible characters removed), so a zero-width space
    or a decomposed accent never shifts what is shown (Decree 13/2023: only what is needed).
    """
    words = unicodedata.normalize("NFC", name).translate(_INVISIBLE).split()
    if not words:
        return ""
    if len(words) == 1:
        return words[0][0] + "**"
    return " ".join([words[0], *(word[0] + "**" for word in words[1:])])
