"""The two scopes of administration, in one place (DESIGN.md section 3; issue 11).

* The **province administrator** is an officer with the ``admin`` role at the province's root agency
  (``Settings.province_root_agency``, or else the one agency without a parent whose kind is
  ``provincial_people_committee``). Province-wide data is theirs alone: administrative units,
  agencies, fields, national procedure records with their versions and publication, the working
  calendar, the outbox (status, dead letters, replay) and the admin audit log.
* An **agency administrator** (``admin`` at some agency) manages its own agency's *subtree*: the
  agency and every agency below it by ``parent_code``. That covers procedure applications, process
  templates whose fixed steps stay inside the subtree, and the accounts whose roles all lie in it.
  The province administrator administers every agency.

Routers never decide scopes: they use the dependencies of ``app.security`` built on these functions,
or call ``require_administers`` for an agency named in a body. Every grant answers the agency whose
role allowed it, which the audit log records as the actor's agency.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Forbidden, ProblemCode
from app.models.catalog import Agency, AgencyKind
from app.models.user import Role
from app.services.identity.principals import OfficerPrincipal
from app.services.system.audit import AuditActor

# agency trees are shallow (province, department, office); a deeper walk means a corrupt cycle
_MAX_DEPTH = 32


async def province_root(session: AsyncSession, configured: str | None) -> str | None:
    """The province's root agency: the configured one, else the only parentless provincial
    people's committee of the catalog (None when there is none or more than one)."""
    if configured:
        return configured
    roots = list(
        await session.scalars(
            select(Agency.code)
            .where(
                Agency.parent_code.is_(None),
                Agency.kind == AgencyKind.provincial_people_committee,
            )
            .limit(2)
        )
    )
    return roots[0] if len(roots) == 1 else None


async def province_admin_agency(
    session: AsyncSession, officer: OfficerPrincipal, configured_root: str | None
) -> str | None:
    """The root agency when ``officer`` is the province administrator, else None."""
    if not officer.agencies_with(Role.admin):
        return None  # no query for an officer who administers nothing
    root = await province_root(session, configured_root)
    return root if root is not None and officer.has_role(root, Role.admin) else None


async def is_province_admin(
    session: AsyncSession, officer: OfficerPrincipal, configured_root: str | None
) -> bool:
    return await province_admin_agency(session, officer, configured_root) is not None


async def ancestors(session: AsyncSession, agency_code: str) -> list[str]:
    """``agency_code`` then its parent, grandparent, ... up to its tree's root (nearest first).

    A code the catalog does not know is its own only ancestor.
    """
    chain = [agency_code]
    while len(chain) <= _MAX_DEPTH:
        parent = await session.scalar(select(Agency.parent_code).where(Agency.code == chain[-1]))
        if parent is None or parent in chain:
            break
        chain.append(parent)
    return chain


async def administering_agency(
    session: AsyncSession,
    officer: OfficerPrincipal,
    agency_code: str,
    configured_root: str | None,
) -> str | None:
    """The agency whose ``admin`` role lets ``officer`` administer ``agency_code``: the nearest of
    the agency and its ancestors where they are admin, or the root for the province administrator;
    None when they may not."""
    administered = officer.agencies_with(Role.admin)
    if not administered:
        return None
    for code in await ancestors(session, agency_code):
        if code in administered:
            return code
    return await province_admin_agency(session, officer, configured_root)


async def administers(
    session: AsyncSession,
    officer: OfficerPrincipal,
    agency_code: str,
    configured_root: str | None,
) -> bool:
    """``officer`` administers ``agency_code``: it lies in the subtree of an agency where they are
    admin, or they are the province administrator."""
    return await administering_agency(session, officer, agency_code, configured_root) is not None


async def require_administers(
    session: AsyncSession,
    officer: OfficerPrincipal,
    agency_codes: Iterable[str],
    configured_root: str | None,
) -> AuditActor:
    """Every agency of ``agency_codes`` is administered by ``officer`` (403
    ``agency_not_administered`` naming the others); answers the actor the audit log records, with
    the agency whose role allowed the first of them (sorted). No agency at all (an account without
    roles) is the province administrator's business."""
    if not set(agency_codes):
        return await require_province_admin(session, officer, configured_root)
    granted: dict[str, str] = {}
    outside = []
    for code in sorted(set(agency_codes)):
        by = await administering_agency(session, officer, code, configured_root)
        if by is None:
            outside.append(code)
        else:
            granted[code] = by
    if outside:
        raise Forbidden(
            "Chỉ được quản lý tại cơ quan mà bạn quản trị (cơ quan đó hoặc cơ quan cấp dưới): "
            + ", ".join(outside),
            code=ProblemCode.agency_not_administered,
        )
    first = next(iter(granted.values()), None)
    return AuditActor(officer.username, first)


async def require_province_admin(
    session: AsyncSession, officer: OfficerPrincipal, configured_root: str | None
) -> AuditActor:
    """``officer`` is the province administrator (403 ``province_admin_required``); answers the
    actor the audit log records (the root agency)."""
    root = await province_admin_agency(session, officer, configured_root)
    if root is None:
        raise Forbidden(
            "Chỉ quản trị cấp tỉnh (quản trị tại cơ quan gốc của tỉnh) mới được thực hiện thao "
            "tác này.",
            code=ProblemCode.province_admin_required,
        )
    return AuditActor(officer.username, root)


async def require_admin_somewhere(
    session: AsyncSession, officer: OfficerPrincipal, configured_root: str | None
) -> AuditActor:
    """``officer`` is an administrator of at least one agency (403 ``admin_required``); the actor's
    agency is the root for the province administrator, else the first agency they administer."""
    administered = officer.agencies_with(Role.admin)
    if not administered:
        raise Forbidden(
            "Thao tác này chỉ dành cho quản trị của cơ quan.", code=ProblemCode.admin_required
        )
    root = await province_admin_agency(session, officer, configured_root)
    return AuditActor(officer.username, root or min(administered))
