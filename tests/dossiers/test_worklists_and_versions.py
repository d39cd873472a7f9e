"""Worklist filters and keyset pages; optimistic versions; side effects in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from httpx import ASGITransport, AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.models.dossier import Dossier, DossierStep
from app.models.outbox import OutboxMessage
from app.models.procedure import Procedure
from app.models.user import User, UserRole
from app.services.dossiers.jobs import flag_overdue
from tests.conftest import build_app
from tests.dossiers.conftest import BIRTH, COMMUNE, World

PROCEDURE = "1.001612"


async def test_keyset_pages_cover_everything_once_and_filters_apply(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    created = [(await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()["code"] for _ in range(5)]
    refused = (await world.submit_at_desk(desk, BIRTH, COMMUNE, outcome="refuse")).json()["code"]
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, "status": "received", **({"cursor": cursor} if cursor else {})}
        page = (await world.client.get("/api/v1/dossiers", params=params, headers=desk)).json()
        seen += [item["code"] for item in page["items"]]
        assert all(item["status"] == "received" for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert set(created) <= set(seen)
    assert len(seen) == len(set(seen))
    assert refused not in seen
    assert [c for c in seen if c in created] == list(reversed(created))  # newest first
    by_status = await world.client.get(
        "/api/v1/dossiers", params={"status": "rejected"}, headers=desk
    )
    assert by_status.json()["items"][0]["code"] == refused
    by_applicant = await world.client.get(
        "/api/v1/dossiers", params={"applicant_id": "001199054321", "limit": 100}, headers=desk
    )
    assert set(created) <= {i["code"] for i in by_applicant.json()["items"]}
    by_procedure = await world.client.get(
        "/api/v1/dossiers", params={"procedure": PROCEDURE}, headers=desk
    )
    assert not set(created) & {i["code"] for i in by_procedure.json()["items"]}
    bad_cursor = await world.client.get("/api/v1/dossiers", params={"cursor": "!!"}, headers=desk)
    assert bad_cursor.status_code == 400
    assigned = await world.client.get(
        "/api/v1/dossiers", params={"assigned_to_me": "true"}, headers=desk
    )
    assert assigned.json()["items"] == []
    leader = await world.officer("lanhdao.xa")
    code = created[0]
    await world.act(code, "assign", leader, assignee="tiepnhan.xa")
    mine = await world.client.get(
        "/api/v1/dossiers", params={"assigned_to_me": "true"}, headers=desk
    )
    assert [i["code"] for i in mine.json()["items"]] == [code]


async def test_stale_version_is_409_and_stale_if_match_is_412(world: World) -> None:
    desk = await world.officer("tiepnhan.xa")
    created = (await world.submit_at_desk(desk, PROCEDURE, COMMUNE)).json()
    code, version = created["code"], created["version"]
    stale_body = await world.act(code, "forward", desk, version=version - 1)
    assert stale_body.status_code == 409
    assert stale_body.json()["code"] == "version_conflict"
    stale_header = await world.client.post(
        f"/api/v1/dossiers/{code}/actions/forward",
        json={},
        headers={**desk, "If-Match": f'"{version - 1}"'},
    )
    assert stale_header.status_code == 412
    fresh = await world.client.post(
        f"/api/v1/dossiers/{code}/actions/forward",
        json={"version": version},
        headers={**desk, "If-Match": f'"{version}"'},
    )
    assert fresh.status_code == 200
    assert fresh.json()["version"] == version + 1
    assert fresh.headers["etag"] == f'"{version + 1}"'


async def test_actions_queue_the_side_effects_their_table_declares_and_a_refusal_nothing(
    world: World, session: AsyncSession
) -> None:
    desk = await world.officer("tiepnhan.xa")
    code = (await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()["code"]

    async def messages() -> list[OutboxMessage]:
        return list(
            await session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.ordering_key == code)
                .order_by(OutboxMessage.id)
            )
        )

    queued = await messages()
    # no webhook configured: the log channel only; the statistics hear of the transaction once
    # (issue 17: the fold reads the dossier's state, so its topic is coalesced per transaction)
    assert [(m.topic, m.payload["action"]) for m in queued] == [
        ("notification.log", "submit"),
        ("stats.rollup", "submit"),
        ("notification.log", "receive"),
    ]
    assert queued[-1].payload["ref"] == {"kind": "dossier", "code": code}
    refused = await world.act(code, "return_result", desk)
    assert refused.status_code == 409
    problem = refused.json()
    assert (problem["code"], problem["status"]) == ("action_not_allowed", 409)
    assert problem["dossier_status"] == "received"
    assert "forward" in problem["allowed_actions"]
    assert len(await messages()) == 3
    # an internal move is not announced to the applicant (side_effects.SIDE_EFFECTS); no portal is
    # configured here; the statistics hear of the forward (a step at another agency)
    await world.act(code, "forward", desk)
    assert [(m.topic, m.payload["action"]) for m in await messages()][3:] == [
        ("stats.rollup", "forward")
    ]
    stopped = await world.act(
        code,
        "request_supplement",
        desk,
        note="Thiếu bản sao giấy tờ.",
        items=[{"requirement_code": "TP01", "reason": "Thiếu chữ ký"}],
    )
    assert stopped.status_code == 200, stopped.text
    notified = [m.payload["action"] for m in await messages() if m.topic == "notification.log"]
    assert notified == ["submit", "receive", "request_supplement"]


async def test_with_a_webhook_each_event_queues_one_message_per_channel(
    world: World,
    session: AsyncSession,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    settings = world.settings.model_copy(
        update={"notify_webhook_url": "https://sms-gateway.example.gov.vn/motcua"}
    )
    app = build_app(settings, engine, session_factory)
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        hooked = World(app, client, session_factory, settings)
        desk = await hooked.officer("tiepnhan.xa")
        code = (await hooked.submit_at_desk(desk, BIRTH, COMMUNE)).json()["code"]
    queued = await session.scalars(
        select(OutboxMessage).where(OutboxMessage.ordering_key == code).order_by(OutboxMessage.id)
    )
    assert [(m.topic, m.payload["action"]) for m in queued] == [
        ("notification.log", "submit"),
        ("notification.webhook", "submit"),
        ("stats.rollup", "submit"),
        ("notification.log", "receive"),
        ("notification.webhook", "receive"),
    ]


async def test_sweep_flags_due_soon_and_overdue(world: World, session: AsyncSession) -> None:
    desk = await world.officer("tiepnhan.xa")
    codes = [(await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()["code"] for _ in range(2)]
    now = datetime.now(UTC)
    await session.execute(
        Dossier.__table__.update()
        .where(Dossier.code == codes[0])
        .values(due_at=now - timedelta(hours=1))
    )
    await flag_overdue(session, world.settings, now)
    rows = {
        d.code: (d.overdue, d.due_soon)
        for d in await session.scalars(select(Dossier).where(Dossier.code.in_(codes)))
    }
    assert rows[codes[0]] == (True, False)
    # a 1-working-day procedure received just now is due within the 1-working-day window
    assert rows[codes[1]] == (False, True)
    overdue = await world.client.get("/api/v1/dossiers", params={"overdue": "true"}, headers=desk)
    assert codes[0] in [i["code"] for i in overdue.json()["items"]]


async def _all_pages(world: World, headers: dict[str, str], params: dict[str, Any]) -> list[str]:
    codes: list[str] = []
    cursor = None
    while True:
        page_params = {**params, "limit": 3, **({"cursor": cursor} if cursor else {})}
        response = await world.client.get("/api/v1/dossiers", params=page_params, headers=headers)
        assert response.status_code == 200, (params, response.text)
        codes += [item["code"] for item in response.json()["items"]]
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return codes


async def test_every_filter_agrees_with_a_plain_reading_of_the_table(
    world: World, session: AsyncSession
) -> None:
    """Each worklist filter (alone and combined, officer and citizen) returns exactly the visible
    dossiers a plain ORM query filtered in Python returns, newest first, across keyset pages."""
    desk = await world.officer("tiepnhan.xa")
    leader = await world.officer("lanhdao.xa")
    citizen = await world.citizen("citizen-filters")
    codes = [(await world.submit_at_desk(desk, BIRTH, COMMUNE)).json()["code"] for _ in range(3)]
    codes.append((await world.submit_at_desk(desk, PROCEDURE, COMMUNE)).json()["code"])
    codes.append((await world.submit_at_desk(desk, outcome="refuse")).json()["code"])
    online = await world.submit_online(citizen, BIRTH, COMMUNE)
    assert online.status_code == 201, online.text
    await world.act(codes[0], "assign", leader, assignee="tiepnhan.xa")
    await session.execute(
        Dossier.__table__.update()
        .where(Dossier.code == codes[1])
        .values(overdue=True, due_at=datetime.now(UTC) - timedelta(hours=1))
    )
    me = await session.scalar(select(User.id).where(User.username == "tiepnhan.xa"))
    agencies = set(
        await session.scalars(select(UserRole.agency_code).where(UserRole.user_id == me))
    )
    stepped = select(DossierStep.dossier_id).where(DossierStep.agency_code.in_(agencies))
    rows = (
        await session.execute(
            select(Dossier, Procedure.code)
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .order_by(Dossier.id.desc())
        )
    ).all()
    officer_sees = [
        (d, p)
        for d, p in rows
        if {d.receiving_office_code, d.current_agency_code} & agencies
        or d.id in set(await session.scalars(stepped))
    ]
    noon = datetime.now(UTC) - timedelta(minutes=5)
    due = datetime.now(UTC) + timedelta(days=3)
    cases: list[tuple[dict[str, Any], Callable[[Dossier, str], bool]]] = [
        ({}, lambda d, p: True),
        ({"status": ["received", "rejected"]}, lambda d, p: d.status in {"received", "rejected"}),
        (
            {"agency": COMMUNE},
            lambda d, p: COMMUNE in {d.current_agency_code, d.receiving_office_code},
        ),
        ({"assignee": "TiepNhan.Xa"}, lambda d, p: d.assignee_id == me),
        ({"assigned_to_me": "true"}, lambda d, p: d.assignee_id == me),
        ({"overdue": "true"}, lambda d, p: d.overdue),
        ({"overdue": "false"}, lambda d, p: not d.overdue),
        ({"due_before": due.isoformat()}, lambda d, p: d.due_at is not None and d.due_at < due),
        ({"procedure": PROCEDURE}, lambda d, p: p == PROCEDURE),
        ({"channel": "online"}, lambda d, p: d.channel == "online"),
        (
            {"received_from": noon.isoformat()},
            lambda d, p: d.received_at is not None and d.received_at >= noon,
        ),
        (
            {"received_to": noon.isoformat()},
            lambda d, p: d.received_at is not None and d.received_at < noon,
        ),
        ({"applicant_id": " 001199054321 "}, lambda d, p: d.applicant_id_number == "001199054321"),
        (
            {"status": "received", "channel": "desk", "procedure": BIRTH},
            lambda d, p: d.status == "received" and d.channel == "desk" and p == BIRTH,
        ),
    ]
    for params, keep in cases:
        expected = [d.code for d, p in officer_sees if keep(d, p)]
        assert await _all_pages(world, desk, params) == expected, params
    # the new dossiers are really in the cases above (the oracle is not vacuous)
    assert set(codes) <= {d.code for d, _ in officer_sees}

    owned = [d for d, _ in rows if d.owner_subject == "citizen-filters"]
    assert [d.code for d in owned] == [online.json()["code"]]
    assert await _all_pages(world, citizen, {}) == [d.code for d in owned]
    assert await _all_pages(world, citizen, {"channel": "desk"}) == []


async def test_one_worklist_route_answers_every_caller(world: World) -> None:
    """The worklist has one path, the documented route (its lean twin is gone, issue 10). For every
    caller and page query: the expected status, and an extra parameter the API ignores changes
    nothing (same status, body, problem and ``WWW-Authenticate``)."""
    desk = await world.officer("tiepnhan.xa")
    citizen = await world.citizen("citizen-lean")
    for _ in range(3):
        await world.submit_at_desk(desk, BIRTH, COMMUNE)
    assert (await world.submit_online(citizen, BIRTH, COMMUNE)).status_code == 201
    first = await world.client.get("/api/v1/dossiers", params={"limit": 2}, headers=desk)
    cursor = first.json()["next_cursor"]
    assert cursor is not None
    callers: list[tuple[dict[str, str], bool]] = [
        (desk, True),
        (citizen, True),
        ({}, False),
        ({"Authorization": "Bearer not-a-token"}, False),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, False),
    ]
    queries: list[tuple[dict[str, Any], int]] = [
        ({}, 200),
        ({"limit": 2}, 200),
        ({"limit": 2, "cursor": cursor}, 200),
        ({"cursor": "!!"}, 400),
    ]
    for headers, authenticated in callers:
        for params, status in queries:
            plain = await world.client.get("/api/v1/dossiers", params=params, headers=headers)
            extra = await world.client.get(
                "/api/v1/dossiers", params={**params, "utm": "x"}, headers=headers
            )
            assert plain.status_code == (status if authenticated else 401), (headers, params)
            assert plain.status_code == extra.status_code, (headers, params, plain.text)
            assert plain.headers["content-type"] == extra.headers["content-type"]
            same = {k: v for k, v in plain.json().items() if k != "request_id"}
            assert same == {k: v for k, v in extra.json().items() if k != "request_id"}
            assert plain.headers.get("www-authenticate") == extra.headers.get("www-authenticate")
    assert [i["code"] for i in first.json()["items"]] != []
    lean_paths = [
        route.match(_scope("/api/v1/dossiers", "limit=2")) for route in world.app.lean_routes
    ]  # type: ignore[attr-defined]
    assert lean_paths == [None] * len(lean_paths)


def _scope(path: str, query: str) -> dict[str, Any]:
    return {"type": "http", "method": "GET", "path": path, "query_string": query.encode()}
