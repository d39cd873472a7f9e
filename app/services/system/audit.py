"""The administrators' audit log: the one helper every administrative change calls, and its reader.

``record`` adds the row in the caller's transaction (the change and its row commit together); the
service functions of every administrative change call it (users, roles, passwords, revocations,
catalog edits and publication, the calendar, units and agencies, outbox replay). What goes in
``changes`` is a short summary chosen by the caller: never a password, a token or a citizen's
personal data (issue 11; Decree 13/2023). The log is append-only: nothing here updates or deletes,
and the database refuses it anyway (migration 0010).

The actor is a plain value (username, the agency whose administrator role allowed the change), so
this lowest domain needs nothing from identity.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import BadRequest, ProblemCode
from app.models.audit import AdminAction, AdminAuditEntry, AuditTarget
from app.models.base import BIGINT_MAX

# keys a summary must never carry, whatever a caller passes (defence in depth)
_SECRET_KEYS = frozenset({"password", "password_hash", "token", "secret", "pin"})


@dataclass(frozen=True)
class AuditActor:
    """Who made an administrative change: the officer's username and the agency of the
    administrator role that allowed it (the province's root agency for the province admin)."""

    username: str
    agency: str | None


async def record(
    session: AsyncSession,
    actor: AuditActor | None,
    action: AdminAction,
    target: AuditTarget,
    key: str,
    changes: dict[str, Any] | None = None,
) -> None:
    """Append one row to the audit log, in the caller's transaction. Without an actor (a catalog
    import, a bootstrap command: no administrator acted through the API) nothing is written."""
    if actor is None:
        return
    summary = {k: v for k, v in (changes or {}).items() if k.lower() not in _SECRET_KEYS}
    session.add(
        AdminAuditEntry(
            actor_username=actor.username,
            actor_agency=actor.agency,
            action=str(action),
            target_type=str(target),
            target_key=key[:200],
            changes=summary,
        )
    )
    await session.flush()


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    action: AdminAction | None = None
    target_type: AuditTarget | None = None
    target_key: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    cursor: str | None = None
    limit: int = 50


def _decode_cursor(cursor: str) -> int:
    """A cursor is an entry id (BIGINT): anything else, or an id outside 1..2^63-1, is a 400."""
    try:
        entry_id = int(base64.urlsafe_b64decode(cursor.encode() + b"==").decode())
    except (ValueError, UnicodeDecodeError) as exc:
        raise _invalid_cursor() from exc
    if not 1 <= entry_id <= BIGINT_MAX:
        raise _invalid_cursor()
    return entry_id


def _invalid_cursor() -> BadRequest:
    return BadRequest("Con trỏ phân trang không hợp lệ.", code=ProblemCode.invalid_cursor)


def _encode_cursor(entry_id: int) -> str:
    return base64.urlsafe_b64encode(str(entry_id).encode()).decode().rstrip("=")


async def entries(
    session: AsyncSession, filters: AuditFilter
) -> tuple[list[AdminAuditEntry], str | None]:
    """One page of the log, newest first, and the cursor of the next page (None on the last).

    ``since`` is inclusive, ``until`` exclusive.
    """
    conditions: list[ColumnElement[bool]] = []
    if filters.actor is not None:
        conditions.append(AdminAuditEntry.actor_username == filters.actor.strip().lower())
    if filters.action is not None:
        conditions.append(AdminAuditEntry.action == str(filters.action))
    if filters.target_type is not None:
        conditions.append(AdminAuditEntry.target_type == str(filters.target_type))
    if filters.target_key is not None:
        conditions.append(AdminAuditEntry.target_key == filters.target_key)
    if filters.since is not None:
        conditions.append(AdminAuditEntry.at >= filters.since)
    if filters.until is not None:
        conditions.append(AdminAuditEntry.at < filters.until)
    if filters.cursor:
        conditions.append(AdminAuditEntry.id < _decode_cursor(filters.cursor))
    rows = list(
        await session.scalars(
            select(AdminAuditEntry)
            .where(*conditions)
            .order_by(AdminAuditEntry.id.desc())
            .limit(filters.limit + 1)
        )
    )
    page = rows[: filters.limit]
    next_cursor = _encode_cursor(page[-1].id) if len(rows) > filters.limit else None
    return page, next_cursor
