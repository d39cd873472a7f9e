"""First come, first served admission: at most ``limit`` holders at once, the others wait in order.

``asyncio.Semaphore`` and ``asyncio.Queue`` let a newcomer take a slot freed while others wait (a
release wakes a waiter, but a task that arrives before it runs takes the slot first); under a steady
load that barging starves some waiters for a long time, the latency's tail. Here a released slot is
handed to the oldest waiter directly.
"""

from __future__ import annotations

import asyncio
from collections import deque
from types import TracebackType


class FairLimit:
    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self._free = limit
        self._waiters: deque[asyncio.Future[None]] = deque()

    async def __aenter__(self) -> None:
        if self._free > 0 and not self._waiters:
            self._free -= 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        except BaseException:
            if waiter.done() and not waiter.cancelled():
                self._release()  # handed a slot while being cancelled: pass it on
            else:
                self._waiters.remove(waiter)
            raise

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._release()

    def _release(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(
                    None
                )  # the slot goes to the oldest waiter, never to the free pool
                return
        self._free += 1
