"""The demo catalog file (app/demo/catalog.json): format, references, durations, fees, sources.

Pure Python: the file is what the demo start loads, so its consistency is checked without a database.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest

from app.demo import build_catalog

CATALOG_PATH = Path(build_catalog.__file__).with_name("catalog.json")
SEED_PATH = Path("/work/shared/reference/procedures-seed.json")  # not in the repository

# Records procedures-seed.json marks `verified: false` (its catalogue-only ones are left out).
SEED_UNVERIFIED = {"2.000986", "1.004194", "1.013831", "1.012812", "1.001612"}

REQUIRED_AGENCIES = {
    "000.00.00.H99": "provincial_people_committee",
    "000.00.01.H99": "service_centre",
    "000.00.11.H99": "provincial_department",
    "000.00.12.H99": "provincial_department",
    "000.00.13.H99": "provincial_department",
    "000.00.14.H99": "provincial_department",
    "000.31.00.H99": "commune_people_committee",
    "000.32.00.H99": "commune_people_committee",
    "000.33.00.H99": "commune_people_committee",
}
UNIT_KINDS = {"province", "commune", "ward", "special_zone"}
AGENCY_KINDS = {
    "ministry",
    "provincial_people_committee",
    "provincial_department",
    "service_centre",
    "commune_people_committee",
    "vertical_agency",
    "other",
}
DURATION_UNITS = {"working_days", "working_hours", "calendar_days"}
RUNS_AT = {"fixed", "receiving_office", "competent_agency", "subject_unit_agency", "same_as"}
ROLES = {"receptionist", "specialist", "leader"}
TEMPLATE_KINDS = {"single_agency", "same_level", "cross_level"}


@pytest.fixture(scope="module")
def catalog() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CATALOG_PATH.read_text(encoding="utf-8"))
    return data


def by_code(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    codes = Counter(item["code"] for item in items)
    assert [code for code, n in codes.items() if n > 1] == []
    return {item["code"]: item for item in items}


def decimal(text: Any) -> Decimal:
    assert isinstance(text, str), f"duration amounts are decimal strings, got {text!r}"
    try:
        value = Decimal(text)
    except InvalidOperation:
        pytest.fail(f"not a decimal: {text!r}")
    assert value.is_finite()
    assert value > 0
    return value


def is_amount(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def test_format_and_demo_marking(catalog: dict[str, Any]) -> None:
    assert catalog["format"] == "motcua.catalog/v2"
    assert catalog["demo"] is True
    assert set(catalog) <= {
        "format",
        "demo",
        "units",
        "agencies",
        "fields",
        "procedures",
        "templates",
        "applications",
    }
    assert all("(demo)" in unit["name"] for unit in catalog["units"])


def test_province_communes_and_agencies(catalog: dict[str, Any]) -> None:
    units = by_code(catalog["units"])
    agencies = by_code(catalog["agencies"])
    assert units["H99"]["kind"] == "province"
    assert units["H99"]["parent"] is None
    assert {u["kind"] for u in units.values()} <= UNIT_KINDS
    communes = [u for u in units.values() if u["kind"] in {"commune", "ward", "special_zone"}]
    assert len(communes) >= 3
    for code, kind in REQUIRED_AGENCIES.items():
        assert agencies[code]["kind"] == kind, code
    assert agencies["000.00.01.H99"]["receives_dossiers"] is True
    departments = [a for a in agencies.values() if a["kind"] == "provincial_department"]
    assert len(departments) >= 4
    for agency in agencies.values():
        assert agency["kind"] in AGENCY_KINDS
        assert agency["unit"] in units
        assert agency["parent"] is None or agency["parent"] in agencies
        if agency["kind"] == "commune_people_committee":
            assert agency["receives_dossiers"] is True
            assert units[agency["unit"]]["kind"] != "province"
    for unit in units.values():
        assert unit["parent"] is None or unit["parent"] in units
    served = {a["unit"] for a in agencies.values() if a["kind"] == "commune_people_committee"}
    assert {u["code"] for u in communes} <= served


def test_procedures_are_real_records_with_sources(catalog: dict[str, Any]) -> None:
    procedures = catalog["procedures"]
    assert len(procedures) >= 30
    fields = by_code(catalog["fields"])
    assert len({(p["code"], p["version"]) for p in procedures}) == len(procedures)
    for procedure in procedures:
        code = procedure["code"]
        assert procedure["sources"], code
        for source in procedure["sources"]:
            assert source["title"], code
            assert source["url"].startswith("https://"), code
        assert procedure["field"] in fields
        assert procedure["state"] == "published"
        assert procedure["online_level"] in {"full", "partial", "none"}
        assert procedure["fees_due"] in {"on_submission", "on_request", "on_return"}
        assert procedure["processing_time"]["unit"] in DURATION_UNITS
        decimal(procedure["processing_time"]["amount"])
        online = procedure["online_processing_time"]
        if online is not None:
            assert online["unit"] in DURATION_UNITS
            decimal(online["amount"])
        assert procedure["documents"], code
        document_codes = [d["code"] for d in procedure["documents"]]
        assert len(set(document_codes)) == len(document_codes)
        for document in procedure["documents"]:
            assert is_amount(document["originals"])
            assert is_amount(document["certified_copies"])
            assert is_amount(document["copies"])
            assert isinstance(document["mandatory"], bool)
            assert isinstance(document["presented_only"], bool)
            assert document["channels"] is None or set(document["channels"]) <= {
                "desk",
                "online",
                "postal",
            }
        for channel, time in procedure["processing_time_by_channel"].items():
            assert channel in {"desk", "online", "postal"}
            assert time["unit"] in DURATION_UNITS
            decimal(time["amount"])
        assert procedure["online_processing_time"] == procedure["processing_time_by_channel"].get(
            "online"
        )
        assert isinstance(procedure["verified"], bool)


def test_unverified_seed_records_stay_unverified(catalog: dict[str, Any]) -> None:
    procedures = by_code(catalog["procedures"])
    for code in SEED_UNVERIFIED & procedures.keys():
        assert procedures[code]["verified"] is False, code
    # records whose processing time the demo had to supply are not verified either
    for code in build_catalog.DEMO_TIMES:
        assert procedures[code]["verified"] is False
        assert "Demo processing time" in procedures[code]["notes"]


def test_fees(catalog: dict[str, Any]) -> None:
    applications: dict[str, list[dict[str, Any]]] = {}
    for application in catalog["applications"]:
        applications.setdefault(application["procedure"], []).append(application)
    for procedure in catalog["procedures"]:
        code = procedure["code"]
        unfixed = False
        for fee in procedure["fees"]:
            assert fee["kind"] in {"charge", "levy"}
            assert isinstance(fee["requires_confirmation"], bool)
            if fee.get("tiers"):  # priced by the rule's tiers (docs/payments.md)
                assert fee["amount"] is None, code
                assert all(is_amount(tier["amount"]) for tier in fee["tiers"]), code
            elif fee["amount"] is None:
                unfixed = True
            else:
                assert is_amount(fee["amount"]), code
        if unfixed:  # amount set by the provincial HĐND or a circular: every application sets it
            for application in applications[code]:
                assert application["fees"], (code, application["agency"])
        for application in applications.get(code, []):
            for fee in application["fees"] or []:
                assert fee["kind"] in {"charge", "levy"}
                if fee.get("tiers"):  # priced by the rule's tiers (docs/payments.md)
                    assert all(is_amount(tier["amount"]) for tier in fee["tiers"]), (code, fee)
                else:
                    assert is_amount(fee["amount"]), (code, fee)
                assert fee["condition"], (code, fee)
    demo_marked = [
        fee
        for application in catalog["applications"]
        for fee in application["fees"] or []
        if "demo" in (fee["condition"] or "")
    ]
    assert demo_marked


def test_templates_are_well_formed(catalog: dict[str, Any]) -> None:
    templates = catalog["templates"]
    agencies = by_code(catalog["agencies"])
    assert len({(t["code"], t["version"]) for t in templates}) == len(templates)
    for template in templates:
        assert template["kind"] in TEMPLATE_KINDS
        seen: list[str] = []
        for step in template["steps"]:
            runs_at = step["runs_at"]
            assert runs_at["kind"] in RUNS_AT
            if runs_at["kind"] == "fixed":
                assert runs_at["agency"] in agencies
            if runs_at["kind"] == "same_as":
                assert runs_at["step"] in seen, (template["code"], step["code"])
            assert step["role"] in ROLES
            assert step["duration"]["unit"] in DURATION_UNITS
            decimal(step["duration"]["amount"])
            assert step["code"] not in seen
            seen.append(step["code"])


def test_applications_resolve_and_durations_add_up(catalog: dict[str, Any]) -> None:
    procedures = {(p["code"], p["version"]): p for p in catalog["procedures"]}
    agencies = by_code(catalog["agencies"])
    templates = {(t["code"], t["version"]): t for t in catalog["templates"]}
    keys = [(a["procedure"], a["agency"], a["version"]) for a in catalog["applications"]]
    assert len(set(keys)) == len(keys)
    applied = set()
    kinds_used = set()
    for application in catalog["applications"]:
        procedure = procedures[(application["procedure"], 1)]
        applied.add(procedure["code"])
        assert application["agency"] in agencies
        assert application["state"] == "published"
        assert application["receiving_offices"]
        for office in application["receiving_offices"]:
            assert agencies[office]["receives_dossiers"] is True, office
        national = procedure["processing_time"]
        local = application["processing_time"]
        if local is not None:
            assert local["unit"] == national["unit"]
            assert decimal(local["amount"]) <= decimal(national["amount"])
        time = local or national
        template = templates[(application["template"], application["template_version"])]
        kinds_used.add(template["kind"])
        units = {s["duration"]["unit"] for s in template["steps"]}
        assert units == {time["unit"]}, application
        total = sum((decimal(s["duration"]["amount"]) for s in template["steps"]), Decimal(0))
        assert total == decimal(time["amount"]), (application["procedure"], template["code"])
    assert applied == {p["code"] for p in catalog["procedures"]}
    assert kinds_used == TEMPLATE_KINDS
    assert any(a["processing_time"] is not None for a in catalog["applications"])


def test_cross_level_template_goes_commune_province_commune(catalog: dict[str, Any]) -> None:
    agencies = by_code(catalog["agencies"])
    templates = {t["code"]: t for t in catalog["templates"]}
    found = False
    for application in catalog["applications"]:
        template = templates[application["template"]]
        if template["kind"] != "cross_level":
            continue
        offices = {agencies[o]["kind"] for o in application["receiving_offices"]}
        fixed = {
            agencies[s["runs_at"]["agency"]]["unit"]
            for s in template["steps"]
            if s["runs_at"]["kind"] == "fixed"
        }
        if "commune_people_committee" in offices and "H99" in fixed:
            assert template["steps"][-1]["runs_at"]["kind"] == "receiving_office"
            found = True
    assert found


@pytest.mark.skipif(not SEED_PATH.exists(), reason="procedures-seed.json is not available here")
def test_the_committed_file_is_what_the_script_builds(tmp_path: Path) -> None:
    output = tmp_path / "catalog.json"
    assert build_catalog.main([str(SEED_PATH), "--output", str(output)]) == 0
    assert output.read_text(encoding="utf-8") == CATALOG_PATH.read_text(encoding="utf-8")
    seed = json.loads(SEED_PATH.read_text(encoding="utf-8"))
    assert {r["code"] for r in seed if not r["verified"]} >= SEED_UNVERIFIED
