"""Logs are JSON lines with a request id, and never carry query strings, ids, phones or tokens."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import text

from app.observability import JsonFormatter, scrub
from app.routing import Router, Session


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


def test_a_request_id_is_never_taken_for_a_phone_or_an_id() -> None:
    request_id = "0f701e062fe0912345678c14d31cb03"  # hex with a phone-like run inside
    assert scrub(request_id) == request_id
    assert scrub("ma-001099012345x") == "ma-001099012345x"  # inside a longer word: not an id
    record = logging.LogRecord("motcua.access", logging.INFO, "x", 1, "request", None, None)
    record.request_id = request_id
    assert json.loads(JsonFormatter().format(record))["request_id"] == request_id


PERSONAL = {
    "name": "Nguyễn Thị Bích Ngọc",
    "personal_id": "001203004567",
    "email": "ngoc.nguyen@example.vn",
    "phone": "0912345678",
    "address": "Số 12 ngõ 34 phố Hàng Bạc",
    "pin": "K7Q2ZX",
}


async def test_a_500_logs_no_statement_parameter_nor_what_the_database_echoes(
    app: FastAPI, client: AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    """The statement fails on the database, which echoes the refused value in its message; the
    engine hides the parameters and the formatter withholds database messages."""

    async def fails_with_personal_data(session: Session) -> None:
        await session.execute(
            text("SELECT CAST(:value AS integer), :name, :pin"),
            {
                "value": " ".join(PERSONAL.values()),
                "name": PERSONAL["name"],
                "pin": PERSONAL["pin"],
            },
        )

    async def duplicate_key(session: Session) -> None:
        await session.execute(text("CREATE TEMP TABLE probe (id text PRIMARY KEY)"))
        for _ in range(2):
            await session.execute(
                text("INSERT INTO probe VALUES (:id)"), {"id": PERSONAL["personal_id"]}
            )

    probes = Router()
    probes.add_api_route("/fails-with-personal-data", fails_with_personal_data, methods=["POST"])
    probes.add_api_route("/duplicate-key", duplicate_key, methods=["POST"])
    app.include_router(probes)
    with caplog.at_level(logging.INFO):
        for path in ("/fails-with-personal-data", "/duplicate-key"):
            response = await client.post(path)
            assert response.status_code == 500
            assert response.json()["code"] == "internal_error"
    lines = [JsonFormatter().format(record) for record in caplog.records]
    errors = [line for line in lines if '"unhandled_error"' in line]
    assert len(errors) == 2
    assert all(
        ("Traceback" in line and "DataError" in line) or "IntegrityError" in line for line in errors
    )
    for value in PERSONAL.values():
        leaking = [line for line in lines if value in line]
        assert leaking == [], value
