"""Completes the OpenAPI document's operations: who may call each, and the tokens it accepts.

Rule (issue 18): every operation's description says what it does (the endpoint's docstring, or its
``description=``) and who may call it. The second half is never written by hand: it is the sentence
of the route's audience (``app.callers``), which also decides the security requirements the
operation declares:

* officer operations accept the officer's token (``OAuth2PasswordBearer``, the password flow of
  ``POST /api/v1/auth/token``);
* citizen operations accept a citizen bearer token (``CitizenBearer``: from the citizens' identity
  provider, VNeID-style OIDC; in development from ``POST /api/v1/dev/citizen-token``);
* operations for any caller accept either; public, signed and gateway operations declare none.

Swagger UI's **Authorize** dialog offers both schemes. How to document a new operation: ``docs/api.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel
from starlette.routing import BaseRoute

from app.callers import CITIZEN_SCHEME, OFFICER_SCHEME, SECURITY, WHO_MAY_CALL, audience_of

WHO_LABEL = "**Who may call:**"
_REF = "#/components/schemas/"
_COMPONENTS = "x-motcua-components"  # carried by ``named_body``, moved to components here

CITIZEN_BEARER: dict[str, Any] = {
    "type": "http",
    "scheme": "bearer",
    "bearerFormat": "JWT",
    "description": "Công dân, tổ chức: mã truy cập (JWT) do hệ thống định danh công dân cấp "
    "(VNeID hoặc bên cấp OIDC được cấu hình). Citizen bearer token from the citizens' identity "
    "provider (VNeID-style OIDC, verified with its JWKS); in development and the demo, from "
    "`POST /api/v1/dev/citizen-token`.",
}


def describe(what: str | None, who: str) -> str:
    """One paragraph: what the operation does, then who may call it."""
    text = " ".join((what or "").split())
    return f"{text} {WHO_LABEL} {who}".strip()


TEXT_MEDIA = ("text/", "application/json")


def file_content(*media_types: str) -> dict[str, Any]:
    """The ``content`` of a download answered in ``media_types``: text (CSV, HTML) as a string,
    anything else (PDF, images, XLSX) as binary."""
    return {
        media: {
            "schema": {"type": "string"}
            if media.startswith(TEXT_MEDIA)
            else {"type": "string", "format": "binary"}
        }
        for media in media_types
    }


def named_body(model: type[BaseModel], media_type: str = "application/json") -> dict[str, Any]:
    """``openapi_extra`` of an operation whose endpoint reads its body itself (a stream, a signed
    payload): the body documented as the named component schema of ``model`` (never inline)."""
    schema = model.model_json_schema(ref_template=_REF + "{model}")
    definitions: dict[str, Any] = schema.pop("$defs", {})
    return {
        "requestBody": {
            "required": True,
            "content": {media_type: {"schema": {"$ref": _REF + model.__name__}}},
        },
        _COMPONENTS: {**definitions, model.__name__: schema},
    }


def document_operations(openapi: dict[str, Any], routes: Iterable[BaseRoute]) -> None:
    """Writes each documented operation's description and security from its route's audience."""
    paths = openapi.get("paths", {})
    schemas = openapi.setdefault("components", {}).setdefault("schemas", {})
    for operation in (op for path in paths.values() for op in path.values()):
        for name, schema in operation.pop(_COMPONENTS, {}).items():
            schemas.setdefault(name, schema)
    for context in iter_route_contexts(list(routes)):
        route = context.route
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        audience = audience_of(route)
        for method in sorted(route.methods or ()):
            operation = paths.get(route.path_format, {}).get(method.lower())
            if operation is None:
                continue
            operation["description"] = describe(
                operation.get("description"), WHO_MAY_CALL[audience]
            )
            security = SECURITY.get(audience)
            if security:
                operation["security"] = [dict(requirement) for requirement in security]
            else:
                operation.pop("security", None)
    schemes = openapi.setdefault("components", {}).setdefault("securitySchemes", {})
    schemes.setdefault(OFFICER_SCHEME, _officer_scheme())
    schemes[CITIZEN_SCHEME] = dict(CITIZEN_BEARER)


def _officer_scheme() -> dict[str, Any]:
    return {
        "type": "oauth2",
        "flows": {"password": {"scopes": {}, "tokenUrl": "/api/v1/auth/token"}},
    }
