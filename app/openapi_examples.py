"""Every component schema of the OpenAPI document gets an example (issue 18).

Examples are written by hand where they matter: each request and response body's model carries a
realistic one (``model_config = ConfigDict(json_schema_extra={"examples": [...]})``), and fields carry
``Field(examples=[...])``. The schemas nested in a body (an applicant, a step, an enum) are completed
here from those, never invented:

1. **down**: the part of a written example that a nested schema describes becomes that schema's
   example (the applicant of the dossier's example is the ``Applicant`` example);
2. **up**: an object schema still without one is composed from its properties' examples (a field's
   ``examples``, its default, or the example of the schema it refers to); an enum takes its first
   value. An object whose required property has no example stays without one, and
   ``tests/test_openapi_contract.py`` names it.

The same test validates every example against its schema, so a completed example is as checked as a
written one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_REF = "#/components/schemas/"
_MISSING = object()


def _has_example(schema: dict[str, Any]) -> bool:
    return "example" in schema or bool(schema.get("examples"))


def _examples_of(schema: dict[str, Any]) -> list[Any]:
    found = list(schema.get("examples") or [])
    if "example" in schema:
        found.append(schema["example"])
    return found


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref[len(_REF) :] if isinstance(ref, str) and ref.startswith(_REF) else None


def _parts(schema: dict[str, Any], value: Any) -> Iterator[tuple[str, Any]]:
    """(schema name, value) of each named schema inside ``schema`` that describes part of ``value``."""
    if value is None:
        return
    name = _ref_name(schema)
    if name is not None:
        yield name, value
        return
    alternatives = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if len(alternatives) == 1:
        yield from _parts(alternatives[0], value)
        return
    if isinstance(value, dict):
        for key, sub_schema in schema.get("properties", {}).items():
            if key in value:
                yield from _parts(sub_schema, value[key])
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            known = schema.get("properties", {})
            for key, sub in value.items():
                if key not in known:
                    yield from _parts(extra, sub)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for item in value:
            yield from _parts(schema["items"], item)


def _push_down(schemas: dict[str, Any]) -> bool:
    changed = False
    for schema in list(schemas.values()):
        for value in _examples_of(schema):
            for name, part in _parts({**schema, "$ref": None}, value):
                target = schemas.get(name)
                if target is None or _has_example(target):
                    continue
                if "enum" in target and part not in target["enum"]:
                    continue
                target["examples"] = [part]
                changed = True
    return changed


def _value_of(schema: dict[str, Any], schemas: dict[str, Any]) -> Any:
    """An example value for a property schema, or ``_MISSING``."""
    for key in ("examples", "example"):
        if key in schema:
            found = schema[key]
            if key == "examples":
                if not found:
                    continue
                found = found[0]
            return found
    if "const" in schema:
        return schema["const"]
    if "default" in schema:
        return schema["default"]
    name = _ref_name(schema)
    if name is not None:
        target = schemas.get(name, {})
        values = _examples_of(target)
        return values[0] if values else _MISSING
    if "enum" in schema:
        return schema["enum"][0]
    alternatives = schema.get("anyOf", [])
    for alternative in alternatives:
        if alternative.get("type") != "null":
            value = _value_of(alternative, schemas)
            if value is not _MISSING:
                return value
    if any(alternative.get("type") == "null" for alternative in alternatives):
        return None  # a nullable value nobody exemplified: "not yet" is a true example
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        item = _value_of(schema["items"], schemas)
        return _MISSING if item is _MISSING else [item]
    return _MISSING


def _compose(schema: dict[str, Any], schemas: dict[str, Any]) -> Any:
    if "enum" in schema:
        return schema["enum"][0]
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return _MISSING
    required = set(schema.get("required", []))
    value: dict[str, Any] = {}
    for key, sub_schema in properties.items():
        sub = _value_of(sub_schema, schemas)
        if sub is _MISSING:
            if key in required:
                return _MISSING
            continue
        value[key] = sub
    return value


def _filled(schema: dict[str, Any], value: Any, schemas: dict[str, Any]) -> Any:
    """A written example with the required properties it lacks taken from their own examples, at
    every depth, in schema order. A model inherits its parent's example while the fields it adds
    carry theirs; and the document loses every ``null`` of an example (FastAPI drops ``None``
    values when it encodes the document), so a required nullable property comes back as null."""
    name = _ref_name(schema)
    if name is not None:
        return _filled(schemas.get(name, {}), value, schemas)
    alternatives = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if len(alternatives) == 1 and value is not None:
        return _filled(alternatives[0], value, schemas)
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [_filled(schema["items"], item, schemas) for item in value]
    properties = schema.get("properties")
    if not isinstance(value, dict) or not isinstance(properties, dict):
        return value
    filled: dict[str, Any] = {}
    for key, sub_schema in properties.items():
        if key in value:
            filled[key] = _filled(sub_schema, value[key], schemas)
        elif key in schema.get("required", []):
            sub = _value_of(sub_schema, schemas)
            if sub is not _MISSING:
                filled[key] = sub
    filled.update((key, sub) for key, sub in value.items() if key not in filled)
    return filled


def _fill_written(schemas: dict[str, Any]) -> None:
    for schema in schemas.values():
        if "example" in schema:
            schema["example"] = _filled(schema, schema["example"], schemas)
        if schema.get("examples"):
            schema["examples"] = [_filled(schema, v, schemas) for v in schema["examples"]]


def complete_examples(openapi: dict[str, Any]) -> None:
    """Gives each component schema without an example one derived from the written examples."""
    schemas: dict[str, Any] = openapi.get("components", {}).get("schemas", {})
    _fill_written(schemas)
    while True:
        changed = _push_down(schemas)
        for schema in schemas.values():
            if _has_example(schema):
                continue
            value = _compose(schema, schemas)
            if value is not _MISSING:
                schema["examples"] = [value]
                changed = True
        if not changed:
            return
