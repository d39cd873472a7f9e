"""The OpenAPI document is good enough for generated clients (issue 18, acceptance 4).

No operation lacks an operation id, a description saying who may call it, a response schema or its
error responses; every body is a named schema with an example valid against it; enums are named;
each operation declares the tokens its audience holds (``app.callers``).
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema_rs
import pytest
from fastapi.routing import APIRoute, iter_route_contexts

from app.callers import CITIZEN_SCHEME, OFFICER_SCHEME, SECURITY, audience_of
from app.main import create_app
from app.openapi_docs import WHO_LABEL
from app.openapi_export import render, settings_for_export

PROBLEM = "application/problem+json"
HTTP_METHODS = {"get", "put", "post", "delete", "patch"}
REF = "#/components/schemas/"

# Operations that declare no problem+json error: each answers in a protocol that is not ours.
NO_PROBLEMS = {
    "vnpay_ipn": "VNPay's protocol: HTTP 200 with RspCode/Message whatever happened",
    "zalopay_callback": "ZaloPay's protocol: HTTP 200 with return_code/return_message",
    "momo_ipn": "MoMo's protocol: 204, or a bodiless 4xx/500",
    "national_payment_callback": "the national platform adapter's protocol: HTTP 200 with code/message",
}
# Media types whose body is text (a string); any other non-JSON answer is binary.
TEXT_MEDIA = ("text/",)


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(render())
    return document


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, methods in spec["paths"].items()
        for method, operation in methods.items()
        if method in HTTP_METHODS
    ]


def _named(schema: dict[str, Any]) -> bool:
    """A reference to a component schema, or an array of them."""
    if "$ref" in schema:
        return bool(schema["$ref"].startswith(REF))
    return schema.get("type") == "array" and "$ref" in schema.get("items", {})


def test_every_operation_has_an_id_and_a_description_saying_who_may_call(
    spec: dict[str, Any],
) -> None:
    for path, method, operation in _operations(spec):
        where = (path, method)
        assert operation.get("operationId"), where
        description = operation.get("description", "")
        what, _, who = description.partition(WHO_LABEL)
        assert len(what.strip()) >= 30, f"{where}: say what it does (the endpoint's docstring)"
        assert who.strip(), where
        assert "\n\n" not in description, f"{where}: one paragraph"


def test_every_answer_with_a_body_has_a_schema(spec: dict[str, Any]) -> None:
    for path, method, operation in _operations(spec):
        for status, response in operation["responses"].items():
            if not status.startswith("2"):
                continue
            for media, content in response.get("content", {}).items():
                where = (path, method, status, media)
                schema = content.get("schema")
                assert schema, f"{where}: no schema"
                if media == "application/json":
                    assert _named(schema), f"{where}: an anonymous JSON body {schema}"
                elif media.startswith(TEXT_MEDIA):
                    assert schema == {"type": "string"}, where
                else:
                    assert schema == {"type": "string", "format": "binary"}, where


def test_every_request_body_is_a_named_schema(spec: dict[str, Any]) -> None:
    for path, method, operation in _operations(spec):
        for media, content in operation.get("requestBody", {}).get("content", {}).items():
            assert _named(content.get("schema", {})), (path, method, media)
    names = spec["components"]["schemas"]
    assert not [name for name in names if name.startswith("Body_") or "_" in name], names


def test_every_operation_declares_its_errors_as_problems(spec: dict[str, Any]) -> None:
    for path, method, operation in _operations(spec):
        problems = [
            status
            for status, response in operation["responses"].items()
            if status.startswith("4") and PROBLEM in response.get("content", {})
        ]
        if operation["operationId"] in NO_PROBLEMS:
            assert problems == [], path
            assert "protocol" in operation["description"], path  # documented instead
        else:
            assert problems, (path, method)


def _examples(schema: dict[str, Any]) -> list[Any]:
    found = list(schema.get("examples") or [])
    if "example" in schema:
        found.append(schema["example"])
    return found


def test_every_component_schema_has_an_example_valid_against_it(spec: dict[str, Any]) -> None:
    components = spec["components"]
    missing, invalid = [], []
    for name, schema in components["schemas"].items():
        examples = _examples(schema)
        if not examples:
            missing.append(name)
        validator = jsonschema_rs.Draft202012Validator(
            {"$ref": REF + name, "components": components}, validate_formats=True
        )
        for example in examples:
            errors = [error.message for error in validator.iter_errors(example)]
            if errors:
                invalid.append(f"{name}: {errors[:3]}")
    assert missing == [], "give these schemas an example (a model's or its fields')"
    assert invalid == [], "\n".join(invalid)


def _inline_enums(node: Any, where: str) -> list[str]:
    found = []
    if isinstance(node, dict):
        if "enum" in node:
            found.append(where)
        for key, value in node.items():
            found.extend(_inline_enums(value, f"{where}/{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_inline_enums(value, f"{where}/{index}"))
    return found


# the national portal's own codes, one field each, in the portal's vocabulary
PORTAL_CODES = {
    "ForwardedDossier/properties/LoaiDoiTuong",
    "ForwardedDossier/properties/HinhThuc",
}


def test_enums_are_named(spec: dict[str, Any]) -> None:
    """An enum is a component of its own, never repeated inline (a client's type per enum)."""
    inline = []
    for name, schema in spec["components"]["schemas"].items():
        if "enum" in schema:
            continue
        inline.extend(_inline_enums(schema, name))
    for path, method, operation in _operations(spec):
        for key in ("requestBody", "responses"):
            inline.extend(_inline_enums(operation.get(key, {}), f"{path} {method} {key}"))
    assert sorted(set(inline) - PORTAL_CODES) == []


def test_operations_declare_the_tokens_of_their_audience(spec: dict[str, Any]) -> None:
    schemes = spec["components"]["securitySchemes"]
    assert schemes[OFFICER_SCHEME]["type"] == "oauth2"
    assert schemes[OFFICER_SCHEME]["flows"]["password"]["tokenUrl"] == "/api/v1/auth/token"
    assert schemes[CITIZEN_SCHEME] | {"description": ""} == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "",
    }
    assert "/api/v1/dev/citizen-token" in schemes[CITIZEN_SCHEME]["description"]
    app = create_app(settings_for_export())
    seen = set()
    for context in iter_route_contexts(app.routes):
        route = context.route
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        expected = SECURITY.get(audience_of(route), [])
        for method in route.methods or ():
            operation = spec["paths"][route.path_format][method.lower()]
            assert operation.get("security", []) == expected, route.operation_id
            seen.add(json.dumps(expected))
    # officers only, citizens only, either, and none all occur
    assert len(seen) == 4, seen


# What a citizen's app shows: every field is described in Vietnamese beside its English name.
CITIZEN_FACING = (
    "DossierCreate", "Applicant", "Submitter", "DocumentInput", "SupplementItem", "FeeChoice",
    "ActionRequest", "DossierRead", "DossierSummary", "DossierPage", "DossierDocumentRead",
    "FeeLineRead", "StepRead", "ResultReturnRead", "EventsRead", "EventRead", "StepProgress",
    "LookupRead", "DeviceRating", "DeviceRatingRead", "PaymentCreate", "PaymentRead", "UploadRead",
    "UploadForm", "ProcedureSummary", "ProcedureDetail", "Document", "Fee", "Source",
    "Duration-Output",
)  # fmt: skip


def test_citizen_facing_fields_are_described(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    undescribed = [
        f"{name}.{field}"
        for name in CITIZEN_FACING
        for field, schema in schemas[name]["properties"].items()
        if not schema.get("description")
    ]
    assert undescribed == []
