"""Two administrators deciding the same day at once: one creates, the other replaces, no error.

Runs on a cloned database with real commits, requests in parallel (not in a rolled-back transaction).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from httpx import ASGITransport, AsyncClient
from sqlalchemy import func, select

from app.db import create_engine, create_session_factory
from app.models.calendar import CalendarOverride
from app.models.user import Role
from app.services.identity import users as users_service
from app.services.identity.tokens import TokenService
from tests.conftest import build_app, make_settings


@pytest.fixture
def url(clone_database: Callable[[], str]) -> str:
    return clone_database()  # outside the test's event loop: cloning runs its own


async def test_parallel_puts_on_one_day_do_not_collide(url: str) -> None:
    settings = make_settings(url)
    engine = create_engine(url, settings)
    factory = create_session_factory(engine)
    try:
        async with factory() as session:
            user = await users_service.create_user(
                session,
                users_service.NewUser(
                    "admin-song-song", "Quản trị", "mat-khau-kiem-thu",
                    frozenset({("000.00.00.H99", Role.admin)}),
                ),
            )  # fmt: skip
            await session.commit()
        token, _ = TokenService(settings).issue_officer_token(
            user.id, user.username, [("000.00.00.H99", Role.admin)]
        )
        app = build_app(settings, engine, factory)
        headers = {"Authorization": f"Bearer {token}"}
        async with AsyncClient(transport=ASGITransport(app=app), base_url="http://t") as client:
            responses = await asyncio.gather(
                *(
                    client.put(
                        "/api/v1/admin/calendar/2026-12-31",
                        json={"kind": "day_off", "reason": f"Quyết định số {n} (demo)"},
                        headers=headers,
                    )
                    for n in range(6)
                )
            )
        statuses = sorted(r.status_code for r in responses)
        assert statuses == [200, 200, 200, 200, 200, 201], [r.text for r in responses]
        async with factory() as session:
            count = await session.scalar(select(func.count()).select_from(CalendarOverride))
        assert count == 1
    finally:
        await engine.dispose()
