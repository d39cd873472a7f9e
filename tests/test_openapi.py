"""The committed OpenAPI document is the one the code produces."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.errors import ProblemCode, title_of
from app.openapi_export import render
from app.schemas.common import Problem

SPEC = Path(__file__).resolve().parents[1] / "openapi" / "openapi.json"


def test_committed_spec_is_current() -> None:
    assert SPEC.exists(), "run `make openapi` and commit openapi/openapi.json"
    assert SPEC.read_text(encoding="utf-8") == render(), (
        "openapi/openapi.json is stale: run `make openapi` and commit it"
    )


def test_operations_have_ids_tags_and_summaries() -> None:
    spec = json.loads(render())
    seen: set[str] = set()
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            op_id = operation.get("operationId")
            assert op_id and op_id.replace("_", "").isalnum(), (path, method)
            assert op_id not in seen, f"duplicate operationId {op_id}"
            seen.add(op_id)
            assert operation.get("tags"), (path, method)
            assert operation.get("summary"), (path, method)
    assert "Problem" in spec["components"]["schemas"]


# --- errors as a contract: every operation declares the problems it can return --------------------

PROBLEM = "application/problem+json"
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}
# answers that are not problem documents, each with its reason
NOT_PROBLEMS = {
    ("/ready", "get", "503"): "readiness answers with its checks, not a problem",
    # a gateway's callback answers in its own protocol: MoMo's refusals are bodiless (issue 15)
    **{
        ("/api/v1/payments/momo/ipn", "post", status): "MoMo's protocol: no body"
        for status in ("400", "401", "404", "422", "500")
    },
}


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


def _examples(
    operation: dict[str, Any], spec: dict[str, Any]
) -> list[tuple[str, str, dict[str, Any]]]:
    """(status, example name, example body) of every problem the operation declares."""
    found = []
    for status, response in operation["responses"].items():
        examples = response.get("content", {}).get(PROBLEM, {}).get("examples", {})
        for name, example in examples.items():
            ref = example.get("$ref", "")
            if ref:
                assert ref.startswith("#/components/examples/"), ref
                example = spec["components"]["examples"][ref.rsplit("/", 1)[1]]
            found.append((status, name, example["value"]))
    return found


def test_every_error_response_is_a_problem_with_examples(spec: dict[str, Any]) -> None:
    for path, method, operation in _operations(spec):
        for status, response in operation["responses"].items():
            if int(status) < 400 or (path, method, status) in NOT_PROBLEMS:
                continue
            assert list(response["content"]) == [PROBLEM], (path, method, status)
            media = response["content"][PROBLEM]
            assert media["schema"] == {"$ref": "#/components/schemas/Problem"}
            assert media["examples"], (path, method, status)
    assert "HTTPValidationError" not in json.dumps(spec)


def test_examples_carry_their_http_status_and_a_code_of_it(spec: dict[str, Any]) -> None:
    for path, method, operation in _operations(spec):
        for status, name, body in _examples(operation, spec):
            where = (path, method, status, name)
            assert type(body["status"]) is int and body["status"] == int(status), where
            code = ProblemCode(body["code"])  # a member, or ValueError
            assert name == code and code.status == int(status), where
            assert body["title"] == title_of(code), where
            assert body["type"] == f"urn:motcua:problem:{code}", where
            Problem.model_validate(body)


def test_no_operation_repeats_an_error_example(spec: dict[str, Any]) -> None:
    for path, method, operation in _operations(spec):
        bodies = [json.dumps(body, sort_keys=True) for _, _, body in _examples(operation, spec)]
        assert len(bodies) == len(set(bodies)), (path, method)


def test_problem_code_is_a_named_open_enum(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert schemas["ProblemCode"]["enum"] == [code.value for code in ProblemCode]
    problem = schemas["Problem"]
    code = problem["properties"]["code"]
    assert code["anyOf"] == [{"$ref": "#/components/schemas/ProblemCode"}, {"type": "string"}]
    assert "mã chưa biết" in code["description"]  # says that an unknown code must be accepted
    assert problem["properties"]["status"]["type"] == "integer"
    assert "code" in problem["required"] and "status" in problem["required"]


def test_authenticated_operations_declare_401(spec: dict[str, Any]) -> None:
    authenticated = [
        (path, method, operation)
        for path, method, operation in _operations(spec)
        if operation.get("security")
    ]
    assert len(authenticated) > 30
    for path, method, operation in authenticated:
        assert "401" in operation["responses"], (path, method)
        if path.startswith("/api/v1/admin/") or path.startswith("/api/v1/auth/"):
            assert "403" in operation["responses"], (path, method)  # roles or kinds matter


def test_operations_with_a_body_declare_422_and_json_ones_400(spec: dict[str, Any]) -> None:
    for path, method, operation in _operations(spec):
        body = operation.get("requestBody")
        if body is None:
            continue
        assert "422" in operation["responses"], (path, method)
        if "application/json" in body["content"]:
            assert "malformed_json" in _codes(operation, spec, "400"), (path, method)


def _fallible(parameter: dict[str, Any]) -> bool:
    """Whether a parameter's value can fail validation (anything but a plain optional string)."""
    schema = parameter["schema"]
    plain = [{"type": "string"}, {"type": "null"}]
    shapes = schema.get("anyOf", [schema])
    return any(
        {k: v for k, v in shape.items() if k not in ("title", "description", "examples")}
        not in plain
        for shape in shapes
    )


def test_operations_with_fallible_parameters_declare_422(spec: dict[str, Any]) -> None:
    for path, method, operation in _operations(spec):
        if any(_fallible(p) for p in operation.get("parameters", [])):
            assert "validation_failed" in _codes(operation, spec, "422"), (path, method)


def _codes(operation: dict[str, Any], spec: dict[str, Any], status: str) -> set[str]:
    return {name for found, name, _ in _examples(operation, spec) if found == status}
