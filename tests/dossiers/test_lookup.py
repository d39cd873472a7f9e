"""The public lookup on its own asyncpg pool and its lean path: masking, 404 sameness, throttling,
no write on success, and the same answers, headers and problems as the documented route.

On a cloned, committed database (the lookup reads with its own connections, outside any test
transaction), through the same app code the server runs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from httpx import ASGITransport, AsyncClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_engine, create_read_pool, create_session_factory
from tests.conftest import build_app, make_settings
from tests.dossiers.conftest import World

MAX_FAILURES = 3
ORIGIN = "https://h5.zalo.me"


@pytest.fixture
async def lookup_world(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path
) -> AsyncIterator[tuple[World, AsyncEngine]]:
    url = clone_demo()
    settings = make_settings(
        url,
        data_dir=tmp_path,
        upload_dir=tmp_path / "uploads",
        lookup_max_failures=MAX_FAILURES,
        cors_origins=[ORIGIN],
    )
    engine = create_engine(url, settings)
    read_pool = await create_read_pool(url, settings)
    factory = create_session_factory(engine)
    app = build_app(settings, engine, factory)
    app.state.read_pool = read_pool
    app.state.dev_issuer.private_key_pem = dev_key
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        yield World(app, client, factory, settings), engine
    await read_pool.close()
    await engine.dispose()


async def _state(engine: AsyncEngine, code: str) -> tuple[Any, ...]:
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                text(
                    "SELECT (SELECT count(*) FROM throttle_counters),"
                    " d.version, d.updated_at, d.last_event_seq FROM dossiers d WHERE d.code = :c"
                ),
                {"c": code},
            )
        ).one()
    return tuple(row)


async def test_lookup_masks_writes_nothing_and_throttles_failures(
    lookup_world: tuple[World, AsyncEngine],
) -> None:
    world, engine = lookup_world
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(desk)
    assert created.status_code == 201, created.text
    code, pin = created.json()["code"], created.json()["pin"]
    before = await _state(engine, code)

    ok = await world.client.get(f"/api/v1/lookup/{code}", params={"pin": f" {pin.lower()} "})
    assert ok.status_code == 200, ok.text
    assert ok.headers["content-type"] == "application/json"
    body = ok.json()
    assert body["code"] == code
    assert body["applicant_name"] == "Trần T** B**"
    assert body["status"] == "received"
    assert body["status_label"] == "Đã tiếp nhận"
    assert body["current_agency"] == "Ủy ban nhân dân xã An Bình"
    assert body["received_at"] is not None and body["due_at"] is not None
    assert not {"applicant_id_number", "applicant_phone", "pin", "id"} & body.keys()
    for _ in range(3):
        assert (await world.client.get(f"/api/v1/lookup/{code}", params={"pin": pin})).is_success
    assert await _state(engine, code) == before  # a successful look-up writes nothing

    wrong_pin = await world.client.get(f"/api/v1/lookup/{code}", params={"pin": "ZZZZZZ"})
    unknown = await world.client.get(f"/api/v1/lookup/{code}9", params={"pin": pin})
    for response in (wrong_pin, unknown):
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
    same = ("status", "title", "detail", "code")
    assert [wrong_pin.json()[k] for k in same] == [unknown.json()[k] for k in same]
    assert wrong_pin.json()["code"] == "dossier_not_found"

    blocked = await world.client.get(f"/api/v1/lookup/{code}", params={"pin": "ZZZZZZ"})
    assert blocked.status_code == 429  # the third failure of this client
    assert blocked.headers["content-type"] == "application/problem+json"
    assert int(blocked.headers["retry-after"]) > 0
    # blocked means blocked: the right PIN is refused too, and says nothing about the dossier
    right = await world.client.get(f"/api/v1/lookup/{code}", params={"pin": pin})
    assert right.status_code == 429
    assert right.json()["code"] == "lookup_throttled"
    assert code not in right.text


async def test_lookup_rejects_a_missing_or_overlong_pin(
    lookup_world: tuple[World, AsyncEngine],
) -> None:
    world, _ = lookup_world
    for params in ({}, {"pin": ""}, {"pin": "X" * 17}):
        response = await world.client.get("/api/v1/lookup/000.31.00.H99-261123-0001", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"] == "application/problem+json"


async def test_lean_path_answers_like_the_documented_route(
    lookup_world: tuple[World, AsyncEngine], caplog: pytest.LogCaptureFixture
) -> None:
    """The usual request takes the lean path; a repeated PIN takes the documented route: same answer,
    and both carry the request id, the access-log line and CORS headers of the app's middleware."""
    world, _ = lookup_world
    desk = await world.officer("tiepnhan.xa")
    created = await world.submit_at_desk(desk)
    code, pin = created.json()["code"], created.json()["pin"]
    headers = {"Origin": ORIGIN, "X-Request-ID": "lean-1"}
    caplog.set_level("INFO", logger="motcua.access")

    lean = await world.client.get(f"/api/v1/lookup/{code}?pin={pin}", headers=headers)
    routed = await world.client.get(
        f"/api/v1/lookup/{code}?pin={pin}&pin={pin}", headers={**headers, "X-Request-ID": "doc-1"}
    )
    for response, request_id in ((lean, "lean-1"), (routed, "doc-1")):
        assert response.status_code == 200, response.text
        assert response.headers["x-request-id"] == request_id
        assert response.headers["access-control-allow-origin"] == ORIGIN
        assert response.headers["cache-control"] == "no-store"  # it names the applicant
    assert lean.json() == routed.json()
    logged = [r for r in caplog.records if r.name == "motcua.access"]
    assert [(r.request_id, r.status) for r in logged] == [("lean-1", 200), ("doc-1", 200)]  # type: ignore[attr-defined]

    # a failure inside the lean path is the app's 500 problem with the request id, nothing internal
    await world.app.state.read_pool.close()
    broken = await world.client.get(
        f"/api/v1/lookup/{code}?pin={pin}", headers={"X-Request-ID": "lean-2"}
    )
    assert broken.status_code == 500
    assert broken.headers["content-type"] == "application/problem+json"
    assert broken.json()["request_id"] == "lean-2"
    assert "pool" not in broken.text.lower()
