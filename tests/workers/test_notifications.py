"""Acceptance 1 (a rolled-back enqueue is never delivered), 6 (webhook signature verifies on the
receiving side) and references resolved at send time, with a real `motcua worker` process."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_session_factory
from app.models.outbox import OutboxMessage
from app.models.user import Role, User
from app.services.identity import users as users_service
from app.services.notifications import channels as notifications
from app.services.system import outbox as outbox_service
from tests.workers.conftest import Receiver, WorkerFactory, async_wait_until, wait_started

pytestmark = pytest.mark.committed

WEBHOOK_SECRET = "webhook-secret-for-tests-0123456789abcdef"


async def test_rollback_reference_and_signed_webhook(
    committed_db: tuple[str, AsyncEngine], receiver: Receiver, start_worker: WorkerFactory
) -> None:
    url, engine = committed_db
    factory = create_session_factory(engine)
    async with factory() as session, session.begin():
        user = await users_service.create_user(
            session,
            users_service.NewUser(
                "ref.user", "Nguyễn Văn A", "mat-khau-du-dai", frozenset({("A1", Role.admin)})
            ),
        )
        notified = await outbox_service.enqueue(
            session,
            "notification.status_changed",
            "000.00.01.H99-261123-0001",
            {
                "kind": "dossier_status",
                "status": "received",
                "ref": {"kind": "user", "id": str(user.id)},
            },
        )
        by_ref = await outbox_service.enqueue(
            session, "test.user_ref", "user-ref", {"ref": {"kind": "user", "id": str(user.id)}}
        )
        dangling = await outbox_service.enqueue(
            session, "test.user_ref", "dangling", {"ref": {"kind": "user", "id": str(uuid.uuid4())}}
        )
    # A change that rolls back takes its message with it.
    async with factory() as session, session.begin():
        rolled_back = await outbox_service.enqueue(
            session, "test.deliver", "rolled-back", {"seq": 1}
        )
        await session.rollback()
    # The referenced row changes after enqueueing: the handler must send the state at send time.
    async with factory() as session, session.begin():
        await session.execute(update(User).where(User.id == user.id).values(full_name="Trần Thị B"))
        sentinel = await outbox_service.enqueue(session, "test.deliver", "sentinel", {"seq": 1})

    worker = start_worker(
        url,
        MOTCUA_NOTIFY_WEBHOOK_URL=receiver.url + "/webhook",
        MOTCUA_NOTIFY_WEBHOOK_SECRET=WEBHOOK_SECRET,
    )
    await wait_started([worker])

    def webhook_requests() -> list[object]:
        return [r for r in receiver.requests if r.path == "/webhook"]

    await async_wait_until(
        lambda: (
            sentinel.id in receiver.applied and by_ref.id in receiver.applied and webhook_requests()
        ),
        30,
        "deliveries",
    )
    await async_wait_until(lambda: '"notification"' in worker.log(), 10, "the log channel's line")

    async def dangling_dead() -> bool:
        async with factory() as session:
            dead_at = await session.scalar(
                select(OutboxMessage.dead_at).where(OutboxMessage.id == dangling.id)
            )
        return dead_at is not None

    await async_wait_until(dangling_dead, 10, "the dangling reference's dead letter")
    assert worker.terminate() == 0

    # 1. the rolled-back message: no row, never delivered
    assert all(r.json()["key"] != "rolled-back" for r in receiver.requests if r.path == "/deliver")
    async with factory() as session:
        ids = set((await session.scalars(select(OutboxMessage.id))).all())
        delivered = await session.scalar(
            select(OutboxMessage.delivered_at).where(OutboxMessage.id == sentinel.id)
        )
    assert rolled_back.id not in ids
    assert delivered is not None

    # reference resolved when sent, not when enqueued
    assert receiver.applied[by_ref.id]["current"]["full_name"] == "Trần Thị B"
    # a reference to nothing cannot get better by retrying: a dead letter after one attempt
    async with factory() as session:
        gone = await session.get(OutboxMessage, dangling.id)
    assert gone is not None
    assert gone.attempts == 1
    assert "UnresolvableReference" in (gone.last_error or "")
    assert dangling.id not in receiver.applied

    # 6. the webhook: verify exactly as the README tells a receiver to
    [hook] = [r for r in receiver.requests if r.path == "/webhook"]
    header = hook.headers["x-motcua-signature"]
    parts = dict(item.split("=", 1) for item in header.split(","))
    expected = hmac.new(
        WEBHOOK_SECRET.encode(), parts["t"].encode() + b"." + hook.body, hashlib.sha256
    ).hexdigest()
    assert hmac.compare_digest(parts["v1"], expected)
    assert abs(int(parts["t"]) - time.time()) < 60
    assert notifications.verify_signature(WEBHOOK_SECRET, header, hook.body)
    assert not notifications.verify_signature("another-secret", header, hook.body)
    assert not notifications.verify_signature(WEBHOOK_SECRET, header, hook.body + b" ")
    assert hook.headers["x-motcua-message-id"] == str(notified.id)
    document = json.loads(hook.body)
    assert document["id"] == notified.id
    assert document["topic"] == "notification.status_changed"
    assert document["data"]["status"] == "received"
    assert document["data"]["current"]["full_name"] == "Trần Thị B"

    # the log channel: one structured line, no personal data
    lines = [json.loads(line) for line in worker.log().splitlines() if line.startswith("{")]
    [logged] = [line for line in lines if line.get("event") == "notification"]
    assert logged["message_id"] == notified.id
    assert logged["status"] == "received"
    assert "Trần Thị B" not in worker.log()
    metrics = [line for line in lines if line.get("event") == "worker_metrics"]
    assert metrics[-1]["final"] is True
    assert metrics[-1]["delivered"] == 3
