"""No 500 on bad input (issue 11): a table over every operation × input location, built from the routes.

The rows come from the app's route table (``iter_route_contexts`` and each route's dependant, its
sub-dependencies and parameter models included), so a new route, parameter or body field is covered
without touching this file. Each row sends one bad value where the others are plain:

* a NUL character in every path parameter, query parameter, JSON body field and form field (sent
  urlencoded and as multipart): a 422 problem naming the field and its location
  (``app.input_guard``), lean routes included;
* a number past PostgreSQL's INTEGER/BIGINT range in every ``int`` parameter or top-level body field:
  a 422 naming it (the schemas' bounds), sent with a token the route accepts so validation is reached.

Every answer must be a problem document whose status the operation declares in OpenAPI. The upload
route reads its multipart body itself (no declared parameters): its rows are written out below (a NUL
in a file name is dropped with the other control characters: tests/uploads).
"""

from __future__ import annotations

import base64
import json
import types
import typing
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any
from urllib.parse import quote, urlencode
from uuid import UUID

import pytest
from fastapi import FastAPI, params
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from httpx import ASGITransport, AsyncClient
from pydantic import BaseModel

from app.input_guard import BadInputMiddleware
from app.main import create_app
from app.models.user import Role
from tests.conftest import OfficerFactory, make_settings

NUL = "\x00"
TOO_BIG = 2**63  # past BIGINT, so past INTEGER too
AGENCY = "000.00.01.H99"
PROBLEM = "application/problem+json"


@dataclass(frozen=True)
class Param:
    name: str
    annotation: Any
    kind: str  # path, query, json, form, multipart


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    params: tuple[Param, ...]
    operation_id: str


@dataclass(frozen=True)
class Row:
    operation: Operation
    param: Param
    bad: str  # nul or range

    @property
    def id(self) -> str:
        return f"{self.operation.operation_id}-{self.param.kind}-{self.param.name}-{self.bad}"


def _dependants(dependant: Dependant) -> Iterator[Dependant]:
    yield dependant
    for sub in dependant.dependencies:
        yield from _dependants(sub)


def _model(annotation: Any) -> type[BaseModel] | None:
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _expand(name: str, annotation: Any, kind: str) -> list[Param]:
    """A parameter, or the fields of its model (a query model, a JSON body)."""
    model = _model(annotation)
    if model is None:
        return [Param(name, annotation, kind)]
    return [
        Param(field.alias or field_name, field.annotation, kind)
        for field_name, field in model.model_fields.items()
    ]


def operations(app: FastAPI) -> list[Operation]:
    found = []
    for context in iter_route_contexts(app.routes):
        route = context.route
        if not isinstance(route, APIRoute):
            continue
        found_params: list[Param] = []
        for dependant in _dependants(route.dependant):
            for field in dependant.path_params:
                found_params += _expand(field.name, field.field_info.annotation, "path")
            for field in dependant.query_params:
                found_params += _expand(field.name, field.field_info.annotation, "query")
            for field in dependant.body_params:
                kind = "form" if isinstance(field.field_info, params.Form) else "json"
                found_params += _expand(field.alias, field.field_info.annotation, kind)
        for method in sorted(route.methods):
            found.append(
                Operation(method, route.path, tuple(found_params), route.operation_id or route.name)
            )
    return found


def _is_int(annotation: Any) -> bool:
    if annotation is int:
        return True
    return any(_is_int(arg) for arg in typing.get_args(annotation) if arg is not type(None))


def _is_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_list(arg) for arg in typing.get_args(annotation))
    return False


def rows(app: FastAPI) -> list[Row]:
    table = []
    for operation in operations(app):
        for param in operation.params:
            table.append(Row(operation, param, "nul"))
            if param.kind == "form":  # a form field also comes as multipart/form-data
                table.append(
                    Row(operation, Param(param.name, param.annotation, "multipart"), "nul")
                )
            if _is_int(param.annotation):
                table.append(Row(operation, param, "range"))
    return table


def _plain(annotation: Any) -> str:
    """A well-formed value of a path parameter (so only the row's own parameter is bad)."""
    for candidate in (annotation, *typing.get_args(annotation)):
        if candidate is int:
            return "1"
        if candidate is UUID:
            return "00000000-0000-4000-8000-000000000000"
        if candidate is date:
            return "2026-12-01"
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return str(next(iter(candidate)).value)
    return AGENCY  # an agency the test officer holds every role at


