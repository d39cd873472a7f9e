"""Public catalog endpoints and the admin endpoints, over HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from httpx import AsyncClient

from app.models.user import Role
from tests.catalog.sample import COMMUNE_AGENCY, CONSTRUCTION, OTHER_COMMUNE_AGENCY, sample_catalog
from tests.conftest import PROVINCE_ROOT, Officer, OfficerFactory

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
async def admin(make_officer: OfficerFactory) -> Officer:
    """The province administrator: units, agencies, fields and procedures are province-wide."""
    return await make_officer((PROVINCE_ROOT, Role.admin))


def _errors(response: Any) -> set[str]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return {e["field"] for e in response.json()["errors"]}


def _procedure_body(**changes: Any) -> dict[str, Any]:
    body = next(p for p in sample_catalog()["procedures"] if p["code"] == "1.001193")
    body = {k: v for k, v in body.items() if k not in ("version", "state")}
    body.update(code="1.999999", name="Thủ tục thử nghiệm")
    body.update(changes)
    return body


async def test_public_units_agencies_fields(client: AsyncClient) -> None:
    units = (await client.get("/api/v1/units", params={"parent": "H99"})).json()
    assert [u["code"] for u in units["items"]] == ["31", "32"]
    assert units["total"] == 2
    assert (await client.get("/api/v1/units/H99")).json()["kind"] == "province"
    assert (await client.get("/api/v1/units/XX")).status_code == 404

    desks = (await client.get("/api/v1/agencies", params={"receives_dossiers": True})).json()
    assert {a["code"] for a in desks["items"]} == {
        "000.00.01.H99",
        COMMUNE_AGENCY,
        OTHER_COMMUNE_AGENCY,
    }
    agency = (await client.get(f"/api/v1/agencies/{COMMUNE_AGENCY}")).json()
    assert (agency["unit"], agency["successor"]) == ("31", None)
    missing = await client.get("/api/v1/agencies/000.99.99.H99")
    assert (missing.status_code, missing.json()["code"]) == (404, "agency_not_found")
    fields = (await client.get("/api/v1/fields")).json()
    assert {"code": "HOTICH", "name": "Hộ tịch"} in fields


async def test_procedure_detail_with_applications(client: AsyncClient) -> None:
    body = (await client.get("/api/v1/procedures/1.001193")).json()
    assert body["name"] == "Thủ tục đăng ký khai sinh"
    assert body["processing_time"] == {"amount": "1", "unit": "working_days"}
    assert {a["agency"] for a in body["applications"]} == {COMMUNE_AGENCY, OTHER_COMMUNE_AGENCY}
    assert (await client.get("/api/v1/procedures/0.000000")).status_code == 404


async def test_admin_requires_the_admin_role(
    client: AsyncClient, make_officer: OfficerFactory
) -> None:
    assert (
        await client.post("/api/v1/admin/procedures", json=_procedure_body())
    ).status_code == 401
    clerk = await make_officer((COMMUNE_AGENCY, Role.receptionist))
    response = await client.post(
        "/api/v1/admin/procedures", json=_procedure_body(), headers=clerk.headers
    )
    assert response.status_code == 403


async def test_admin_validation_names_the_fields(client: AsyncClient, admin: Officer) -> None:
    bad = _procedure_body(
        name="   ",
        fees=[
            {"name": "Phí", "kind": "charge", "amount": -5},
            {"name": "Lệ phí", "kind": "levy", "amount": 1.5},
        ],
    )
    response = await client.post("/api/v1/admin/procedures", json=bad, headers=admin.headers)
    assert _errors(response) == {"name", "fees.0.amount", "fees.1.amount"}
    response = await client.post(
        "/api/v1/admin/procedures", json=_procedure_body(field="KHONGCO"), headers=admin.headers
    )
    assert _errors(response) == {"field"}
    assert (await client.get("/api/v1/procedures/1.999999")).status_code == 404


async def test_admin_procedure_lifecycle(client: AsyncClient, admin: Officer) -> None:
    created = await client.post(
        "/api/v1/admin/procedures", json=_procedure_body(), headers=admin.headers
    )
    assert created.status_code == 201, created.text
    assert (created.json()["version"], created.json()["state"]) == (1, "draft")
    assert (await client.get("/api/v1/procedures/1.999999")).status_code == 404  # draft: hidden
    base = "/api/v1/admin/procedures/1.999999/versions"
    published = await client.post(f"{base}/1/publish", headers=admin.headers)
    assert published.json()["current"] is True
    body = {k: v for k, v in _procedure_body(name="Thủ tục thử nghiệm mới").items() if k != "code"}
    changed = await client.put(
        "/api/v1/admin/procedures/1.999999", json=body, headers=admin.headers
    )
    assert (changed.json()["version"], changed.json()["state"]) == (2, "draft")
    assert (await client.get("/api/v1/procedures/1.999999")).json()["version"] == 1
    await client.post(f"{base}/2/publish", headers=admin.headers)
    assert (await client.get("/api/v1/procedures/1.999999")).json()["version"] == 2
    old = await client.get("/api/v1/procedures/1.999999", params={"version": 1})
    assert old.json()["name"] == "Thủ tục thử nghiệm"
    versions = (await client.get(base, headers=admin.headers)).json()
    assert [(v["version"], v["current"]) for v in versions] == [(1, False), (2, True)]
    again = await client.post(f"{base}/1/publish", headers=admin.headers)
    assert again.status_code == 200  # already published: no change
    bad_action = await client.post(f"{base}/1/delete", headers=admin.headers)
    assert bad_action.status_code == 422


async def _template(client: AsyncClient, admin: Officer, amounts: list[str], unit: str) -> int:
    steps = [
        {
            "code": f"S{i}",
            "name": f"Bước {i}",
            "runs_at": {"kind": "competent_agency"} if i else {"kind": "receiving_office"},
            "role": "specialist",
            "duration": {"amount": amount, "unit": unit},
        }
        for i, amount in enumerate(amounts)
    ]
    response = await client.post(
        "/api/v1/admin/templates",
        json={"code": "QT-THU", "name": "Quy trình thử", "kind": "single_agency", "steps": steps},
        headers=admin.headers,
    )
    assert response.status_code == 201, response.text
    version: int = response.json()["version"]
    return version


async def test_admin_application_rules(client: AsyncClient, make_officer: OfficerFactory) -> None:
    admin = await make_officer((COMMUNE_AGENCY, Role.admin), (CONSTRUCTION, Role.admin))
    three_quarters = await _template(client, admin, ["0.25", "0.5"], "working_days")
    one_day = await _template(client, admin, ["0.5", "0.5"], "working_days")
    hours = await _template(client, admin, ["4", "4"], "working_hours")
    assert (three_quarters, one_day, hours) == (1, 2, 3)
    url = "/api/v1/admin/applications"
    base = {
        "procedure": "1.000656",
        "agency": COMMUNE_AGENCY,
        "receiving_offices": [COMMUNE_AGENCY],
        "template": "QT-THU",
        "template_version": one_day,
        "effective_from": "2026-01-01",
    }

    async def post(**changes: Any) -> Any:
        return await client.post(url, json=base | changes, headers=admin.headers)

    assert _errors(await post(template_version=three_quarters)) == {"template_version"}
    mixed = await post(template_version=hours)
    assert mixed.json()["errors"][0]["code"] == "step_unit_mismatch"
    longer = await post(processing_time={"amount": "2", "unit": "working_days"})
    assert "processing_time.amount" in _errors(longer)
    assert _errors(await post(receiving_offices=["000.77.00.H99"])) == {"receiving_offices.0"}
    # the building permit leaves its levy to the province: the application must state it
    permit = {"procedure": "1.013225", "agency": CONSTRUCTION, "receiving_offices": [CONSTRUCTION]}
    permit_template = await _template(client, admin, ["5", "15"], "calendar_days")
    response = await post(**permit, template_version=permit_template)
    assert _errors(response) == {"fees"}
    ok = await post(
        **permit,
        template_version=permit_template,
        fees=[{"name": "Lệ phí cấp giấy phép xây dựng", "kind": "levy", "amount": 75000}],
    )
    assert ok.status_code == 201, ok.text
    created = await post()
    assert created.status_code == 201, created.text
    assert (await post()).status_code == 409  # exists: change it instead

    stranger = await make_officer((OTHER_COMMUNE_AGENCY, Role.admin))
    forbidden = await client.post(
        f"{url}/1.000656/{COMMUNE_AGENCY}/versions/1/publish", headers=stranger.headers
    )
    assert forbidden.status_code == 403
    published = await client.post(
        f"{url}/1.000656/{COMMUNE_AGENCY}/versions/1/publish", headers=admin.headers
    )
    assert published.json()["state"] == "published"


async def test_admin_units_and_agencies_refuse_cycles(client: AsyncClient, admin: Officer) -> None:
    province = {"name": "Tỉnh Mẫu", "kind": "province", "parent": "31"}  # 31's parent is H99
    assert _errors(
        await client.put("/api/v1/admin/units/H99", json=province, headers=admin.headers)
    ) == {"parent"}
    commune = {"name": "Xã Một mới", "kind": "commune", "parent": "H99", "valid_from": "2025-07-01"}
    ok = await client.put("/api/v1/admin/units/31", json=commune, headers=admin.headers)
    assert ok.json()["name"] == "Xã Một mới"
    agency = {"name": "UBND xã Một", "kind": "commune_people_committee", "unit": "31"}
    merged = await client.put(
        f"/api/v1/admin/agencies/{OTHER_COMMUNE_AGENCY}",
        json=agency | {"name": "UBND phường Hai", "replaced_by": COMMUNE_AGENCY},
        headers=admin.headers,
    )
    assert merged.status_code == 200, merged.text
    back = await client.put(
        f"/api/v1/admin/agencies/{COMMUNE_AGENCY}",
        json=agency | {"replaced_by": OTHER_COMMUNE_AGENCY},
        headers=admin.headers,
    )
    assert _errors(back) == {"replaced_by"}
    successor = (await client.get(f"/api/v1/agencies/{OTHER_COMMUNE_AGENCY}")).json()["successor"]
    assert successor == COMMUNE_AGENCY


async def test_admin_codes_are_bounded(client: AsyncClient, admin: Officer) -> None:
    long_code = "X" * 65
    response = await client.put(
        f"/api/v1/admin/fields/{long_code}", json={"name": "Lĩnh vực"}, headers=admin.headers
    )
    assert _errors(response) == {"code"}
    ok = await client.put(
        "/api/v1/admin/fields/MOI", json={"name": "Lĩnh vực mới"}, headers=admin.headers
    )
    assert ok.json() == {"code": "MOI", "name": "Lĩnh vực mới"}
