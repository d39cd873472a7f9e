"""Statistics periods and scopes (issue 17): Asia/Ho_Chi_Minh dates; who sees which agencies."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Forbidden, NotFound, ProblemCode, ValidationFailed
from app.models.catalog import Agency
from app.models.user import Role
from app.services.identity import scopes
from app.services.identity.principals import OfficerPrincipal


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both included (local dates)."""

    label: str
    start: date
    end: date

    def judged_at(self, today: date) -> date:
        """The day open dossiers are judged at: the period's end, or today for the running one."""
        return min(self.end, today)


_PATTERN = re.compile(r"^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$")


def parse_period(value: str) -> Period:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-Qn``."""
    match = _PATTERN.match(value)
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        raise ValidationFailed(
            "Kỳ thống kê không hợp lệ: dùng YYYY, YYYY-MM hoặc YYYY-Qn.",
            code=ProblemCode.period_invalid,
        )
    year = int(match.group(1))
    if match.group(2):
        month = int(match.group(2))
        first, months = date(year, month, 1), 1
    elif match.group(3):
        first, months = date(year, 3 * int(match.group(3)) - 2, 1), 3
    else:
        first, months = date(year, 1, 1), 12
    last_month = first.month + months
    after = date(year + (last_month - 1) // 12, (last_month - 1) % 12 + 1, 1)
    return Period(value, first, after - timedelta(days=1))


def months_of(year: int) -> list[Period]:
    return [parse_period(f"{year}-{m:02d}") for m in range(1, 13)]


async def subtree(session: AsyncSession, roots: set[str]) -> set[str]:
    """The agencies and every agency below them."""
    found = set(roots)
    frontier = set(roots)
    while frontier:
        children = set(
            await session.scalars(select(Agency.code).where(Agency.parent_code.in_(frontier)))
        )
        frontier = children - found
        found |= frontier
    return found


async def scope_of(
    session: AsyncSession, officer: OfficerPrincipal, configured_root: str | None
) -> set[str] | None:
    """The agencies whose statistics ``officer`` reads: None (everything) for the province
    administrator and the leaders of the province's root agency; else the agencies of their roles
    and every agency below them."""
    root = await scopes.province_root(session, configured_root)
    if root is not None and officer.has_role(root, Role.admin, Role.leader):
        return None
    return await subtree(session, {agency for agency, _ in officer.roles})


async def narrow(
    session: AsyncSession, scope: set[str] | None, agency: str | None
) -> set[str] | None:
    """The caller's scope narrowed to ``agency`` and its subtree (403 outside the scope)."""
    if agency is None:
        return scope
    if await session.get(Agency, agency) is None:
        raise NotFound("Không tìm thấy cơ quan.", code=ProblemCode.agency_not_found)
    below = await subtree(session, {agency})
    if scope is not None and agency not in scope:
        raise Forbidden(
            "Cơ quan này nằm ngoài phạm vi thống kê của bạn.", code=ProblemCode.not_officer_here
        )
    return below
