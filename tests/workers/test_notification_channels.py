"""A notification is one outbox message per channel: a failing webhook is retried on its own, and the
log channel, which succeeded, is never repeated (DESIGN.md section 8)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_session_factory
from app.models.outbox import OutboxMessage
from app.services.system import outbox as outbox_service
from app.services.system.topics import NOTIFICATION_LOG, NOTIFICATION_WEBHOOK
from tests.conftest import make_settings
from tests.workers.conftest import Receiver, WorkerFactory, async_wait_until, wait_started

pytestmark = pytest.mark.committed

WEBHOOK_SECRET = "webhook-secret-for-tests-0123456789abcdef"


async def test_a_webhook_failing_once_is_retried_alone_and_the_log_line_is_written_once(
    committed_db: tuple[str, AsyncEngine], receiver: Receiver, start_worker: WorkerFactory
) -> None:
    url, engine = committed_db
    factory = create_session_factory(engine)
    webhook = {
        "MOTCUA_NOTIFY_WEBHOOK_URL": receiver.url + "/webhook",
        "MOTCUA_NOTIFY_WEBHOOK_SECRET": WEBHOOK_SECRET,
    }
    settings = make_settings(url, notify_webhook_url=webhook["MOTCUA_NOTIFY_WEBHOOK_URL"])
    receiver.fail_webhook = 1
    async with factory() as session, session.begin():
        queued = await outbox_service.enqueue_notification(
            session, settings, "D-CHANNELS", {"kind": "dossier_status", "status": "received"}
        )
    log_message, webhook_message = queued
    assert (log_message.topic, webhook_message.topic) == (NOTIFICATION_LOG, NOTIFICATION_WEBHOOK)
    assert log_message.ordering_key == webhook_message.ordering_key == "D-CHANNELS"

    worker = start_worker(url, MOTCUA_OUTBOX_BACKOFF_BASE_SECONDS="0.2", **webhook)
    await wait_started([worker])

    async def load(message_id: int) -> OutboxMessage:
        async with factory() as session:
            message = await session.scalar(
                select(OutboxMessage).where(OutboxMessage.id == message_id)
            )
        assert message is not None
        return message

    async def webhook_delivered() -> bool:
        return (await load(webhook_message.id)).delivered_at is not None

    await async_wait_until(webhook_delivered, 30, "the webhook after its retry")
    assert worker.terminate() == 0

    hooks = [r for r in receiver.requests if r.path == "/webhook"]
    assert len(hooks) == 2  # failed once, then accepted
    assert {r.headers["x-motcua-message-id"] for r in hooks} == {str(webhook_message.id)}
    assert json.loads(hooks[-1].body)["topic"] == "notification.status_changed"  # the kind
    delivered_log = await load(log_message.id)
    assert delivered_log.delivered_at is not None
    assert delivered_log.attempts == 1
    delivered_webhook = await load(webhook_message.id)
    assert delivered_webhook.attempts == 2
    assert "503" in (delivered_webhook.last_error or "")
    lines = [json.loads(line) for line in worker.log().splitlines() if line.startswith("{")]
    notified = [line for line in lines if line.get("event") == "notification"]
    assert [line["message_id"] for line in notified] == [log_message.id]  # exactly once
    assert notified[0]["channel"] == "log"