def _request(row: Row) -> tuple[str, dict[str, Any]]:
    """URL and request arguments of a row."""
    value: Any = NUL + "x" if row.bad == "nul" else TOO_BIG
    if row.bad == "range" and _is_list(row.param.annotation):
        value = [value]
    path = row.operation.path
    for param in row.operation.params:
        if param.kind == "path":
            text = str(value) if param == row.param else _plain(param.annotation)
            path = path.replace("{" + param.name + "}", quote(text, safe=""))
    kwargs: dict[str, Any] = {}
    if row.param.kind == "query":
        path += "?" + urlencode({row.param.name: value}, doseq=True)
    elif row.param.kind == "json":
        kwargs["content"] = json.dumps({row.param.name: value})
        kwargs["headers"] = {"Content-Type": "application/json"}
    elif row.param.kind == "form":
        kwargs["content"] = urlencode({row.param.name: value})
        kwargs["headers"] = {"Content-Type": "application/x-www-form-urlencoded"}
    elif row.param.kind == "multipart":
        kwargs["files"] = {row.param.name: (None, str(value))}
    elif any(param.kind == "json" for param in row.operation.params):
        kwargs["content"] = b"{}"
        kwargs["headers"] = {"Content-Type": "application/json"}
    return path, kwargs


APP = create_app(make_settings("postgresql+asyncpg://unused/unused"))  # the route table only
ROWS = rows(APP)
SPEC = APP.openapi()


def test_the_table_covers_every_location() -> None:
    """The generator sees the lean routes' parameters and every kind of input (a guard on itself)."""
    found = {(row.operation.path, row.param.kind, row.param.name, row.bad) for row in ROWS}
    assert ("/api/v1/lookup/{code}", "path", "code", "nul") in found
    assert ("/api/v1/lookup/{code}", "query", "pin", "nul") in found
    assert ("/api/v1/procedures", "query", "q", "nul") in found
    assert ("/api/v1/procedures/{code}", "query", "version", "range") in found
    assert ("/api/v1/auth/token", "form", "username", "nul") in found
    assert ("/api/v1/auth/token", "multipart", "username", "nul") in found
    assert ("/api/v1/dossiers", "json", "procedure_code", "nul") in found
    assert ("/api/v1/dossiers", "query", "cursor", "nul") in found
    assert ("/api/v1/admin/outbox/replay", "json", "ids", "range") in found
    assert len(ROWS) > 150


@pytest.fixture
async def tokens(make_officer: OfficerFactory, app: FastAPI) -> dict[str, dict[str, str]]:
    officer = await make_officer(*((AGENCY, role) for role in Role))
    citizen, _ = await app.state.dev_issuer.mint(
        "citizen-bad-input", "Nguyễn Văn An", "001099000123"
    )
    return {"officer": officer.headers, "citizen": {"Authorization": f"Bearer {citizen}"}}


async def _send(
    client: AsyncClient, row: Row, tokens: dict[str, dict[str, str]]
) -> tuple[int, dict[str, Any], str]:
    url, kwargs = _request(row)
    extra_headers = kwargs.pop("headers", {})
    response = await client.request(
        row.operation.method, url, headers={**tokens["officer"], **extra_headers}, **kwargs
    )
    if response.status_code == 403 and response.json().get("code") == "citizen_required":
        response = await client.request(
            row.operation.method, url, headers={**tokens["citizen"], **extra_headers}, **kwargs
        )
    body = response.json() if response.headers.get("content-type", "").startswith(PROBLEM) else {}
    return response.status_code, body, response.headers.get("content-type", "")


def _declared(operation: Operation) -> set[str]:
    described = SPEC["paths"][operation.path][operation.method.lower()]["responses"]
    return set(described)


def _names(row: Row, field: str) -> bool:
    return field == row.param.name or field.startswith(row.param.name + ".")


async def test_no_bad_input_reaches_a_service(
    client: AsyncClient, tokens: dict[str, dict[str, str]]
) -> None:
    """Every row: a 4xx problem the operation declares; a 422 naming the field where one is bad."""
    failures = []
    for row in ROWS:
        status, body, content_type = await _send(client, row, tokens)
        errors = [
            error
            for error in body.get("errors", [])
            if _names(row, error["field"]) and error["location"] in {row.param.kind, "body"}
        ]
        expected = (
            400 if row.bad == "range" and row.param.name == "cursor" else 422
        )  # a cursor is opaque: 400 invalid_cursor
        ok = (
            content_type.startswith(PROBLEM)
            and status == expected
            and (expected == 400 or errors)
            and str(status) in _declared(row.operation)
        )
        if not ok:
            failures.append((row.id, status, body.get("code"), body.get("errors")))
    assert not failures, "\n".join(map(str, failures))


# --- inputs outside the declared parameters: the upload's multipart body, cursors, tokens ----------

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _multipart(boundary: str, *, purpose: str = "submitted", file_name: str = "a.pdf") -> bytes:
    return (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n{purpose}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
            f"Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + PDF
        + f"\r\n--{boundary}--\r\n".encode()
    )


