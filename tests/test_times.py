"""Every instant of every answer is Asia/Ho_Chi_Minh RFC 3339, ``+07:00`` (DESIGN.md section 5;
issue 14). The rows come from the app's route table and the OpenAPI document, so a new route or field
is covered without touching this file:

* every ``date-time`` field of every operation's success schema is typed ``LocalDateTime`` in the
  response model behind it (the one mechanism), and an answer of each operation, its model filled with
  UTC instants and serialised as FastAPI does, shows each of them in ``+07:00``;
* answers of real requests hold no instant in another offset (tests/dossiers/test_times_answered.py).
"""

from __future__ import annotations

import json
import types
import typing
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel, PlainSerializer, TypeAdapter

from app.main import create_app
from app.openapi_export import settings_for_export
from app.schemas.common import to_local

UTC_INSTANT = datetime(2026, 12, 1, 0, 30, tzinfo=UTC)
LOCAL_TEXT = "2026-12-01T07:30:00+07:00"
# an RFC 3339 date-time anywhere in a JSON text


@pytest.fixture(scope="module")
def app() -> FastAPI:
    return create_app(settings_for_export())


def _routes(app: FastAPI) -> list[APIRoute]:
    routes = (context.route for context in iter_route_contexts(app.routes))
    return [r for r in routes if isinstance(r, APIRoute) and r.response_model is not None]


def _is_local(annotation: Any) -> bool:
    """``annotation`` is ``LocalDateTime`` (a datetime serialised by ``to_local``)."""
    return any(
        isinstance(meta, PlainSerializer) and meta.func is to_local
        for meta in getattr(annotation, "__metadata__", ())
    )


def _instants(annotation: Any, where: str) -> list[tuple[str, Any]]:
    """Every (path, annotation) of a datetime reachable in ``annotation``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner = typing.get_args(annotation)[0]
        return [(where, annotation)] if inner is datetime else _instants(inner, where)
    if annotation is datetime:
        return [(where, annotation)]
    if origin in (typing.Union, types.UnionType, list, tuple, set, frozenset, dict):
        found: list[tuple[str, Any]] = []
        for arg in typing.get_args(annotation):
            found += _instants(arg, where)
        return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found = []
        for name, field in annotation.model_fields.items():
            rebuilt = (
                typing.Annotated[(field.annotation, *field.metadata)]
                if field.metadata
                else field.annotation
            )
            found += _instants(rebuilt, f"{annotation.__name__}.{name}")
        return found
    return []


def test_every_instant_of_every_response_model_is_local_date_time(app: FastAPI) -> None:
    seen = 0
    for route in _routes(app):
        for where, annotation in _instants(route.response_model, route.name):
            seen += 1
            assert _is_local(annotation), f"{where} ({route.path}) is not LocalDateTime"
    assert seen > 40  # the dossiers, uploads, catalog, users, outbox, audit, calendar, register


def _sample(annotation: Any) -> Any:
    """A value of ``annotation`` with every instant ``UTC_INSTANT`` (models built unvalidated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _sample(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _sample(args[0])
    if origin in (list, set, frozenset, tuple):
        return [_sample(typing.get_args(annotation)[0])]
    if origin is dict or annotation is dict:
        return {}
    if origin is typing.Literal:
        return typing.get_args(annotation)[0]
    if annotation is datetime:
        return UTC_INSTANT
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            values = {}
            for name, field in annotation.model_fields.items():
                values[name] = _sample(field.annotation)
            return annotation.model_construct(**values)
        if issubclass(annotation, Enum):
            return next(iter(annotation))
        for kind, value in (
            (bool, True),
            (int, 1),
            (float, 1.0),
            (Decimal, Decimal(1)),
            (str, "x"),
            (date, date(2026, 12, 1)),
            (uuid.UUID, uuid.uuid4()),
        ):
            if issubclass(annotation, kind):
                return value
    if annotation is Any:
        return None
    raise AssertionError(f"no sample for {annotation!r}")


def _schema_instants(spec: dict, schema: Any, answer: Any, where: str) -> list[tuple[str, Any]]:
    """The values of ``answer`` at the ``date-time`` fields of its OpenAPI ``schema``."""
    if not isinstance(schema, dict):
        return []
    if "$ref" in schema:
        target = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        return _schema_instants(spec, target, answer, where)
    found: list[tuple[str, Any]] = []
    if schema.get("format") == "date-time":
        return [(where, answer)]
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []):
            if answer is not None:
                found += _schema_instants(spec, option, answer, where)
    if isinstance(answer, dict):
        for name, sub in schema.get("properties", {}).items():
            if name in answer:
                found += _schema_instants(spec, sub, answer[name], f"{where}.{name}")
    if isinstance(answer, list) and "items" in schema:
        for index, item in enumerate(answer):
            found += _schema_instants(spec, schema["items"], item, f"{where}[{index}]")
    return found


def test_an_answer_of_each_operation_shows_its_instants_in_vietnam_time(app: FastAPI) -> None:
    spec = app.openapi()
    checked: set[str] = set()
    for route in _routes(app):
        for method in route.methods:
            operation = spec["paths"][route.path_format][method.lower()]
            for status, response in operation["responses"].items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if not status.startswith("2") or schema is None:
                    continue
                # serialised as FastAPI serialises a response: the route's field, JSON mode
                body = TypeAdapter(route.response_model).dump_json(_sample(route.response_model))
                answer = json.loads(body)
                for where, value in _schema_instants(
                    spec, schema, answer, operation["operationId"]
                ):
                    checked.add(operation["operationId"])
                    assert value == LOCAL_TEXT, (where, value)
    # the operations with instants in their answers, from the OpenAPI document itself
    assert {"get_dossier", "list_dossiers", "dossier_events", "lookup_dossier"} <= checked
    assert {"upload_get", "preview_due_date", "dossier_register", "admin_list_audit"} <= checked
    assert len(checked) >= 25
