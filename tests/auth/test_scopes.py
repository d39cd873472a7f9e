"""The two scopes of administration (identity.scopes): the province's root, agency subtrees."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Forbidden
from app.models.catalog import Agency, AgencyKind
from app.models.user import Role
from app.services.identity import scopes
from app.services.identity.principals import OfficerPrincipal
from tests.conftest import PROVINCE_ROOT, OfficerFactory

COMMUNE = "000.31.00.H99"
OFFICE = "000.31.01.H99"  # below COMMUNE
DESK = "000.31.02.H99"  # below OFFICE
OTHER_COMMUNE = "000.32.00.H99"
POLICE = "000.00.21.H99"  # a vertical agency: no parent in the province's catalog


def _officer(*roles: tuple[str, Role]) -> OfficerPrincipal:
    return OfficerPrincipal(uuid.uuid4(), "can.bo", frozenset(roles), datetime.now(UTC))


@pytest.fixture
async def tree(session: AsyncSession) -> None:
    def agency(code: str, kind: AgencyKind, parent: str | None) -> Agency:
        return Agency(code=code, name=f"Cơ quan {code}", kind=kind, parent_code=parent)

    session.add(agency(PROVINCE_ROOT, AgencyKind.provincial_people_committee, None))
    session.add(agency(POLICE, AgencyKind.vertical_agency, None))
    await session.flush()
    session.add(agency(COMMUNE, AgencyKind.commune_people_committee, PROVINCE_ROOT))
    session.add(agency(OTHER_COMMUNE, AgencyKind.commune_people_committee, PROVINCE_ROOT))
    await session.flush()
    session.add(agency(OFFICE, AgencyKind.other, COMMUNE))
    await session.flush()
    session.add(agency(DESK, AgencyKind.other, OFFICE))
    await session.flush()


@pytest.mark.usefixtures("tree")
async def test_an_agency_administrator_administers_their_subtree_only(
    session: AsyncSession,
) -> None:
    admin = _officer((COMMUNE, Role.admin))
    for code in (COMMUNE, OFFICE, DESK):
        assert await scopes.administering_agency(session, admin, code, None) == COMMUNE
    for code in (OTHER_COMMUNE, PROVINCE_ROOT, POLICE, "unknown"):
        assert not await scopes.administers(session, admin, code, None)
    # the nearest administered ancestor is the one named
    both = _officer((COMMUNE, Role.admin), (OFFICE, Role.admin))
    assert await scopes.administering_agency(session, both, DESK, None) == OFFICE
    # a leader is no administrator, wherever
    assert not await scopes.administers(session, _officer((COMMUNE, Role.leader)), DESK, None)


@pytest.mark.usefixtures("tree")
async def test_the_province_administrator_is_the_admin_at_the_root(session: AsyncSession) -> None:
    # no setting: the one parentless provincial people's committee (the police has no parent too)
    assert await scopes.province_root(session, None) == PROVINCE_ROOT
    province = _officer((PROVINCE_ROOT, Role.admin))
    assert await scopes.is_province_admin(session, province, None)
    # everything is theirs, the vertical agencies and unknown codes included
    for code in (DESK, OTHER_COMMUNE, POLICE, "unknown"):
        assert await scopes.administering_agency(session, province, code, None) == PROVINCE_ROOT
    assert not await scopes.is_province_admin(session, _officer((COMMUNE, Role.admin)), None)
    assert not await scopes.is_province_admin(session, _officer((PROVINCE_ROOT, Role.leader)), None)
    # a configured root wins over the catalog
    assert await scopes.is_province_admin(session, _officer((POLICE, Role.admin)), POLICE)
    assert not await scopes.is_province_admin(session, province, POLICE)


async def test_without_a_single_root_nobody_is_province_administrator(
    session: AsyncSession,
) -> None:
    for code in (PROVINCE_ROOT, "000.00.00.K99"):  # two provinces' committees: ambiguous
        session.add(Agency(code=code, name="UBND", kind=AgencyKind.provincial_people_committee))
    await session.flush()
    assert await scopes.province_root(session, None) is None
    with pytest.raises(Forbidden) as refused:
        await scopes.require_province_admin(session, _officer((PROVINCE_ROOT, Role.admin)), None)
    assert refused.value.instance_code == "province_admin_required"


@pytest.mark.usefixtures("tree")
async def test_an_account_is_managed_by_administrators_of_all_its_agencies(
    session: AsyncSession,
) -> None:
    admin = _officer((COMMUNE, Role.admin))
    actor = await scopes.require_administers(session, admin, {DESK, OFFICE}, None)
    assert (actor.username, actor.agency) == ("can.bo", COMMUNE)
    with pytest.raises(Forbidden) as refused:
        await scopes.require_administers(session, admin, {DESK, OTHER_COMMUNE}, None)
    assert refused.value.instance_code == "agency_not_administered"
    assert OTHER_COMMUNE in refused.value.detail
    # an account without roles belongs to no subtree: the province administrator's
    with pytest.raises(Forbidden):
        await scopes.require_administers(session, admin, set(), None)
    province = _officer((PROVINCE_ROOT, Role.admin))
    assert (await scopes.require_administers(session, province, set(), None)).agency == (
        PROVINCE_ROOT
    )


@pytest.mark.usefixtures("tree")
async def test_user_management_reaches_down_the_subtree_over_http(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    commune_admin = await make_officer((COMMUNE, Role.admin))
    desk_officer = await make_officer((DESK, Role.receptionist))
    listing = await client.get(
        f"/api/v1/admin/agencies/{DESK}/users", headers=commune_admin.headers
    )
    assert [u["username"] for u in listing.json()] == [desk_officer.username]
    locked = await client.patch(
        f"/api/v1/admin/users/{desk_officer.username}",
        json={"active": False},
        headers=commune_admin.headers,
    )
    assert locked.status_code == 200, locked.text
    # granting a role above their subtree is refused, naming the agency
    promoted = await client.patch(
        f"/api/v1/admin/users/{desk_officer.username}",
        json={"roles": [{"agency": PROVINCE_ROOT, "role": "admin"}]},
        headers=commune_admin.headers,
    )
    assert promoted.status_code == 403
    assert promoted.json()["code"] == "agency_not_administered"
    # the office's own administrator cannot reach up to the commune's accounts
    office_admin = await make_officer((OFFICE, Role.admin))
    upward = await client.post(
        f"/api/v1/admin/users/{commune_admin.username}/revoke", headers=office_admin.headers
    )
    assert upward.status_code == 403
