"""What the identity domain gives the worker: ``user`` references and the throttle purge."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from app.models.user import User
from app.services.identity import throttle as throttle_service
from app.services.system.registry import (
    PeriodicJob,
    Resolver,
    UnresolvableReference,
    WorkerContext,
)


async def resolve_user(ref: dict[str, Any], ctx: WorkerContext) -> dict[str, Any]:
    """``{"kind": "user", "id": "<uuid>"}`` -> the officer's current public fields."""
    try:
        user_id = uuid.UUID(str(ref.get("id")))
    except ValueError as exc:
        raise UnresolvableReference("user reference without a valid id") from exc
    async with ctx.session_factory() as session:
        user = await session.get(User, user_id)
    if user is None:
        raise UnresolvableReference(f"user {user_id} does not exist")
    return {
        "id": str(user.id),
        "username": user.username,
        "full_name": user.full_name,
        "active": user.active,
    }


async def purge_throttle_counters(ctx: WorkerContext, period: datetime) -> int:
    """Drop login / look-up throttle counters whose window and block are both over."""
    settings = ctx.settings
    older_than = timedelta(
        seconds=max(
            settings.login_window_seconds,
            settings.login_block_seconds,
            settings.lookup_window_seconds,
            settings.lookup_block_seconds,
            settings.lookup_code_window_seconds,
            settings.lookup_code_block_seconds,
        )
    )
    return await throttle_service.purge_expired(ctx.engine, older_than)


RESOLVERS: dict[str, Resolver] = {"user": resolve_user}
JOBS = (PeriodicJob("throttle.purge_expired", purge_throttle_counters, every=timedelta(hours=1)),)
