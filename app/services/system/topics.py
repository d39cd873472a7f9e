"""Outbox topics that more than one domain names: the notification channels and the national portal's
sync (DESIGN.md section 8).

The dossiers domain queues notifications and the notifications domain delivers them; both take the
topic names from here, the lowest domain, so neither imports the other. A notification is one outbox
message per channel: a retry repeats only the channel that failed, never one that succeeded.
"""

from __future__ import annotations

from app.config import Settings

# One topic per channel.
NOTIFICATION_LOG = "notification.log"
NOTIFICATION_WEBHOOK = "notification.webhook"
# The kind of notification, as webhook receivers see it (header X-MotCua-Topic, the document's
# "topic"); also the topic of the messages queued before notifications were split per channel (one
# message for every channel), which the worker still delivers.
STATUS_CHANGED = "notification.status_changed"


def notification_topics(settings: Settings) -> tuple[str, ...]:
    """The channels a notification is queued for: the log always, the webhook when
    ``MOTCUA_NOTIFY_WEBHOOK_URL`` is set."""
    if settings.notify_webhook_url:
        return (NOTIFICATION_LOG, NOTIFICATION_WEBHOOK)
    return (NOTIFICATION_LOG,)


# The national portal's copy of a dossier (queued by the dossiers domain, delivered by the portal
# adapter): one message per change, each building the dossier's state when it is sent.
PORTAL_SYNC = "portal.sync"


def portal_topics(settings: Settings) -> tuple[str, ...]:
    """The portal sync, when a portal is configured (``MOTCUA_PORTAL_BASE_URL``)."""
    return (PORTAL_SYNC,) if settings.portal_base_url else ()
