"""``admission.FairLimit``: at most ``limit`` at once, and waiters served in arrival order (no
newcomer takes a slot freed while others wait), whatever is cancelled."""

from __future__ import annotations

import asyncio

import pytest

from app.admission import FairLimit


async def _slot_is_free(limit: FairLimit) -> None:
    await asyncio.wait_for(limit.__aenter__(), 5)
    await limit.__aexit__(None, None, None)


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_at_most_limit_at_once_and_in_arrival_order() -> None:
    limit = FairLimit(2)
    inside: list[int] = []
    peak = 0
    order: list[int] = []
    gates = {i: asyncio.Event() for i in range(6)}

    async def holder(i: int) -> None:
        nonlocal peak
        async with limit:
            order.append(i)
            inside.append(i)
            peak = max(peak, len(inside))
            await gates[i].wait()
            inside.remove(i)

    tasks = []
    for i in range(6):
        tasks.append(asyncio.create_task(holder(i)))
        await _settle()  # arrival order is creation order
    assert order == [0, 1]
    for i in range(6):
        gates[i].set()
        await _settle()
    await asyncio.wait_for(asyncio.gather(*tasks), 5)
    assert order == [0, 1, 2, 3, 4, 5] and peak == 2


async def test_a_newcomer_never_takes_a_slot_freed_while_others_wait() -> None:
    """With ``asyncio.Semaphore`` a task arriving between a release and the woken waiter's turn
    takes the slot (barging); here the slot is already the waiter's."""
    limit = FairLimit(1)
    order: list[str] = []
    release = asyncio.Event()

    async def first() -> None:
        async with limit:
            await release.wait()
        # still in the same step as the release: a newcomer arrives before the waiter has run
        late.append(asyncio.create_task(holder("newcomer")))

    async def holder(name: str) -> None:
        async with limit:
            order.append(name)

    late: list[asyncio.Task[None]] = []
    running = asyncio.create_task(first())
    await _settle()
    waiting = asyncio.create_task(holder("waiter"))
    await _settle()
    release.set()
    await asyncio.wait_for(asyncio.gather(running, waiting), 5)
    await asyncio.wait_for(asyncio.gather(*late), 5)
    assert order == ["waiter", "newcomer"]


async def test_a_cancelled_waiter_leaves_its_place_and_loses_no_slot() -> None:
    limit = FairLimit(1)
    release = asyncio.Event()
    entered: list[str] = []

    async def holder(name: str, hold: asyncio.Event | None = None) -> None:
        async with limit:
            entered.append(name)
            if hold is not None:
                await hold.wait()

    first = asyncio.create_task(holder("first", release))
    await _settle()
    cancelled = asyncio.create_task(holder("cancelled"))
    after = asyncio.create_task(holder("after"))
    await _settle()
    cancelled.cancel()
    await _settle()
    release.set()
    await asyncio.wait_for(asyncio.gather(first, after), 5)
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    assert entered == ["first", "after"]
    await _slot_is_free(limit)


async def test_a_waiter_cancelled_as_it_is_handed_the_slot_passes_it_on() -> None:
    limit = FairLimit(1)
    entered: list[str] = []

    async def holder(name: str) -> None:
        async with limit:
            entered.append(name)

    await limit.__aenter__()  # the test holds the slot
    doomed = asyncio.create_task(holder("doomed"))
    third = asyncio.create_task(holder("third"))
    await _settle()
    await limit.__aexit__(None, None, None)  # no await inside: doomed has the slot, not yet run
    doomed.cancel()
    await asyncio.wait_for(third, 5)
    with pytest.raises(asyncio.CancelledError):
        await doomed
    assert entered == ["third"]
    await _slot_is_free(limit)  # it came back after third


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        FairLimit(0)
