"""Dossier codes and lookup PINs.

Code: ``{receiving office code}-{YYMMDD}-{NNNN}`` (Circular 01/2018/TT-VPCP art. 19), the date being the
Asia/Ho_Chi_Minh date, the number drawn from a per-office, per-day counter row in the same transaction
(``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``: concurrent creations queue on the row, no duplicate,
no reuse). Past 9999 the number widens instead of failing.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
PIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: printed and typed by people
PIN_LENGTH = 6

_NEXT_NUMBER = text(
    """
    INSERT INTO dossier_code_counters (office_code, day, last_number)
    VALUES (:office, :day, 1)
    ON CONFLICT (office_code, day)
    DO UPDATE SET last_number = dossier_code_counters.last_number + 1
    RETURNING last_number
    """
)


def local_day(instant: datetime) -> date:
    return instant.astimezone(VIETNAM).date()


def format_code(office_code: str, day: date, number: int) -> str:
    return f"{office_code}-{day:%y%m%d}-{number:04d}"


async def next_code(session: AsyncSession, office_code: str, at: datetime) -> str:
    day = local_day(at)
    number = (await session.execute(_NEXT_NUMBER, {"office": office_code, "day": day})).scalar_one()
    return format_code(office_code, day, int(number))


def new_pin() -> str:
    return "".join(secrets.choice(PIN_ALPHABET) for _ in range(PIN_LENGTH))
