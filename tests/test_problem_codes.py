"""Problem codes are one enum, each code of one status; titles are written once; `status` is the HTTP status."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.errors import (
    OTHER_STATUS,
    STATUS_PROBLEMS,
    Conflict,
    DomainError,
    NotFound,
    ProblemCode,
    ServiceUnavailable,
    ValidationFailed,
    field_error,
    title_of,
)
from app.problems import problem_body, problem_responses

APP = Path(__file__).resolve().parents[1] / "app"
# calls whose `code=` names something else than a problem (the rule set of a decree)
NOT_PROBLEM_CODES = {"RuleSet"}


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def test_no_problem_code_is_a_free_string() -> None:
    """Services raise with `ProblemCode.x`: no string literal names a problem code outside the enum.

    A field's own code (`field_code=`, the `code` of an entry of `errors`) may repeat a problem code.
    """
    members = {code.value for code in ProblemCode}
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        if path == APP / "errors.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        field_codes = {
            id(keyword.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            for keyword in node.keywords
            if keyword.arg == "field_code"
        }
        where = f"app/{path.relative_to(APP).as_posix()}"
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _callee(node) not in NOT_PROBLEM_CODES:
                offenders.extend(
                    f"{where}:{node.lineno} code={ast.unparse(keyword.value)}"
                    for keyword in node.keywords
                    if keyword.arg == "code"
                    and isinstance(keyword.value, ast.Constant)
                    and isinstance(keyword.value.value, str)
                )
            if (
                isinstance(node, ast.Constant)
                and node.value in members
                and id(node) not in field_codes
            ):
                offenders.append(f"{where}:{node.lineno} {node.value!r}")
    assert sorted(set(offenders)) == []


def test_every_code_belongs_to_a_status_with_a_title() -> None:
    for code in ProblemCode:
        if code is ProblemCode.http_error:
            assert code.status is None
            continue
        assert code.status in STATUS_PROBLEMS, code
        assert title_of(code)
    for status, problem in STATUS_PROBLEMS.items():
        assert problem.code.status == status
        assert problem.title and problem.detail.endswith(".")
    assert OTHER_STATUS.code is ProblemCode.http_error
    assert title_of(ProblemCode.http_error, 418) == OTHER_STATUS.title


def test_error_classes_take_code_and_title_from_the_table() -> None:
    for cls in (NotFound, Conflict, ValidationFailed, ServiceUnavailable):
        assert cls.code is STATUS_PROBLEMS[cls.status].code
        assert cls.title == STATUS_PROBLEMS[cls.status].title
    error = NotFound("Không tìm thấy hồ sơ.", code=ProblemCode.dossier_not_found)
    assert (error.status, error.instance_code, error.title) == (
        404,
        "dossier_not_found",
        "Không tìm thấy",
    )
    assert NotFound().detail == "Không tìm thấy"


def test_a_code_of_another_status_is_refused() -> None:
    with pytest.raises(ValueError, match="409"):
        NotFound(code=ProblemCode.version_conflict)
    with pytest.raises(ValueError, match="404"):
        field_error("note", "Thiếu", code=ProblemCode.dossier_not_found)
    with pytest.raises(ValueError, match="no_such_code"):
        DomainError(code="no_such_code")  # type: ignore[arg-type]


def test_extension_members_never_replace_status() -> None:
    with pytest.raises(ValueError, match="extension members"):
        Conflict(code=ProblemCode.action_not_allowed, extra={"status": "received"})
    body = problem_body(
        status=409,
        code=ProblemCode.action_not_allowed,
        detail="x",
        extra={"status": "received", "title": "x", "dossier_status": "received"},
    )
    assert body["status"] == 409 and body["title"] == "Xung đột trạng thái"
    assert body["dossier_status"] == "received"


def test_problem_responses_group_codes_by_status_with_one_example_each() -> None:
    responses = problem_responses(
        (ProblemCode.unauthorized, ProblemCode.invalid_token),
        ProblemCode.action_not_allowed,
        ProblemCode.version_conflict,
        ProblemCode.version_conflict,
    )
    assert list(responses) == [401, 409]
    conflict = responses[409]
    assert (
        conflict["description"] == "Xung đột trạng thái: `action_not_allowed`, `version_conflict`"
    )
    examples = conflict["content"]["application/problem+json"]["examples"]
    assert list(examples) == ["action_not_allowed", "version_conflict"]
    assert responses[401]["headers"]["WWW-Authenticate"]
    with pytest.raises(ValueError, match="http_error"):
        problem_responses(ProblemCode.http_error)
