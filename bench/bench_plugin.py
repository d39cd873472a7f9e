"""Handler of the benchmark topic: POST to the local receiver, dedupe id in a header
(MOTCUA_WORKER_PLUGINS=bench.bench_plugin)."""

from __future__ import annotations

import os

from app.services.notifications.channels import MESSAGE_ID_HEADER
from app.services.system.registry import Envelope, Handler, WorkerContext


async def deliver(message: Envelope, ctx: WorkerContext) -> None:
    response = await ctx.http.post(
        os.environ["MOTCUA_BENCH_RECEIVER_URL"],
        json={"id": message.id, "key": message.ordering_key},
        headers={MESSAGE_ID_HEADER: str(message.id)},
    )
    response.raise_for_status()


HANDLERS: dict[str, Handler] = {"bench.deliver": deliver}
