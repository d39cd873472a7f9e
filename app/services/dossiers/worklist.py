"""Worklists: a keyset page of the dossiers a caller may see, newest first (DESIGN.md section 10).

Who may see what is ``access``'s one definition: a citizen their own dossiers, an officer the dossiers
linked to their agencies, read here as ``access.officer_link_pages`` (a branch per link, each walking its
own index newest first and stopping after a page).

Speed: the page is the most frequent officer request. Its statement is built once per shape (caller
kind and which filters are present) with every value a bound parameter, so a request builds no SQL and
SQLAlchemy's compiled cache always hits; it reads summary columns, not ORM objects
(bench/README.md, "Dossier lookup and worklist").
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    Boolean,
    ColumnElement,
    Integer,
    Select,
    bindparam,
    exists,
    or_,
    select,
    union,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.errors import BadRequest, ProblemCode
from app.models.base import BIGINT_MAX
from app.models.dossier import Channel, Dossier, DossierStatus, DossierStep
from app.models.procedure import Procedure
from app.models.user import User
from app.services.dossiers.access import officer_agencies, officer_link_pages, owned_by
from app.services.identity.principals import CitizenPrincipal, OfficerPrincipal, Principal

PAGE_SIZE_MAX = 100


@dataclass(frozen=True)
class WorklistFilter:
    status: list[DossierStatus] | None = None
    agency: str | None = None
    passed_through: bool = False
    assignee: str | None = None
    assigned_to_me: bool = False
    overdue: bool | None = None
    due_before: datetime | None = None
    procedure: str | None = None
    channel: Channel | None = None
    received_from: datetime | None = None
    received_to: datetime | None = None
    applicant_id: str | None = None
    cursor: str | None = None
    limit: int = 20


@dataclass(frozen=True)
class DossierRow:
    """One line of a worklist page."""

    id: int
    code: str
    status: DossierStatus
    applicant_name: str
    receiving_office_code: str
    current_agency_code: str | None
    channel: Channel
    submitted_at: datetime
    received_at: datetime | None
    due_at: datetime | None
    overdue: bool
    version: int
    procedure_code: str
    procedure_name: str
    current_step_code: str | None
    current_step_name: str | None
    assignee: str | None


_JOINED = {"procedure_code", "procedure_name", "current_step_code", "current_step_name", "assignee"}
_COLUMNS = [f.name for f in fields(DossierRow) if f.name not in _JOINED]
_PASSED = aliased(DossierStep, name="passed_step")

# Each filter as a condition on ``dossiers`` columns (so it can go into every branch), its values bound
# under the filter's own name.
_CONDITIONS: dict[str, Callable[[], ColumnElement[bool]]] = {
    "status": lambda: Dossier.status.in_(bindparam("status", expanding=True)),
    # an agency's worklist: what is at the agency now ...
    "agency": lambda: Dossier.current_agency_code == bindparam("agency"),
    # ... or, asked for, every dossier that passed through it (received there, or a step there)
    "passed_through": lambda: or_(
        Dossier.current_agency_code == bindparam("passed_through"),
        Dossier.receiving_office_code == bindparam("passed_through"),
        # its own alias: the step branch of the page already reads ``dossier_steps``
        exists().where(
            _PASSED.dossier_id == Dossier.id,
            _PASSED.agency_code == bindparam("passed_through"),
        ),
    ),
    "assigned_to_me": lambda: Dossier.assignee_id == bindparam("assigned_to_me"),
    "assignee": lambda: Dossier.assignee_id.in_(
        select(User.id).where(User.username == bindparam("assignee"))
    ),
    "overdue": lambda: Dossier.overdue == bindparam("overdue", type_=Boolean),
    "due_before": lambda: Dossier.due_at < bindparam("due_before"),
    "procedure": lambda: Dossier.procedure_id.in_(
        select(Procedure.id).where(Procedure.code == bindparam("procedure"))
    ),
    "channel": lambda: Dossier.channel == bindparam("channel"),
    "received_from": lambda: Dossier.received_at >= bindparam("received_from"),
    "received_to": lambda: Dossier.received_at < bindparam("received_to"),
    "applicant_id": lambda: Dossier.applicant_id_number == bindparam("applicant_id"),
    "cursor": lambda: Dossier.id < bindparam("cursor"),
}


def _decode_cursor(cursor: str) -> int:
    """A cursor is a dossier id (BIGINT): anything else, or an id outside 1..2^63-1, is a 400."""
    try:
        dossier_id = int(base64.urlsafe_b64decode(cursor.encode() + b"==").decode())
    except (ValueError, UnicodeDecodeError) as exc:
        raise _invalid_cursor() from exc
    if not 1 <= dossier_id <= BIGINT_MAX:
        raise _invalid_cursor()
    return dossier_id


def _invalid_cursor() -> BadRequest:
    return BadRequest("Con trỏ phân trang không hợp lệ.", code=ProblemCode.invalid_cursor)


def _encode_cursor(dossier_id: int) -> str:
    return base64.urlsafe_b64encode(str(dossier_id).encode()).decode().rstrip("=")


def _filter_values(principal: Principal, filters: WorklistFilter) -> dict[str, Any]:
    """The bound values of the filters present: the keys are the statement's shape."""
    values: dict[str, Any] = {}
    if filters.status:
        values["status"] = list(filters.status)
    if filters.agency and filters.passed_through:
        values["passed_through"] = filters.agency
    elif filters.agency:
        values["agency"] = filters.agency
    if filters.assigned_to_me and isinstance(principal, OfficerPrincipal):
        values["assigned_to_me"] = principal.user_id
    if filters.assignee:
        values["assignee"] = filters.assignee.lower()
    if filters.overdue is not None:
        values["overdue"] = filters.overdue
    if filters.due_before:
        values["due_before"] = filters.due_before
    if filters.procedure:
        values["procedure"] = filters.procedure
    if filters.channel:
        values["channel"] = filters.channel
    if filters.received_from:
        values["received_from"] = filters.received_from
    if filters.received_to:
        values["received_to"] = filters.received_to
    if filters.applicant_id:
        values["applicant_id"] = filters.applicant_id.strip().upper()
    if filters.cursor:
        values["cursor"] = _decode_cursor(filters.cursor)
    return values