@pytest.mark.parametrize(
    ("boundary", "purpose", "file_name", "status", "field"),
    [
        ("b" * 71, "submitted", "a.pdf", 400, None),  # RFC 2046: at most 70 characters
        ("b" * 300, "submitted", "a.pdf", 400, None),
        ("boundary", "sub\x00mitted", "a.pdf", 422, "purpose"),
    ],
    ids=["boundary-71", "boundary-300", "nul-in-field"],
)
async def test_upload_refuses_bad_multipart(
    client: AsyncClient,
    tokens: dict[str, dict[str, str]],
    boundary: str,
    purpose: str,
    file_name: str,
    status: int,
    field: str | None,
) -> None:
    response = await client.post(
        "/api/v1/uploads",
        content=_multipart(boundary, purpose=purpose, file_name=file_name),
        headers={
            **tokens["citizen"],
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        },
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    if field is None:
        assert body["code"] == "malformed_multipart"
    else:
        assert body["errors"][0]["field"] == field
        assert body["errors"][0]["code"] == "invalid_character"


@pytest.mark.parametrize("dossier_id", [2**63, 0, -1])
async def test_worklist_cursor_outside_bigint_is_invalid(
    client: AsyncClient, tokens: dict[str, dict[str, str]], dossier_id: int
) -> None:
    cursor = base64.urlsafe_b64encode(str(dossier_id).encode()).decode().rstrip("=")
    response = await client.get(
        "/api/v1/dossiers", params={"cursor": cursor}, headers=tokens["officer"]
    )
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "invalid_cursor"


async def test_citizen_token_with_a_subject_longer_than_its_column_is_invalid(
    client: AsyncClient, app: FastAPI
) -> None:
    token, _ = await app.state.dev_issuer.mint("s" * 256, "Nguyễn Văn An", "001099000123")
    response = await client.get(
        "/api/v1/auth/citizen/me", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 401, response.text
    assert response.json()["code"] == "invalid_token"
    token, _ = await app.state.dev_issuer.mint("s" * 255, "Nguyễn Văn An", "001099000123")
    response = await client.get(
        "/api/v1/auth/citizen/me", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200, response.text


async def test_nul_deep_in_a_json_body_names_its_path(
    client: AsyncClient, tokens: dict[str, dict[str, str]]
) -> None:
    response = await client.post(
        "/api/v1/dossiers",
        content=b'{"procedure_code": "1.001193", "applicant": {"name": "An\\u0000"}}',
        headers={**tokens["citizen"], "Content-Type": "application/json"},
    )
    assert response.status_code == 422, response.text
    assert response.json()["errors"] == [
        {
            "field": "applicant.name",
            "location": "body",
            "code": "invalid_character",
            "message": "Chứa ký tự không hợp lệ (NUL)",
        }
    ]


async def test_a_checked_body_reaches_the_route_byte_for_byte(
    client: AsyncClient, tokens: dict[str, dict[str, str]]
) -> None:
    """The guard reads a JSON body and replays it unchanged (chunked, to cover several messages)."""

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"procedure_code": "1.0011'
        yield b'93", "applicant": 5}'

    response = await client.post(
        "/api/v1/dossiers",
        content=chunks(),
        headers={**tokens["citizen"], "Content-Type": "application/json"},
    )
    assert response.status_code == 422, response.text
    assert [error["field"] for error in response.json()["errors"]] == ["applicant"]


async def test_protocol_endpoints_can_be_left_to_answer_in_their_own_protocol() -> None:
    """``exempt_prefixes``: a payment callback gets its input untouched (its body never read here)."""
    seen: list[bytes] = []

    async def protocol(scope: Any, receive: Any, send: Any) -> None:
        seen.append((await receive())["body"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b'{"RspCode":"99"}'})

    guarded = BadInputMiddleware(protocol, exempt_prefixes=("/api/v1/payments/",))
    transport = ASGITransport(app=guarded)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        exempt = await client.post(
            "/api/v1/payments/vnpay/ipn?vnp_TxnRef=%00",
            content=b'{"a": "\\u0000"}',
            headers={"Content-Type": "application/json"},
        )
        guarded_answer = await client.post(
            "/api/v1/other?x=%00", content=b"{}", headers={"Content-Type": "application/json"}
        )
    assert exempt.status_code == 200
    assert seen == [b'{"a": "\\u0000"}']
    assert guarded_answer.status_code == 422
    assert guarded_answer.json()["errors"][0]["field"] == "x"


async def test_nul_in_a_header_is_refused_naming_it(
    client: AsyncClient, tokens: dict[str, dict[str, str]]
) -> None:
    """HTTP servers refuse a raw NUL in a header; an ASGI server that does not still cannot pass one on."""
    response = await client.post(
        "/api/v1/dossiers",
        json={"procedure_code": "1.001193"},
        headers={**tokens["citizen"], "Idempotency-Key": "key\x00"},
    )
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == "idempotency-key"
    assert response.json()["errors"][0]["location"] == "header"
