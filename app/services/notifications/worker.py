"""What the notifications domain gives the worker: one handler per channel, and ``dossier`` references
resolved into their wording (app/services/notifications/content.py).

A notification is one outbox message per channel (``system.topics``): ``notification.log`` and, when a
webhook is configured, ``notification.webhook``. Each is delivered, retried and dead-lettered on its
own, so a webhook retry never writes the log line again. Messages queued before that split
(``notification.status_changed``, one message for every channel) are still delivered, the old way.
"""

from __future__ import annotations

from typing import Any

from app.services.notifications import channels
from app.services.notifications.content import resolve_dossier
from app.services.system.registry import (
    Envelope,
    Handler,
    PermanentDeliveryError,
    Resolver,
    WorkerContext,
    resolve_payload,
)
from app.services.system.topics import NOTIFICATION_LOG, NOTIFICATION_WEBHOOK, STATUS_CHANGED


async def deliver_log(message: Envelope, ctx: WorkerContext) -> None:
    """The log channel: one structured line, without personal data."""
    data = await resolve_payload(message.payload, ctx)
    channels.log_channel(message.id, message.topic, message.ordering_key, data)


async def deliver_webhook(message: Envelope, ctx: WorkerContext) -> None:
    """The webhook channel: the signed document, with the state resolved now (send time)."""
    url = ctx.settings.notify_webhook_url
    if not url:  # switched off since the message was queued: a dead letter, replayed once set again
        raise PermanentDeliveryError("MOTCUA_NOTIFY_WEBHOOK_URL is not set")
    await _post_webhook(message, ctx, url, await resolve_payload(message.payload, ctx))


async def deliver_status_changed(message: Envelope, ctx: WorkerContext) -> None:
    """A message queued before the split into channels: the log line, then the webhook if set."""
    data = await resolve_payload(message.payload, ctx)
    channels.log_channel(message.id, message.topic, message.ordering_key, data)
    url = ctx.settings.notify_webhook_url
    if url:
        await _post_webhook(message, ctx, url, data)


async def _post_webhook(
    message: Envelope, ctx: WorkerContext, url: str, data: dict[str, Any]
) -> None:
    # Receivers see the kind of notification, whatever the channel's topic in our outbox.
    await channels.webhook_channel(
        ctx.http,
        url=url,
        secret=ctx.settings.notify_webhook_secret.get_secret_value(),
        message_id=message.id,
        topic=STATUS_CHANGED,
        document={
            "id": message.id,
            "topic": STATUS_CHANGED,
            "ordering_key": message.ordering_key,
            "created_at": message.created_at.isoformat(),
            "attempt": message.attempt,
            "data": data,
        },
    )


HANDLERS: dict[str, Handler] = {
    NOTIFICATION_LOG: deliver_log,
    NOTIFICATION_WEBHOOK: deliver_webhook,
    STATUS_CHANGED: deliver_status_changed,
}
RESOLVERS: dict[str, Resolver] = {"dossier": resolve_dossier}
