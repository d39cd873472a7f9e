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


# The portal sync is ordered on a key of its own: a portal outage holds back the dossier's later
# portal messages only, never its notifications (each channel keeps its own order).
PORTAL_KEY_PREFIX = "portal:"


def ordering_key(topic: str, dossier_code: str) -> str:
    """The outbox ordering key of a dossier's message on ``topic``: the dossier's code, prefixed with
    ``portal:`` for the portal sync, so that each channel of a dossier is delivered in order on its
    own and a channel that is down delays nothing but itself."""
    if topic == PORTAL_SYNC:
        return PORTAL_KEY_PREFIX + dossier_code
    return dossier_code


# The statistics' rollups (queued by the dossiers domain, folded by the stats domain): one message per
# change the national index counts (issue 17).
STATS_ROLLUP = "stats.rollup"
# Topics whose handler works from the dossier's state at run time and reads nothing of the message:
# one message per ordering key and transaction is enough (``outbox.enqueue_all``). A desk receipt
# (submission and receipt, two events) then queues one fold, not two.
COALESCED_TOPICS = frozenset({STATS_ROLLUP})


def stats_topics(settings: Settings) -> tuple[str, ...]:
    """The rollup message (statistics need no outside party), unless ``MOTCUA_STATS_ROLLUPS=false``.

    Why a switch: the index's acceptance bounds what the rollups add to an action (p50 at most
    10 % above the same action without statistics), and the honest baseline is the shipped code with
    only this side effect gone: the action then writes no ``stats.rollup`` outbox row, everything else
    (the event, the other effects, the transaction) unchanged. Nothing else reads the switch; the
    folds missed meanwhile come back with ``motcua stats rebuild``."""
    return (STATS_ROLLUP,) if settings.stats_rollups else ()
