"""A demo that completes its own processes (issue 13): an officer for every (agency, role) the demo
process templates route through, and the demo building permit from submission to return with only
the demo's own accounts; the README's table of who may take which action is the lifecycle table's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.demo import seed as demo
from app.services.dossiers.lifecycle_doc import readme_section
from tests.dossiers.conftest import BUILDING, CENTRE, CONSTRUCTION, World

README = Path(__file__).resolve().parents[2] / "README.md"


def _routed_pairs(catalog: dict[str, Any]) -> set[tuple[str, str]]:
    """Every (agency, role) a step of a demo application can run at."""
    templates = {(t["code"], t["version"]): t for t in catalog["templates"]}
    communes = [a["code"] for a in catalog["agencies"] if a["kind"] == "commune_people_committee"]
    pairs: set[tuple[str, str]] = set()
    for application in catalog["applications"]:
        where: dict[str, list[str]] = {}
        template = templates[(application["template"], application["template_version"])]
        for step in template["steps"]:
            agencies = _agencies(step["runs_at"], application, communes, where)
            where[step["code"]] = agencies
            pairs.update((agency, step["role"]) for agency in agencies)
    return pairs


def _agencies(
    runs_at: dict[str, Any],
    application: dict[str, Any],
    communes: list[str],
    where: dict[str, list[str]],
) -> list[str]:
    kind = runs_at["kind"]
    if kind == "receiving_office":
        return list(application["receiving_offices"])
    if kind == "competent_agency":
        return [application["agency"]]
    if kind == "fixed":
        return [runs_at["agency"]]
    if kind == "subject_unit_agency":
        return communes  # any commune of the province may be where the subject lies
    return where[runs_at["step"]]


def test_every_agency_the_demo_routes_through_has_an_officer_of_each_role() -> None:
    catalog = json.loads(demo.DEMO_CATALOG.read_text(encoding="utf-8"))
    accounts = {
        (role["agency"], role["role"])
        for account in demo.demo_accounts()["accounts"]
        for role in account["roles"]
    }
    missing = sorted(_routed_pairs(catalog) - accounts)
    assert not missing, f"no demo officer for {missing}"


async def test_the_demo_building_permit_goes_from_submission_to_return(world: World) -> None:
    citizen = await world.citizen("demo-builder")
    submitted = await world.submit_online(citizen, BUILDING, CONSTRUCTION, receiving_office=CENTRE)
    assert submitted.status_code == 201, submitted.text
    code = submitted.json()["code"]
    for account, action in (
        ("tiepnhan", "receive"),
        ("tiepnhan", "forward"),  # S1 -> S2 Sở Xây dựng
        ("chuyenvien.xaydung", "forward"),  # S2 -> S3 Sở Nông nghiệp và Môi trường
        ("chuyenvien.moitruong", "forward"),  # S3 -> S4 lãnh đạo Sở Xây dựng
        ("lanhdao.xaydung", "resolve"),  # -> S5 trả kết quả tại Trung tâm
        ("tiepnhan", "return_result"),
    ):
        response = await world.act(code, action, await world.officer(account))
        assert response.status_code == 200, (account, action, response.text)
    dossier = (await world.get(code, citizen)).json()
    assert dossier["status"] == "returned"
    rated = await world.act(code, "rate", citizen, rating=5)
    assert rated.status_code == 200, rated.text


def test_the_readme_table_of_who_may_act_is_the_lifecycle_tables() -> None:
    assert readme_section() in README.read_text(encoding="utf-8"), (
        "README.md is stale: paste the output of python -m app.services.dossiers.lifecycle_doc"
    )
