"""What the portal adapter gives the worker: the ``portal.sync`` handler (DESIGN.md section 8).

Each change of a dossier queues one ``portal.sync`` message (``dossiers.side_effects``). Its delivery
builds the dossier's state at send time and pushes it, then the progress rows the portal has not
acknowledged; the acknowledgement (the last event sent and when) is written on the dossier in the
transaction that marks the message delivered, so both commit or neither.

* Messages of one dossier are delivered one at a time, in order (the outbox's ordering key is the
  dossier's code). When several wait — the portal was down — the first delivery sends the latest
  state and the following ones find it acknowledged and send nothing: the latest state arrives once.
* A dossier the portal has acknowledged before is updated; one it has not, created ("already
  exists" becomes an update all the same).
* ``PortalUnavailable`` is retried with back-off; ``PortalRefused`` (our data or configuration)
  becomes a dead letter at once, replayed by an administrator after the fix.
"""

from __future__ import annotations

import weakref
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import Dossier
from app.services.portal import payloads
from app.services.portal import snapshot as portal_snapshot
from app.services.portal.client import (
    PortalClient,
    PortalConfig,
    PortalRefused,
    SessionLogin,
)
from app.services.system.registry import (
    Completion,
    Envelope,
    Handler,
    PermanentDeliveryError,
    UnresolvableReference,
    WorkerContext,
)
from app.services.system.topics import PORTAL_SYNC

# One session login per worker (per shared HTTP client), so concurrent deliveries share a token.
_LOGINS: weakref.WeakKeyDictionary[httpx.AsyncClient, SessionLogin] = weakref.WeakKeyDictionary()


def _client(ctx: WorkerContext, config: PortalConfig) -> PortalClient:
    login = _LOGINS.get(ctx.http)
    if login is None or login.config != config:
        login = _LOGINS[ctx.http] = SessionLogin(config)
    return PortalClient(ctx.http, config, login)


def link_policy(ctx: WorkerContext, now: datetime) -> payloads.LinkPolicy:
    settings = ctx.settings
    return payloads.LinkPolicy(
        settings.public_base_url,
        settings.secret_key.get_secret_value(),
        now + timedelta(days=settings.portal_link_days),
    )


def acknowledge(dossier_code: str, seq: int, at: datetime) -> Completion:
    """Record that the portal holds the dossier's state up to event ``seq`` (never moving back)."""

    async def complete(session: AsyncSession) -> None:
        await session.execute(
            update(Dossier)
            .where(
                Dossier.code == dossier_code,
                or_(Dossier.portal_acked_seq.is_(None), Dossier.portal_acked_seq < seq),
            )
            .values(portal_acked_seq=seq, portal_acked_at=at, updated_at=Dossier.updated_at)
            .execution_options(synchronize_session=False)
        )

    return complete


async def deliver_sync(message: Envelope, ctx: WorkerContext) -> Completion | None:
    """Push the dossier's current state and its unacknowledged progress to the portal."""
    config = PortalConfig.from_settings(ctx.settings)
    if config is None:  # switched off since the message was queued: replayed once set again
        raise PermanentDeliveryError("MOTCUA_PORTAL_BASE_URL is not set")
    ref = message.payload.get("ref")
    code = (
        str(ref.get("code")) if isinstance(ref, dict) and ref.get("code") else message.ordering_key
    )
    async with ctx.session_factory() as session:
        marks = (
            await session.execute(
                select(Dossier.portal_acked_seq, Dossier.last_event_seq).where(Dossier.code == code)
            )
        ).one_or_none()
        if marks is None:
            raise UnresolvableReference(f"no dossier {code}")
        acked = marks.portal_acked_seq
        if acked is not None and acked >= marks.last_event_seq:
            return None  # the portal already holds this state (an earlier message sent it)
        try:
            snap = await portal_snapshot.load(session, code)
        except portal_snapshot.DossierGone as exc:
            raise UnresolvableReference(f"no dossier {code}") from exc
    now = datetime.now(UTC)
    item = payloads.dossier_payload(snap, link_policy(ctx, now))
    rows = payloads.progress_rows(snap, after_seq=acked or 0)
    try:
        await _client(ctx, config).sync(
            snap.receiving_office_code, item, rows, known=acked is not None
        )
    except PortalRefused as exc:
        raise PermanentDeliveryError(str(exc)) from exc
    return acknowledge(code, snap.last_event_seq, datetime.now(UTC))


HANDLERS: dict[str, Handler] = {PORTAL_SYNC: deliver_sync}
