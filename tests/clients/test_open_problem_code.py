"""The problem's ``code`` is an open enum (issue 18, acceptance 5): the spec documents the values of
``ProblemCode``, yet a client built today must parse a problem carrying a code added tomorrow.
The spec says ``anyOf: [ProblemCode, string]``; openapi-python-client makes it ``ProblemCode | str``
and openapi-typescript ``ProblemCode | string`` (narrowed for editors in ``src/index.ts``)."""

from __future__ import annotations

import json

from app.errors import ProblemCode as ServerProblemCode
from tests.clients.paths import OPENAPI, PYTHON_CLIENT, importable

importable(PYTHON_CLIENT)

from motcua_client.models import Problem, ProblemCode  # noqa: E402


def _problem(code: str) -> dict[str, object]:
    return {
        "type": f"urn:motcua:problem:{code}",
        "title": "Xung đột",
        "status": 409,
        "detail": "Hồ sơ đã thay đổi",
        "code": code,
        "request_id": "a1b2c3",
    }


def test_a_known_code_parses_into_the_enum_member() -> None:
    problem = Problem.from_dict(_problem("version_conflict") | {"current_version": 4})
    assert problem.code is ProblemCode.VERSION_CONFLICT
    assert problem.current_version == 4


def test_an_unknown_code_parses_as_its_string() -> None:
    problem = Problem.from_dict(_problem("some_future_code") | {"future_member": [1, 2]})
    assert problem.code == "some_future_code"
    assert not isinstance(problem.code, ProblemCode)
    assert problem.status == 409 and problem.detail == "Hồ sơ đã thay đổi"
    assert problem.additional_properties == {"future_member": [1, 2]}  # extensions kept, too
    assert problem.to_dict()["code"] == "some_future_code"


def test_the_spec_documents_every_code_and_leaves_the_enum_open() -> None:
    schemas = json.loads((OPENAPI / "openapi.json").read_text(encoding="utf-8"))["components"][
        "schemas"
    ]
    variants = schemas["Problem"]["properties"]["code"]["anyOf"]
    assert {"$ref": "#/components/schemas/ProblemCode"} in variants
    assert any(v.get("type") == "string" and "enum" not in v for v in variants)  # open
    assert schemas["ProblemCode"]["enum"] == [str(code) for code in ServerProblemCode]
    assert {member.value for member in ProblemCode} == {str(code) for code in ServerProblemCode}
