"""Worker plug-in used by the tests (MOTCUA_WORKER_PLUGINS=tests.workers.plugins).

Handlers POST to the test receiver named by MOTCUA_TEST_RECEIVER_URL, sending the message id as the
idempotency id; the periodic job ``test.tick`` is listed only when MOTCUA_TEST_TICK=1. ``test.complete``
also returns a completion that writes to ``test_completions`` (a table the test creates), failing after
its write when the payload's ``fail_completion_on_attempt`` is the current attempt.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.services.notifications.channels import MESSAGE_ID_HEADER
from app.services.system.registry import (
    Completion,
    Envelope,
    Handler,
    PeriodicJob,
    WorkerContext,
    resolve_payload,
)


def _receiver() -> str:
    return os.environ["MOTCUA_TEST_RECEIVER_URL"]


async def _post(
    ctx: WorkerContext, path: str, message_id: int | None, body: dict[str, object]
) -> None:
    headers = {MESSAGE_ID_HEADER: str(message_id)} if message_id is not None else {}
    response = await ctx.http.post(_receiver() + path, json=body, headers=headers)
    response.raise_for_status()


async def deliver(message: Envelope, ctx: WorkerContext) -> None:
    await _post(
        ctx,
        "/deliver",
        message.id,
        {
            "id": message.id,
            "key": message.ordering_key,
            "seq": message.payload.get("seq"),
            "attempt": message.attempt,
            "pid": os.getpid(),
        },
    )


async def deliver_user(message: Envelope, ctx: WorkerContext) -> None:
    data = await resolve_payload(message.payload, ctx)
    await _post(
        ctx, "/deliver", message.id, {"id": message.id, "key": message.ordering_key, **data}
    )


async def deliver_with_completion(message: Envelope, ctx: WorkerContext) -> Completion:
    await deliver(message, ctx)

    async def complete(session: AsyncSession) -> None:
        await session.execute(
            text("INSERT INTO test_completions (message_id, attempt) VALUES (:id, :attempt)"),
            {"id": message.id, "attempt": message.attempt},
        )
        if message.payload.get("fail_completion_on_attempt") == message.attempt:
            raise RuntimeError("the completion failed after its write")

    return complete


async def tick(ctx: WorkerContext, period: datetime) -> None:
    await _post(ctx, "/tick", None, {"period": period.timestamp(), "pid": os.getpid()})


HANDLERS: dict[str, Handler] = {
    "test.deliver": deliver,
    "test.user_ref": deliver_user,
    "test.complete": deliver_with_completion,
}
JOBS = (
    (PeriodicJob("test.tick", tick, every=timedelta(seconds=1)),)
    if os.environ.get("MOTCUA_TEST_TICK") == "1"
    else ()
)
