"""The public lookup on its own asyncpg pool and its lean path: masking, 404 sameness, throttling,
no write on success, and the same answers, headers and problems as the documented route.

On a cloned, committed database (the lookup reads with its own connections, outside any test
transaction), through the same app code the server runs.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from httpx import ASGITransport, AsyncClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_engine, create_read_pool, create_session_factory
from app.services.dossiers import pin_guard
from app.services.identity import throttle
from tests.conftest import build_app, make_settings
from tests.dossiers.conftest import World

MAX_FAILURES = 3
ORIGIN = "https://h5.zalo.me"


@asynccontextmanager
async def _lookup_app(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path, **overrides: Any
) -> AsyncIterator[tuple[World, AsyncEngine]]:
    url = clone_demo()
    settings = make_settings(
        url, data_dir=tmp_path, upload_dir=tmp_path / "uploads", cors_origins=[ORIGIN], **overrides
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


@pytest.fixture
async def lookup_world(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path
) -> AsyncIterator[tuple[World, AsyncEngine]]:
    async with _lookup_app(
        clone_demo, dev_key, tmp_path, lookup_max_failures=MAX_FAILURES
    ) as world_engine:
        yield world_engine


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


# Several clients behind the trusted proxy (the test client's peer, 127.0.0.1) by X-Forwarded-For.
BEHIND_PROXY: dict[str, Any] = {"trusted_proxies": ["127.0.0.1/32"]}


def _from(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": address}


async def _counter(engine: AsyncEngine, scope: str, *parts: str) -> int | None:
    async with engine.connect() as conn:
        failures = await conn.scalar(
            text("SELECT failures FROM throttle_counters WHERE key = :k"),
            {"k": throttle.throttle_key(scope, *parts)},
        )
    return None if failures is None else int(failures)


async def test_a_parallel_burst_of_wrong_pins_counts_exactly_up_to_the_limit(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path
) -> None:
    """16 wrong PINs at once against a per-code limit of 10 (the issue's leak: all 16 counted and
    checked): exactly 10 counted on the code, never past it; 9 answered 404, the rest 429."""
    async with _lookup_app(clone_demo, dev_key, tmp_path) as (world, engine):
        limit = world.settings.lookup_code_max_failures
        assert (limit, world.settings.db_pool_size) == (10, 10)
        created = await world.submit_at_desk(await world.officer("tiepnhan.xa"))
        code = created.json()["code"]
        burst = await asyncio.gather(
            *(
                world.client.get(f"/api/v1/lookup/{code}", params={"pin": f"ZZZZ{i:02d}"})
                for i in range(16)
            )
        )
        statuses = sorted(r.status_code for r in burst)
        assert statuses == [404] * (limit - 1) + [429] * (16 - limit + 1)
        assert await _counter(engine, pin_guard.CODE_SCOPE, code) == limit
        # the client counts each PIN checked and wrong once; a request that read the code's block
        # before its check was refused unchecked (429) and counts nowhere
        checked = await _counter(engine, pin_guard.CLIENT_SCOPE, "127.0.0.1")
        assert checked is not None and limit <= checked <= 16


async def test_a_code_locks_after_its_failures_from_any_clients_others_do_not(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path
) -> None:
    """The per-code lock: failures from three clients lock the code for everyone, right PIN
    included (the README's trade-off); another code, from the same clients, still answers."""
    async with _lookup_app(
        clone_demo, dev_key, tmp_path, lookup_code_max_failures=3, **BEHIND_PROXY
    ) as (world, engine):
        desk = await world.officer("tiepnhan.xa")
        locked = (await world.submit_at_desk(desk)).json()
        other = (await world.submit_at_desk(desk)).json()
        statuses = [
            (
                await world.client.get(
                    f"/api/v1/lookup/{locked['code']}",
                    params={"pin": "ZZZZZZ"},
                    headers=_from(f"203.0.113.{i}"),
                )
            ).status_code
            for i in (1, 2, 3)
        ]
        assert statuses == [404, 404, 429]
        right = await world.client.get(
            f"/api/v1/lookup/{locked['code']}",
            params={"pin": locked["pin"]},
            headers=_from("198.51.100.9"),
        )
        assert right.status_code == 429
        assert right.json()["code"] == "lookup_throttled"
        retry_after = int(right.headers["retry-after"])
        assert world.settings.lookup_code_block_seconds - 60 < retry_after
        assert retry_after <= world.settings.lookup_code_block_seconds
        for client in ("203.0.113.1", "198.51.100.9"):
            fine = await world.client.get(
                f"/api/v1/lookup/{other['code']}",
                params={"pin": other["pin"]},
                headers=_from(client),
            )
            assert fine.status_code == 200, client
        assert await _counter(engine, pin_guard.CODE_SCOPE, locked["code"]) == 3


async def test_the_per_client_cap_refuses_everything_from_that_client_only(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path
) -> None:
    async with _lookup_app(
        clone_demo, dev_key, tmp_path, lookup_max_failures=4, **BEHIND_PROXY
    ) as (world, _):
        created = (await world.submit_at_desk(await world.officer("tiepnhan.xa"))).json()
        scanner = _from("203.0.113.50")
        statuses = [
            (
                await world.client.get(
                    f"/api/v1/lookup/{created['code']}{i}",
                    params={"pin": "ZZZZZZ"},
                    headers=scanner,
                )
            ).status_code
            for i in range(5)
        ]
        assert statuses == [404, 404, 404, 429, 429]  # unknown codes, each counted once per code
        own = {"pin": created["pin"]}
        capped = await world.client.get(
            f"/api/v1/lookup/{created['code']}", params=own, headers=scanner
        )
        assert capped.status_code == 429  # the cap applies to a correct PIN too
        elsewhere = await world.client.get(
            f"/api/v1/lookup/{created['code']}", params=own, headers=_from("203.0.113.51")
        )
        assert elsewhere.status_code == 200


async def test_a_correct_pin_answers_from_an_address_others_failed_from(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path
) -> None:
    """A commune office's NAT: ten neighbours' wrong look-ups (the old per-client lock) do not lock
    out the citizen behind the same address with the right PIN."""
    async with _lookup_app(clone_demo, dev_key, tmp_path, **BEHIND_PROXY) as (world, engine):
        desk = await world.officer("tiepnhan.xa")
        mine = (await world.submit_at_desk(desk)).json()
        office = _from("203.0.113.77")
        neighbours = (await world.submit_at_desk(desk)).json()["code"]
        for i in range(10):
            failed = await world.client.get(
                f"/api/v1/lookup/{neighbours}{i % 3}", params={"pin": "ZZZZZZ"}, headers=office
            )
            assert failed.status_code == 404
        ok = await world.client.get(
            f"/api/v1/lookup/{mine['code']}", params={"pin": mine["pin"]}, headers=office
        )
        assert ok.status_code == 200
        assert await _counter(engine, pin_guard.CLIENT_SCOPE, "203.0.113.77") == 10
