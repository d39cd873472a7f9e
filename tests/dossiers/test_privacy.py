"""Security and privacy of dossiers: scoping, the masked public lookup, throttling, tokens."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from jose import jwt
from sqlalchemy import func, select

from app.config import DEV_CITIZEN_ISSUER
from app.models.throttle import ThrottleCounter
from app.models.user import Role
from tests.dossiers.conftest import BIRTH, COMMUNE, CONSTRUCTION, World, committed_world


async def test_unrelated_officer_cannot_read_and_citizens_see_only_their_own(world: World) -> None:
    owner = await world.citizen("privacy-owner")
    stranger = await world.citizen("privacy-stranger")
    submitted = await world.submit_online(owner, BIRTH, COMMUNE)
    code = submitted.json()["code"]
    _, unrelated = await world.new_officer((CONSTRUCTION, Role.leader), (CONSTRUCTION, Role.admin))
    for headers in (unrelated, stranger):
        for path in (f"/api/v1/dossiers/{code}", f"/api/v1/dossiers/{code}/events"):
            response = await world.client.get(path, headers=headers)
            assert response.status_code == 404
            assert response.json()["code"] == "dossier_not_found"
        listed = await world.client.get("/api/v1/dossiers", headers=headers)
        assert code not in [d["code"] for d in listed.json()["items"]]
        searched = await world.client.get(
            "/api/v1/dossiers", params={"applicant_id": "001099012345"}, headers=headers
        )
        assert code not in [d["code"] for d in searched.json()["items"]]
    mine = await world.client.get("/api/v1/dossiers", headers=owner)
    assert [d["code"] for d in mine.json()["items"]] == [code]
    assert (await world.get(code, await world.officer("tiepnhan.xa"))).status_code == 200


async def test_officers_handling_a_dossier_can_download_its_files_others_cannot(
    world: World,
) -> None:
    owner = await world.citizen("files-owner")
    code = (await world.submit_online(owner, BIRTH, COMMUNE)).json()["code"]
    full = (await world.get(code, owner)).json()
    upload_id = full["documents"][0]["upload_id"]
    desk = await world.officer("tiepnhan.xa")
    handled = await world.client.get(f"/api/v1/uploads/{upload_id}/content", headers=desk)
    assert handled.status_code == 200
    assert handled.headers["x-content-type-options"] == "nosniff"
    assert handled.headers["content-disposition"].startswith("attachment")
    _, unrelated = await world.new_officer((CONSTRUCTION, Role.specialist))
    refused = await world.client.get(f"/api/v1/uploads/{upload_id}/content", headers=unrelated)
    assert refused.status_code == 404


async def test_citizen_token_signed_hs256_with_the_public_key_is_rejected(world: World) -> None:
    public_jwk = await world.app.state.dev_issuer.public_jwk()
    private = serialization.load_pem_private_key(world.app.state.dev_issuer.private_key_pem, None)
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    now = int(time.time())
    claims = {
        "iss": DEV_CITIZEN_ISSUER,
        "aud": world.settings.citizen_audience,
        "sub": "attacker",
        "iat": now,
        "exp": now + 600,
    }
    header = base64.urlsafe_b64encode(
        json.dumps({"alg": "HS256", "typ": "JWT", "kid": public_jwk["kid"]}).encode()
    ).rstrip(b"=")
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=")
    import hashlib
    import hmac

    signature = base64.urlsafe_b64encode(
        hmac.new(public_pem, header + b"." + payload, hashlib.sha256).digest()
    ).rstrip(b"=")
    forged = (header + b"." + payload + b"." + signature).decode()
    response = await world.client.get(
        "/api/v1/dossiers", headers={"Authorization": f"Bearer {forged}"}
    )
    assert response.status_code == 401
    _ = jwt  # python-jose is what verifies on the server side


@pytest.fixture
async def live(
    clone_demo: Callable[[], str], dev_key: bytes, tmp_path: Path
) -> AsyncIterator[World]:
    world, engine = await committed_world(clone_demo(), dev_key, tmp_path)
    try:
        yield world
    finally:
        await world.client.aclose()
        await engine.dispose()


@pytest.mark.committed
async def test_lookup_is_masked_and_a_wrong_pin_looks_like_an_unknown_code(live: World) -> None:
    owner = await live.citizen("lookup-owner")
    created = (await live.submit_online(owner, BIRTH, COMMUNE)).json()
    code, pin = created["code"], created["pin"]
    response = await live.client.get(f"/api/v1/lookup/{code}", params={"pin": pin})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["applicant_name"] == "Nguyễn V** A**"
    assert body["status"] == "submitted"
    assert body["status_label"] == "Đã nộp, chờ tiếp nhận"
    assert body["procedure_name"]
    text = response.text
    for secret in ("001099012345", "0912345678", "an.nguyen@example.vn", "Lê Lợi", pin, "Văn An"):
        assert secret not in text
    assert set(body) == {
        "code", "procedure_name", "status", "status_label", "received_at", "due_at",
        "promised_due_at", "finished_at", "current_agency", "applicant_name",
    }  # fmt: skip
    # lower-case PIN typed by a person still matches
    assert (
        await live.client.get(f"/api/v1/lookup/{code}", params={"pin": pin.lower()})
    ).status_code == 200

    wrong = await live.client.get(f"/api/v1/lookup/{code}", params={"pin": "ZZZZZZ"})
    unknown = await live.client.get(f"/api/v1/lookup/{COMMUNE}-991231-9999", params={"pin": pin})
    assert wrong.status_code == unknown.status_code == 404
    strip = lambda r: {k: v for k, v in r.json().items() if k != "request_id"}  # noqa: E731
    assert strip(wrong) == strip(unknown)
    assert wrong.headers["content-type"] == unknown.headers["content-type"]


@pytest.mark.committed
async def test_failed_lookups_are_throttled_and_successes_write_nothing(live: World) -> None:
    owner = await live.citizen("throttle-owner")
    created = (await live.submit_online(owner, BIRTH, COMMUNE)).json()
    code, pin = created["code"], created["pin"]

    async def counters() -> int:
        async with live.factory() as session:
            return int(await session.scalar(select(func.count()).select_from(ThrottleCounter)) or 0)

    for _ in range(5):
        assert (
            await live.client.get(f"/api/v1/lookup/{code}", params={"pin": pin})
        ).status_code == 200
    assert await counters() == 0  # a successful look-up costs no write
    # wrong PINs on one code meet the per-code limit first (the per-client cap is far higher)
    statuses = [
        (await live.client.get(f"/api/v1/lookup/{code}", params={"pin": "WRONG1"})).status_code
        for _ in range(live.settings.lookup_code_max_failures)
    ]
    assert statuses[:-1] == [404] * (live.settings.lookup_code_max_failures - 1)
    assert statuses[-1] == 429
    blocked = await live.client.get(f"/api/v1/lookup/{code}", params={"pin": pin})
    assert blocked.status_code == 429  # even the right PIN waits out the block
    assert int(blocked.headers["retry-after"]) > 0