@lru_cache(maxsize=1024)
def _statement(citizen: bool, shape: frozenset[str]) -> Select[Any]:
    """The page statement of one shape; values: the filters', ``agencies`` or ``issuer``/``subject``,
    and ``size`` (the page size + 1, to know whether there is a next page)."""
    conditions = [build() for name, build in _CONDITIONS.items() if name in shape]
    # rendered into the SQL at execution (one prepared statement per page size): PostgreSQL plans
    # a statement without parameters once per connection instead of every execution
    size = bindparam("size", type_=Integer, literal_execute=True)
    ids: Any
    if citizen:
        ids = (
            select(Dossier.id)
            .where(owned_by(bindparam("issuer"), bindparam("subject")), *conditions)
            .order_by(Dossier.id.desc())
            .limit(size)
        )
    else:
        # rendered into the SQL too (the caller's agencies, from the signed token): one prepared
        # statement per set of agencies, planned for those values; as a parameter, a generic plan
        # made for the average agency read a department's page by walking every dossier
        agencies: BindParameter[str] = bindparam("agencies", expanding=True, literal_execute=True)
        branches = officer_link_pages(agencies, conditions, size)
        ids = union(*(branch.subquery().select() for branch in branches))
    page_ids = ids.subquery()
    step = Dossier.route.op("->")(Dossier.current_step)
    return (
        select(
            *(getattr(Dossier, name) for name in _COLUMNS),
            Procedure.code,
            Procedure.name,
            step.op("->>")("code"),
            step.op("->>")("name"),
            User.username,
        )
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .outerjoin(User, User.id == Dossier.assignee_id)
        .where(Dossier.id.in_(select(page_ids.c.id)))
        .order_by(Dossier.id.desc())
        .limit(size)
    )


async def worklist(
    session: AsyncSession, principal: Principal, filters: WorklistFilter
) -> tuple[list[DossierRow], str | None]:
    """A keyset page of the dossiers ``principal`` may see, newest first, with procedure names."""
    limit = max(1, min(filters.limit, PAGE_SIZE_MAX))
    values = _filter_values(principal, filters)
    statement = _statement(isinstance(principal, CitizenPrincipal), frozenset(values))
    if isinstance(principal, CitizenPrincipal):
        values.update(issuer=principal.issuer, subject=principal.subject)
    else:
        values["agencies"] = officer_agencies(principal)
    values["size"] = limit + 1
    rows = (await session.execute(statement, values)).all()
    page = [DossierRow(*row) for row in rows[:limit]]
    next_cursor = _encode_cursor(page[-1].id) if len(rows) > limit else None
    return page, next_cursor
