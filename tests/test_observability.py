"""Logs are JSON lines with a request id, and never carry query strings, ids, phones or tokens."""

from __future__ import annotations

import json
import logging

import pytest
from httpx import AsyncClient

from app.observability import JsonFormatter, scrub


def test_scrub_removes_personal_data_and_tokens() -> None:
    jwt_like = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
    text = f"cccd 001099012345 phone 0912345678 +84912345678 Bearer abc.def.ghi token={jwt_like}"
    cleaned = scrub(text)
    for secret in (
        "001099012345",
        "0912345678",
        "84912345678",
        "abc.def.ghi",
        "eyJhbGciOiJIUzI1NiJ9",
    ):
        assert secret not in cleaned


async def test_access_log_has_request_id_and_no_query_string(
    client: AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="motcua.access"):
        response = await client.get(
            "/health?pin=ABC123&phone=0912345678", headers={"X-Request-ID": "req-123"}
        )
    assert response.headers["x-request-id"] == "req-123"
    records = [r for r in caplog.records if r.name == "motcua.access"]
    assert records
    line = JsonFormatter().format(records[-1])
    payload = json.loads(line)
    assert payload["request_id"] == "req-123"
    assert payload["path"] == "/health"
    assert payload["status"] == 200
    assert "ABC123" not in line and "0912345678" not in line


async def test_malformed_request_id_is_replaced(client: AsyncClient) -> None:
    response = await client.get("/health", headers={"X-Request-ID": "bad id\nwith newline"})
    assert response.headers["x-request-id"] != "bad id\nwith newline"
    assert len(response.headers["x-request-id"]) == 32
