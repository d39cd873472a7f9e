"""The handlers, reference resolvers and periodic jobs every worker runs."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from app.models.user import User
from app.services.identity import throttle as throttle_service
from app.services.notifications import channels as notifications
from app.services.system import outbox as outbox_service
from app.services.system.registry import (
    Envelope,
    UnresolvableReference,
    WorkerContext,
    outbox_handler,
    periodic_job,
    reference_resolver,
    resolve_payload,
)

STATUS_CHANGED = "notification.status_changed"


@outbox_handler(STATUS_CHANGED)
async def deliver_status_changed(message: Envelope, ctx: WorkerContext) -> None:
    """A status change to tell someone about: always a log line; the webhook when one is configured.

    The payload may be a reference; it is resolved now, so the receiver gets the current state.
    """
    data = await resolve_payload(message.payload, ctx)
    notifications.log_channel(message.id, message.topic, message.ordering_key, data)
    url = ctx.settings.notify_webhook_url
    if url:
        await notifications.webhook_channel(
            ctx.http,
            url=url,
            secret=ctx.settings.notify_webhook_secret.get_secret_value(),
            message_id=message.id,
            topic=message.topic,
            document={
                "id": message.id,
                "topic": message.topic,
                "ordering_key": message.ordering_key,
                "created_at": message.created_at.isoformat(),
                "attempt": message.attempt,
                "data": data,
            },
        )


@reference_resolver("user")
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


@periodic_job("throttle.purge_expired", every=timedelta(hours=1))
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


@periodic_job("outbox.purge_delivered", cron="17 2 * * *")
async def purge_delivered_messages(ctx: WorkerContext, period: datetime) -> int:
    """Nightly: delete delivered outbox messages past the retention period."""
    async with ctx.session_factory() as session, session.begin():
        return await outbox_service.purge_delivered(session, ctx.settings.outbox_retention_days)
