"""Which side effects each lifecycle action has: a table beside the lifecycle table (DESIGN.md 4, 8).

The dossiers domain never calls the domains above it (notifications, portal, statistics, payments):
it declares here what each action causes, and the event writer (``events.record_event``) queues one
outbox message per topic of each declared effect, in the action's own transaction. A domain picks its
messages up through its outbox handlers.

* ``notify`` — the applicant hears of it: status changes they act on or wait for. Internal moves
  (assigning an officer, forwarding between steps, sending back, attaching results) and the
  applicant's own rating are not announced to them.
* ``portal_sync`` — the national portal's copy of the dossier and its progress changes (every change,
  including assignments and step moves: the portal's progress rows name the handling officer).
* ``stats`` — the statistics' rollups change (creation, receipt, endings, supplements, payments,
  ratings: what the national index counts).

An effect whose domain is not built yet has no topics (``topics_for``): declared now, wired when the
domain arrives, so nothing waits in the outbox for a handler that does not exist.
"""

from __future__ import annotations

from enum import StrEnum

from app.config import Settings
from app.models.dossier import Action
from app.services.system.topics import notification_topics, portal_topics


class SideEffect(StrEnum):
    notify = "notify"
    portal_sync = "portal_sync"
    stats = "stats"


N, P, S = SideEffect.notify, SideEffect.portal_sync, SideEffect.stats

# Keyed by the event's action: an ``Action`` value, "submit" at creation, "add_documents".
SIDE_EFFECTS: dict[str, frozenset[SideEffect]] = {
    "submit": frozenset({N, P, S}),
    Action.receive: frozenset({N, P, S}),
    Action.reject: frozenset({N, P, S}),
    Action.request_supplement: frozenset({N, P, S}),
    Action.supplement: frozenset({N, P, S}),
    Action.assign: frozenset({P}),
    Action.forward: frozenset({P, S}),
    Action.send_back: frozenset({P}),
    Action.request_payment: frozenset({N, P, S}),
    Action.record_payment: frozenset({N, P, S}),
    Action.reschedule: frozenset({N, P, S}),
    Action.stop: frozenset({N, P, S}),
    Action.resolve: frozenset({N, P, S}),
    Action.return_result: frozenset({N, P, S}),
    Action.withdraw: frozenset({N, P, S}),
    Action.rate: frozenset({P, S}),
    Action.refuse: frozenset({N, P, S}),
    "add_documents": frozenset({P}),
}


def topics_for(effect: SideEffect, settings: Settings) -> tuple[str, ...]:
    """The outbox topics of ``effect``: one per notification channel; the portal sync when a portal
    is configured; none yet for the statistics (issue 17)."""
    if effect is SideEffect.notify:
        return notification_topics(settings)
    if effect is SideEffect.portal_sync:
        return portal_topics(settings)
    return ()


def topics_of(action: str, settings: Settings) -> tuple[str, ...]:
    """Every outbox topic the event of ``action`` queues, in a stable order."""
    effects = SIDE_EFFECTS[action]
    return tuple(
        topic
        for effect in SideEffect
        if effect in effects
        for topic in topics_for(effect, settings)
    )
