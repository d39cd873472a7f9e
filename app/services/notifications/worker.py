"""What the notifications domain gives the worker: the delivery of notifications, and ``dossier``
references resolved into their wording (app/services/notifications/content.py)."""

from __future__ import annotations

from app.services.notifications import channels as notifications
from app.services.notifications.content import resolve_dossier
from app.services.system.registry import Envelope, Handler, Resolver, WorkerContext, resolve_payload

STATUS_CHANGED = "notification.status_changed"


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


HANDLERS: dict[str, Handler] = {STATUS_CHANGED: deliver_status_changed}
RESOLVERS: dict[str, Resolver] = {"dossier": resolve_dossier}
