"""The committed OpenAPI document is the one the code produces."""

from __future__ import annotations

import json
from pathlib import Path

from app.openapi_export import render

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
